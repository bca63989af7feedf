import { SKILL_NAME_MAX_LENGTH } from '@talentgraph/vocabulary';
import { type SkillCategoryId, isSkillCategoryId } from '../src/categories.ts';
import { baseName, cleanName, foldCase, nameKey, significantWords } from '../src/names.ts';
import {
  ESCO_ATTRIBUTION,
  type SkillWeight,
  type StoredSkill,
  type StoredTaxonomy,
} from '../src/stored-taxonomy.ts';
import { escoCategorizer } from './esco-categories.ts';
import { type EscoConcept, type EscoSources, escoUuid } from './esco.ts';

/** A skill written by hand in curated-skills.ts. */
export interface CuratedSkill {
  /** Lower-case slug, never renamed once published (profiles and offers store it). */
  readonly id: string;
  readonly category: SkillCategoryId;
  readonly en: string;
  /** French label, when it is not written like the English one. */
  readonly fr?: string;
  /** Names written the same in both languages: spellings, abbreviations, frequent misspellings. */
  readonly aliases?: readonly string[];
  readonly enAliases?: readonly string[];
  readonly frAliases?: readonly string[];
  /** English preferred label of the ESCO concept this skill is; its ESCO names become aliases. */
  readonly esco?: string;
  /** Own names that are also ordinary words: in free text they need a technical context. */
  readonly needsContext?: readonly string[];
  /** Own names that only count with exactly this capitalization. */
  readonly caseSensitive?: readonly string[];
}

/** A name deliberately left to several skills (normalizing it then depends on the language or the context). */
export interface SharedName {
  readonly name: string;
  readonly why: string;
}

export const ESCO_SOURCE_DESCRIPTION =
  'ESCO v1.1.1 digital and transversal skills collections (English and French), CC BY 4.0, https://esco.ec.europa.eu; curated technologies by talentgraph';

type Language = 'any' | 'en' | 'fr';

interface NameClaim {
  readonly text: string;
  readonly key: string;
  readonly language: Language;
  readonly kind: 'label' | 'alias';
  readonly origin: 'curated' | 'esco';
}

interface DraftSkill {
  readonly id: string;
  readonly category: SkillCategoryId;
  readonly weight: SkillWeight;
  readonly en: string;
  readonly fr: string;
  names: NameClaim[];
  readonly needsContext: readonly string[];
  readonly caseSensitive: readonly string[];
  readonly esco?: string;
}

export interface BuildReport {
  /** ESCO alternative labels left out because they name something else (see keepEscoAltLabel). */
  readonly escoAltLabelsDropped: number;
  /** Names several skills gave each other, removed from all of them because they tell nothing apart. */
  readonly ambiguousAliasesDropped: readonly string[];
  /** Labels that ESCO itself gives to two different concepts. */
  readonly escoLabelsShared: readonly string[];
}

export class TaxonomyBuildError extends Error {}

