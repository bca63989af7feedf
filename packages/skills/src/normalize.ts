import { SKILL_NAME_MAX_LENGTH } from '@talentgraph/vocabulary';
import { TrigramIndex, allowedEdits, editDistance } from './fuzzy.ts';
import { cleanName, nameKey } from './names.ts';
import { type Skill, type SkillLanguage, type SkillName, taxonomy } from './taxonomy.ts';

/**
 * How a text matched: `label` (a preferred label, exactly), `alias` (another name, exactly), `folded`
 * (a label or alias once case, accents, spaces and punctuation are ignored), `fuzzy` (within a few typing
 * errors of a name; see fuzzy.ts for how few).
 */
export type SkillMatchKind = 'label' | 'alias' | 'folded' | 'fuzzy';

export interface SkillMatch {
  readonly skill: Skill;
  readonly match: SkillMatchKind;
  /** The skill's name that matched, as the taxonomy writes it. */
  readonly matched: string;
  /**
   * 1 for an exact label, 0.95 an exact alias, 0.9 folded, 0.5–0.85 fuzzy (shorter names and more edits
   * give less); 0.05 less when a version number or a parenthesis had to be removed ("Python 3.12",
   * "React (3 years)"). Below 0.75, offer the match as a suggestion rather than apply it.
   */
  readonly confidence: number;
}

export interface NormalizeOptions {
  /** Prefer names of this language when a name belongs to several skills ("BDD"). */
  readonly language?: SkillLanguage;
}

interface NormalizerIndex {
  readonly exact: ReadonlyMap<string, readonly SkillName[]>;
  readonly byKey: ReadonlyMap<string, readonly SkillName[]>;
  readonly fuzzyKeys: readonly string[];
  readonly fuzzy: TrigramIndex;
}

let index: NormalizerIndex | undefined;

function normalizerIndex(): NormalizerIndex {
  if (index !== undefined) return index;
  const exact = new Map<string, SkillName[]>();
  const byKey = new Map<string, SkillName[]>();
  for (const name of taxonomy().names) {
    append(exact, name.text, name);
    append(byKey, name.key, name);
  }
  const fuzzyKeys = [...byKey.keys()].filter((key) => allowedEdits(key.length) > 0);
  index = { exact, byKey, fuzzyKeys, fuzzy: new TrigramIndex(fuzzyKeys) };
  return index;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * The canonical skill a free-text skill name means ("ReactJS", "react.js", "Réact", "React.js " → React;
 * "apprentissage automatique" → Machine learning), or null when none is close enough. Exact names win
 * over folded ones, folded over fuzzy; among equals, the requested language's names, then curated skills,
 * then labels.
 */
export function normalizeSkill(text: string, options: NormalizeOptions = {}): SkillMatch | null {
  const clean = cleanName(text);
  if (clean.length === 0 || clean.length > SKILL_NAME_MAX_LENGTH) return null;
  for (const [variant, penalty] of variantsOf(clean)) {
    const found = exactOrFolded(variant, options.language);
    if (found !== null)
      return penalty === 0 ? found : { ...found, confidence: round(found.confidence - penalty) };
  }
  return fuzzyMatch(nameKey(clean), options.language);
}

/** The text itself, then without a trailing version number or parenthesis. */
function variantsOf(clean: string): [string, number][] {
  const withoutParenthesis = clean.replace(/\s*\([^)]*\)$/, '');
  const withoutVersion = (text: string) => text.replace(/(?<=\D)[\s-]*v?\d+(?:\.\d+)*\+?$/i, '');
  const variants: [string, number][] = [[clean, 0]];
  for (const variant of [withoutVersion(clean), withoutParenthesis, withoutVersion(withoutParenthesis)]) {
    if (variant !== '' && !variants.some(([existing]) => existing === variant))
      variants.push([variant, 0.05]);
  }
  return variants;
}

function exactOrFolded(text: string, language: SkillLanguage | undefined): SkillMatch | null {
  const { exact, byKey } = normalizerIndex();
  const exactName = best(exact.get(text) ?? [], language);
  if (exactName !== undefined) {
    const kind = exactName.kind === 'label' ? 'label' : 'alias';
    return {
      skill: exactName.skill,
      match: kind,
      matched: exactName.text,
      confidence: kind === 'label' ? 1 : 0.95,
    };
  }
  const folded = best(
    (byKey.get(nameKey(text)) ?? []).filter((name) => !name.caseSensitive),
    language,
  );
  return folded === undefined
    ? null
    : { skill: folded.skill, match: 'folded', matched: folded.text, confidence: 0.9 };
}

function fuzzyMatch(key: string, language: SkillLanguage | undefined): SkillMatch | null {
  const maxEdits = allowedEdits(key.length);
  if (maxEdits === 0) return null;
  const { fuzzy, fuzzyKeys, byKey } = normalizerIndex();
  let distance = maxEdits + 1;
  let closest: SkillName[] = [];
  for (const position of fuzzy.candidates(key, maxEdits, false)) {
    const candidate = fuzzyKeys[position]!;
    // Below eight characters the first letter must also be right: typos rarely hit it, and short names
    // differ from each other by little else.
    if (key.length < 8 && candidate[0] !== key[0]) continue;
    const candidateDistance = editDistance(key, candidate, maxEdits);
    const names = (byKey.get(candidate) ?? []).filter((name) => !name.caseSensitive);
    if (candidateDistance > maxEdits || names.length === 0) continue;
    if (candidateDistance < distance) {
      distance = candidateDistance;
      closest = [...names];
    } else if (candidateDistance === distance) {
      closest.push(...names);
    }
  }
  const chosen = best(closest, language);
  if (chosen === undefined) return null;
  const rival = closest.find(
    (name) => name.skill !== chosen.skill && compareNames(name, chosen, language) === 0,
  );
  if (rival !== undefined) return null;
  const confidence = Math.min(0.85, Math.max(0.5, 0.9 - (1.2 * distance) / key.length));
  return { skill: chosen.skill, match: 'fuzzy', matched: chosen.text, confidence: round(confidence) };
}

/** Negative when `a` is the better name to resolve to, for equally good matches. */
function compareNames(a: SkillName, b: SkillName, language: SkillLanguage | undefined): number {
  const speaks = (name: SkillName) =>
    language === undefined || name.language === 'any' || name.language === language ? 1 : 0;
  return (
    speaks(b) - speaks(a) ||
    b.skill.weight - a.skill.weight ||
    (a.kind === 'label' ? 0 : 1) - (b.kind === 'label' ? 0 : 1)
  );
}

function best(names: readonly SkillName[], language: SkillLanguage | undefined): SkillName | undefined {
  const byId = (a: SkillName, b: SkillName) =>
    a.skill.id < b.skill.id ? -1 : a.skill.id > b.skill.id ? 1 : 0;
  return [...names].sort((a, b) => compareNames(a, b, language) || byId(a, b))[0];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
