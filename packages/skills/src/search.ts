import { type SkillCategoryId } from './categories.ts';
import { TrigramIndex, allowedEdits, prefixEditDistance } from './fuzzy.ts';
import { isStopWord, nameKey } from './names.ts';
import { type Skill, type SkillLanguage, type SkillName, taxonomy } from './taxonomy.ts';

/**
 * Why a skill is in the results, best first: the query is a whole name (`exact`), the start of a
 * preferred label in the requested language (`label-prefix`), the start of another name
 * (`alias-prefix`), the start of a later word of a name (`word-prefix`: "learning" finds "Machine
 * learning"), or the start of a name give or take a typo (`fuzzy`).
 */
export type SkillSearchMatch = 'exact' | 'label-prefix' | 'alias-prefix' | 'word-prefix' | 'fuzzy';

export interface SkillSearchResult {
  readonly skill: Skill;
  /** The skill's preferred label in the requested language: what to display. */
  readonly label: string;
  /** The name the query matched (a label or an alias, in either language). */
  readonly matched: string;
  readonly match: SkillSearchMatch;
}

export interface SkillSearchOptions {
  /** Language of the labels returned and preferred when ranking (default `en`); both languages are searched. */
  readonly language?: SkillLanguage;
  /** How many results (default 10, at most SKILL_SEARCH_MAX_LIMIT). */
  readonly limit?: number;
  /** Only skills of this category. */
  readonly category?: SkillCategoryId;
}

export const SKILL_SEARCH_DEFAULT_LIMIT = 10;
export const SKILL_SEARCH_MAX_LIMIT = 50;

const TIER: Readonly<Record<SkillSearchMatch, number>> = {
  exact: 4,
  'label-prefix': 3,
  'alias-prefix': 2,
  'word-prefix': 1,
  fuzzy: 0,
};

interface SearchIndex {
  /** Sorted keys of every name and of every name's tail from each later word ("learning" of "Machine learning"). */
  readonly keys: readonly string[];
  readonly entries: readonly { readonly name: SkillName; readonly fromWord: boolean }[];
  readonly nameKeys: readonly string[];
  readonly namesByKey: ReadonlyMap<string, readonly SkillName[]>;
  readonly fuzzy: TrigramIndex;
}

let index: SearchIndex | undefined;