export function buildTaxonomy(
  esco: EscoSources,
  curated: readonly CuratedSkill[],
  sharedNames: readonly SharedName[],
): { taxonomy: StoredTaxonomy; report: BuildReport } {
  const problems: string[] = [];
  const linked = linkCuratedToEsco(esco, curated, problems);
  const categoryOf = escoCategorizer(esco);
  let escoAltLabelsDropped = 0;
  const keepAlts = (names: { label: string; altLabels: readonly string[] }) => {
    const kept = names.altLabels.filter((alt) => keepEscoAltLabel(alt, names.label));
    escoAltLabelsDropped += names.altLabels.length - kept.length;
    return kept;
  };

  const drafts: DraftSkill[] = curated.map((skill) => {
    const concept = linked.get(skill.id);
    const fr = skill.fr ?? skill.en;
    const names = [
      ...labelClaims(skill.en, fr, 'curated'),
      ...aliasClaims(skill.aliases ?? [], 'any', 'curated'),
      ...aliasClaims(skill.enAliases ?? [], 'en', 'curated'),
      ...aliasClaims(skill.frAliases ?? [], 'fr', 'curated'),
    ];
    if (concept !== undefined) {
      names.push(
        ...aliasClaims([displayableEscoName(concept.en.label), ...keepAlts(concept.en)], 'en', 'esco'),
        ...aliasClaims([displayableEscoName(concept.fr.label), ...keepAlts(concept.fr)], 'fr', 'esco'),
      );
    }
    return {
      id: skill.id,
      category: skill.category,
      weight: 3,
      en: cleanName(skill.en),
      fr: cleanName(fr),
      names,
      needsContext: skill.needsContext ?? [],
      caseSensitive: skill.caseSensitive ?? [],
      ...(concept !== undefined ? { esco: concept.uri } : {}),
    };
  });
  const linkedUris = new Set([...linked.values()].map((concept) => concept.uri));
  for (const concept of esco.concepts) {
    if (linkedUris.has(concept.uri)) continue;
    const en = cleanName(concept.en.label);
    const fr = cleanName(concept.fr.label) || en;
    drafts.push({
      id: `esco:${escoUuid(concept.uri)}`,
      category: categoryOf(concept),
      weight: concept.skillType === 'knowledge' ? 2 : 1,
      en,
      fr,
      names: [
        ...labelClaims(en, fr, 'esco'),
        ...aliasClaims([baseName(en), ...keepAlts(concept.en)], 'en', 'esco'),
        ...aliasClaims([baseName(fr), ...keepAlts(concept.fr)], 'fr', 'esco'),
      ],
      needsContext: [],
      caseSensitive: [],
      esco: concept.uri,
    });
  }

  for (const draft of drafts) draft.names = withoutRepeatedNames(draft.names);
  const { ambiguousAliasesDropped, escoLabelsShared } = resolveSharedNames(drafts, sharedNames, problems);
  for (const draft of drafts) checkContextLists(draft, problems);
  if (problems.length > 0) throw new TaxonomyBuildError(problems.join('\n'));

  const skills = drafts.map(storedSkill).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    taxonomy: { attribution: ESCO_ATTRIBUTION, source: ESCO_SOURCE_DESCRIPTION, skills },
    report: { escoAltLabelsDropped, ambiguousAliasesDropped, escoLabelsShared },
  };
}

function linkCuratedToEsco(
  esco: EscoSources,
  curated: readonly CuratedSkill[],
  problems: string[],
): Map<string, EscoConcept> {
  const byLabel = new Map<string, EscoConcept[]>();
  for (const concept of esco.concepts) {
    byLabel.set(concept.en.label, [...(byLabel.get(concept.en.label) ?? []), concept]);
  }
  const ids = new Set<string>();
  const linkedBy = new Map<string, string>();
  const linked = new Map<string, EscoConcept>();
  for (const skill of curated) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(skill.id)) problems.push(`curated id "${skill.id}" is not a slug`);
    if (ids.has(skill.id)) problems.push(`curated id "${skill.id}" is used twice`);
    ids.add(skill.id);
    if (!isSkillCategoryId(skill.category)) problems.push(`${skill.id}: unknown category ${skill.category}`);
    if (skill.esco === undefined) continue;
    const concepts = byLabel.get(skill.esco) ?? [];
    const concept = concepts[0];
    if (concept === undefined || concepts.length > 1) {
      problems.push(
        `${skill.id}: ${concepts.length} ESCO concepts are labelled "${skill.esco}" (expected 1)`,
      );
      continue;
    }
    const other = linkedBy.get(concept.uri);
    if (other !== undefined) problems.push(`${skill.id} and ${other} both claim ESCO "${skill.esco}"`);
    linkedBy.set(concept.uri, skill.id);
    linked.set(skill.id, concept);
  }
  return linked;
}

/** ESCO's own label for a concept a curated skill stands for, without its disambiguating parenthesis. */
function displayableEscoName(label: string): string {
  return baseName(label);
}

function labelClaims(en: string, fr: string, origin: NameClaim['origin']): NameClaim[] {
  return nameKey(en) === nameKey(fr)
    ? [claim(en, 'any', 'label', origin)]
    : [claim(en, 'en', 'label', origin), claim(fr, 'fr', 'label', origin)];
}

