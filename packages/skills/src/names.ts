import { foldAccents, normalizeSkillName, skillKey } from '@talentgraph/vocabulary';

/**
 * Name handling shared by the build script and the runtime indexes. Two names are the same skill name
 * when their `skillKey` (packages/vocabulary, the one definition used by profiles, offers and matching)
 * is equal: case, accents, spaces and punctuation do not count, except `+` and `#`.
 */
export { skillKey as nameKey, normalizeSkillName as cleanName };

/** Lower case without accents, punctuation kept: "Réseaux Sociaux" → "reseaux sociaux". */
export function foldCase(text: string): string {
  return foldAccents(text).toLowerCase();
}

/** "Ruby (computer programming)" → "Ruby": ESCO disambiguates some names with a parenthesis. */
export function baseName(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, '').trim() || label;
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'for',
  'in',
  'of',
  'on',
  'the',
  'to',
  'with',
  'au',
  'aux',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'par',
  'pour',
  'sur',
  'un',
  'une',
]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldCase(word));
}

/** The words of a name that carry meaning, folded and without a plural `s`: "Cloud Technologies" → cloud, technologie. */
export function significantWords(name: string): string[] {
  return foldCase(name)
    .split(/[^a-z0-9+#]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));
}