function searchIndex(): SearchIndex {
  if (index !== undefined) return index;
  const rows: { key: string; name: SkillName; fromWord: boolean }[] = [];
  const namesByKey = new Map<string, SkillName[]>();
  for (const name of taxonomy().names) {
    rows.push({ key: name.key, name, fromWord: false });
    namesByKey.set(name.key, [...(namesByKey.get(name.key) ?? []), name]);
    const words = name.text.split(/[\s\-/_.,()&'’:]+/).filter((word) => word !== '');
    for (let start = 1; start < words.length; start += 1) {
      if (isStopWord(words[start]!)) continue;
      const key = nameKey(words.slice(start).join(' '));
      if (key !== '' && key !== name.key) rows.push({ key, name, fromWord: true });
    }
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const nameKeys = [...namesByKey.keys()];
  index = {
    keys: rows.map((row) => row.key),
    entries: rows.map(({ name, fromWord }) => ({ name, fromWord })),
    nameKeys,
    namesByKey,
    fuzzy: new TrigramIndex(nameKeys),
  };
  return index;
}

interface Candidate {
  readonly skill: Skill;
  readonly name: SkillName;
  readonly match: SkillSearchMatch;
  /** Everything the ranking compares before labels, folded into one number (higher is better). */
  readonly rank: number;
}

/**
 * Autocomplete over labels and aliases in both languages, ignoring case, accents, spaces and punctuation
 * ("node j" finds Node.js, "c#" C#, "gestion d" Gestion de projet). Ranked by how the query matched
 * (SkillSearchMatch order), then names in the requested language, then fewer typos, then curated
 * skills above ESCO ones, then labels before aliases, then shorter names. Typos are looked for only
 * when the query, as typed, starts no name. The index is built on first use; queries then take well
 * under a millisecond (docs/benchmarks.md).
 */
export function searchSkills(query: string, options: SkillSearchOptions = {}): SkillSearchResult[] {
  const language = options.language ?? 'en';
  const limit = Math.min(
    Math.max(Math.trunc(options.limit ?? SKILL_SEARCH_DEFAULT_LIMIT), 1),
    SKILL_SEARCH_MAX_LIMIT,
  );
  const key = nameKey(query);
  if (key === '') return [];
  const { keys, entries } = searchIndex();
  const best = new Map<Skill, Candidate>();
  const consider = (name: SkillName, match: SkillSearchMatch, distance: number) => {
    if (options.category !== undefined && name.skill.category !== options.category) return;
    const inLanguage = name.language === 'any' || name.language === language;
    const rank =
      TIER[match] * 1e6 +
      Number(inLanguage) * 1e5 -
      distance * 1e4 +
      name.skill.weight * 1e3 +
      Number(name.kind === 'label') * 1e2;
    const current = best.get(name.skill);
    if (current === undefined || rank > current.rank)
      best.set(name.skill, { skill: name.skill, name, match, rank });
  };
  for (
    let position = lowerBound(keys, key);
    position < keys.length && keys[position]!.startsWith(key);
    position += 1
  ) {
    const { name, fromWord } = entries[position]!;
    const inLanguage = name.language === 'any' || name.language === language;
    consider(
      name,
      fromWord
        ? 'word-prefix'
        : name.key === key
          ? 'exact'
          : name.kind === 'label' && inLanguage
            ? 'label-prefix'
            : 'alias-prefix',
      0,
    );
  }
  if (best.size === 0) {
    for (const { name, distance } of fuzzyMatches(key)) consider(name, 'fuzzy', distance);
  }
  return topCandidates(best.values(), limit, language).map(({ skill, name, match }) => ({
    skill,
    label: skill.label[language],
    matched: name.text,
    match,
  }));
}

/** Names starting like `key` give or take the typos its length allows. */
function fuzzyMatches(key: string): { name: SkillName; distance: number }[] {
  // At most two typos, and not in the first letter: whoever types a name knows how it starts, and these
  // two limits keep the candidates few enough for a keystroke's budget.
  const maxEdits = Math.min(allowedEdits(key.length), 2);
  if (maxEdits === 0) return [];
  const { fuzzy, nameKeys, namesByKey } = searchIndex();
  const found: { name: SkillName; distance: number }[] = [];
  for (const position of fuzzy.candidates(key, maxEdits, true)) {
    const candidateKey = nameKeys[position]!;
    if (candidateKey[0] !== key[0]) continue;
    const distance = prefixEditDistance(key, candidateKey, maxEdits);
    if (distance > maxEdits) continue;
    for (const name of namesByKey.get(candidateKey) ?? []) found.push({ name, distance });
  }
  return found;
}

/** The `limit` best candidates in order, without sorting them all (a one-letter query matches thousands). */
function topCandidates(candidates: Iterable<Candidate>, limit: number, language: SkillLanguage): Candidate[] {
  const top: Candidate[] = [];
  for (const candidate of candidates) {
    if (top.length === limit && compareCandidates(candidate, top[limit - 1]!, language) >= 0) continue;
    let position = top.length;
    while (position > 0 && compareCandidates(candidate, top[position - 1]!, language) < 0) position -= 1;
    top.splice(position, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return top;
}

function compareCandidates(a: Candidate, b: Candidate, language: SkillLanguage): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  const labelA = a.skill.label[language];
  const labelB = b.skill.label[language];
  return (
    a.name.text.length - b.name.text.length ||
    labelA.length - labelB.length ||
    (labelA < labelB ? -1 : labelA > labelB ? 1 : 0) ||
    (a.skill.id < b.skill.id ? -1 : a.skill.id > b.skill.id ? 1 : 0)
  );
}

function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