function aliasClaims(names: readonly string[], language: Language, origin: NameClaim['origin']): NameClaim[] {
  return names
    .map((name) => claim(name, language, 'alias', origin))
    .filter((alias) => alias.key !== '' && alias.text.length <= SKILL_NAME_MAX_LENGTH);
}

function claim(text: string, language: Language, kind: NameClaim['kind'], origin: NameClaim['origin']) {
  const clean = cleanName(text);
  return { text: clean, key: nameKey(clean), language, kind, origin };
}

/**
 * Whether an ESCO alternative label is another name for the concept, rather than an example of it or a
 * broader word: ESCO lists products under generic concepts ("computer vision" has "tensorflow", "keras";
 * "JavaScript" has "Mocha"), single words of the label ("printing" for "printing on large scale
 * machines"), and occasional unrelated phrases. Kept: abbreviations and their expansions ("ML", "GDPR"),
 * shortened one-word names ("Postgres" for "PostgreSQL", "Ruby" for "Ruby (computer programming)"), and variants
 * sharing a meaningful word with the label ("cloud computing" for "cloud technologies").
 */
export function keepEscoAltLabel(alt: string, label: string): boolean {
  const altKey = nameKey(alt);
  const base = baseName(label);
  const baseKey = nameKey(base);
  if (altKey === '' || altKey === nameKey(label)) return false;
  if (altKey === baseKey) return true;
  if (isAcronymOf(alt, label) || isAcronymOf(label, alt)) return true;
  const altWords = significantWords(alt);
  const labelWords = new Set(significantWords(base));
  const shortened = altKey.startsWith(baseKey) || baseKey.startsWith(altKey);
  if (labelWords.size === 1 && Math.min(altKey.length, baseKey.length) >= 4 && shortened) return true;
  if (altWords.length === 1 && labelWords.size > 1) return false;
  return altWords.some((word) => labelWords.has(word) && !GENERIC_WORDS.has(word));
}

/**
 * Words too common in ESCO labels to show that two names mean the same thing ("Cognos Data Manager" is
 * not another name for "data extraction, transformation and loading tools"), as significantWords gives
 * them (folded, without a plural s).
 */
const GENERIC_WORDS = new Set([
  'apply',
  'application',
  'computer',
  'data',
  'demonstrate',
  'digital',
  'ict',
  'information',
  'make',
  'management',
  'method',
  'perform',
  'principle',
  'service',
  'show',
  'software',
  'system',
  'technique',
  'technology',
  'tool',
  'type',
  'use',
  'using',
  'utilise',
  'donnee',
  'faire',
  'gestion',
  'informatique',
  'logiciel',
  'methode',
  'numerique',
  'outil',
  'preuve',
  'principe',
  'systeme',
  'technologie',
  'tic',
  'utiliser',
]);

function isAcronymOf(short: string, long: string): boolean {
  const letters = foldCase(short).replace(/[^a-z0-9]/g, '');
  const words = foldCase(long)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  return letters.length >= 2 && words.length >= 2 && words.map((word) => word[0]).join('') === letters;
}

/** One claim per name key within a skill: a label hides an alias with the same key, an `any` one hides both languages. */
function withoutRepeatedNames(names: readonly NameClaim[]): NameClaim[] {
  const byKey = new Map<string, NameClaim>();
  for (const name of names) {
    const existing = byKey.get(name.key);
    if (existing === undefined) {
      byKey.set(name.key, name);
    } else if (existing.kind === 'alias' && name.kind === 'alias' && existing.language !== name.language) {
      byKey.set(name.key, { ...existing, language: 'any' });
    } else if (existing.kind === 'alias' && name.kind === 'label') {
      byKey.set(name.key, name);
    }
  }
  return [...byKey.values()];
}

/**
 * A name should lead to one skill. When several skills claim a name:
 *  - names declared in SHARED_NAMES stay with all of them (normalizing then uses language and weight);
 *  - an ESCO alias gives way to any label and to any curated name;
 *  - ESCO aliases of several concepts cancel out (such a name tells nothing apart);
 *  - ESCO concepts that share a label keep it (reported);
 *  - anything else is an error in the curated list, to be fixed or declared.
 */
function resolveSharedNames(
  drafts: DraftSkill[],
  sharedNames: readonly SharedName[],
  problems: string[],
): { ambiguousAliasesDropped: string[]; escoLabelsShared: string[] } {
  const claims = new Map<string, { draft: DraftSkill; name: NameClaim }[]>();
  for (const draft of drafts) {
    for (const name of draft.names) claims.set(name.key, [...(claims.get(name.key) ?? []), { draft, name }]);
  }
  const declared = new Map(sharedNames.map((shared) => [nameKey(shared.name), shared.name]));
  const usedDeclarations = new Set<string>();
  const removed = new Set<NameClaim>();
  const ambiguousAliasesDropped: string[] = [];
  const escoLabelsShared: string[] = [];
  for (const [key, keyClaims] of claims) {
    if (new Set(keyClaims.map(({ draft }) => draft.id)).size < 2) continue;
    if (declared.has(key)) {
      usedDeclarations.add(key);
      continue;
    }
    const strong = keyClaims.filter(({ name }) => name.kind === 'label' || name.origin === 'curated');
    const weakDropped = strong.length > 0 ? keyClaims.filter((entry) => !strong.includes(entry)) : [];
    for (const { name } of weakDropped) removed.add(name);
    const remaining = keyClaims.filter((entry) => !weakDropped.includes(entry));
    if (new Set(remaining.map(({ draft }) => draft.id)).size < 2) continue;
    if (remaining.every(({ name }) => name.kind === 'alias' && name.origin === 'esco')) {
      for (const { name } of remaining) removed.add(name);
      ambiguousAliasesDropped.push(remaining[0]!.name.text);
    } else if (remaining.every(({ name }) => name.kind === 'label' && name.origin === 'esco')) {
      escoLabelsShared.push(remaining[0]!.name.text);
    } else {
      problems.push(
        `"${remaining[0]!.name.text}" is claimed by ${remaining
          .map(({ draft, name }) => `${draft.id} (${name.origin} ${name.kind})`)
          .join(', ')}: rename, remove, or declare it in SHARED_NAMES`,
      );
    }
  }
  for (const [key, name] of declared) {
    if (!usedDeclarations.has(key)) problems.push(`SHARED_NAMES lists "${name}", which only one skill has`);
  }
  for (const draft of drafts) draft.names = draft.names.filter((name) => !removed.has(name));
  return {
    ambiguousAliasesDropped: ambiguousAliasesDropped.sort(),
    escoLabelsShared: escoLabelsShared.sort(),
  };
}

function checkContextLists(draft: DraftSkill, problems: string[]): void {
  const own = new Set(draft.names.map((name) => name.key));
  for (const name of [...draft.needsContext, ...draft.caseSensitive]) {
    if (!own.has(nameKey(name))) problems.push(`${draft.id}: "${name}" is not one of its names`);
  }
}

function storedSkill(draft: DraftSkill): StoredSkill {
  const aliases = (language: Language) =>
    draft.names
      .filter((name) => name.kind === 'alias' && name.language === language)
      .map((name) => name.text);
  const lists = {
    aliases: aliases('any'),
    enAliases: aliases('en'),
    frAliases: aliases('fr'),
    needsContext: [...draft.needsContext],
    caseSensitive: [...draft.caseSensitive],
  };
  return {
    id: draft.id,
    category: draft.category,
    weight: draft.weight,
    en: draft.en,
    ...(draft.fr !== draft.en ? { fr: draft.fr } : {}),
    ...Object.fromEntries(Object.entries(lists).filter(([, values]) => values.length > 0)),
    ...(draft.esco !== undefined ? { esco: draft.esco } : {}),
  };
}

/** Compact JSON, one skill per line, so that a rebuild's diff shows exactly which skills changed. */
export function serializeTaxonomy(taxonomy: StoredTaxonomy): string {
  const header = JSON.stringify({ attribution: taxonomy.attribution, source: taxonomy.source }).slice(0, -1);
  const skills = taxonomy.skills.map((skill) => JSON.stringify(skill)).join(',\n');
  return `${header},"skills":[\n${skills}\n]}\n`;
}
