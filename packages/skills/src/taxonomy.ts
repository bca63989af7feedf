import { readFileSync } from 'node:fs';
import { type SkillCategoryId } from './categories.ts';
import { cleanName, nameKey } from './names.ts';
import { type SkillWeight, type StoredSkill, type StoredTaxonomy } from './stored-taxonomy.ts';

export type SkillLanguage = 'en' | 'fr';

export const SKILL_LANGUAGES: readonly SkillLanguage[] = ['en', 'fr'];

/** A canonical skill. */
export interface Skill {
  /** Stable id to store: a slug (`react`) for curated skills, `esco:<uuid>` for ESCO concepts. */
  readonly id: string;
  readonly category: SkillCategoryId;
  /** Preferred labels. Where no French label exists (product names), the French label is the English one. */
  readonly label: Readonly<Record<SkillLanguage, string>>;
  /** Other names by language; names written the same in both languages appear in both lists. */
  readonly aliases: Readonly<Record<SkillLanguage, readonly string[]>>;
  /** `curated`: written by talentgraph (modern technologies, professional skills); `esco`: an ESCO concept. */
  readonly source: 'curated' | 'esco';
  /** The ESCO concept this skill is, when there is one. */
  readonly escoUri: string | null;
  /** 3 curated, 2 ESCO knowledge, 1 ESCO competence: breaks ties between equally good matches. */
  readonly weight: SkillWeight;
}

/** One name of a skill, as every index sees it. */
export interface SkillName {
  readonly text: string;
  /** `nameKey(text)`: what comparisons use. */
  readonly key: string;
  readonly skill: Skill;
  readonly kind: 'label' | 'alias';
  /** `any` for names written the same in both languages. */
  readonly language: SkillLanguage | 'any';
  /** An ordinary word too ("Go", "Swift"): free-text extraction needs a technical context. */
  readonly needsContext: boolean;
  /** Only counts with this exact capitalization ("SAFe", "REST"). */
  readonly caseSensitive: boolean;
}

export interface Taxonomy {
  readonly skills: readonly Skill[];
  readonly names: readonly SkillName[];
  readonly byId: ReadonlyMap<string, Skill>;
}

let loaded: Taxonomy | undefined;

/** The taxonomy of data/taxonomy.json, read and indexed on first use. */
export function taxonomy(): Taxonomy {
  loaded ??= indexTaxonomy(
    JSON.parse(readFileSync(new URL('../data/taxonomy.json', import.meta.url), 'utf8')) as StoredTaxonomy,
  );
  return loaded;
}

export function indexTaxonomy(stored: StoredTaxonomy): Taxonomy {
  const skills: Skill[] = [];
  const names: SkillName[] = [];
  const byId = new Map<string, Skill>();
  for (const entry of stored.skills) {
    const skill = toSkill(entry);
    skills.push(skill);
    byId.set(skill.id, skill);
    names.push(...namesOf(entry, skill));
  }
  for (const skill of skills) {
    if (skill.source === 'curated' && skill.escoUri !== null) byId.set(escoId(skill.escoUri), skill);
  }
  return { skills, names, byId };
}

function toSkill(entry: StoredSkill): Skill {
  const any = entry.aliases ?? [];
  return {
    id: entry.id,
    category: entry.category,
    label: { en: entry.en, fr: entry.fr ?? entry.en },
    aliases: { en: [...any, ...(entry.enAliases ?? [])], fr: [...any, ...(entry.frAliases ?? [])] },
    source: entry.id.startsWith('esco:') ? 'esco' : 'curated',
    escoUri: entry.esco ?? null,
    weight: entry.weight,
  };
}

function namesOf(entry: StoredSkill, skill: Skill): SkillName[] {
  const needsContext = new Set((entry.needsContext ?? []).map(nameKey));
  const caseSensitive = new Set((entry.caseSensitive ?? []).map(nameKey));
  const name = (text: string, kind: SkillName['kind'], language: SkillName['language']): SkillName => {
    const key = nameKey(text);
    return {
      text: cleanName(text),
      key,
      skill,
      kind,
      language,
      needsContext: needsContext.has(key),
      caseSensitive: caseSensitive.has(key),
    };
  };
  return [
    ...(entry.fr === undefined
      ? [name(entry.en, 'label', 'any')]
      : [name(entry.en, 'label', 'en'), name(entry.fr, 'label', 'fr')]),
    ...(entry.aliases ?? []).map((alias) => name(alias, 'alias', 'any')),
    ...(entry.enAliases ?? []).map((alias) => name(alias, 'alias', 'en')),
    ...(entry.frAliases ?? []).map((alias) => name(alias, 'alias', 'fr')),
  ];
}

/** `esco:<uuid>` for an ESCO concept URI. */
export function escoId(uri: string): string {
  return `esco:${uri.slice(uri.lastIndexOf('/') + 1)}`;
}

/** Every skill, in id order. */
export function allSkills(): readonly Skill[] {
  return taxonomy().skills;
}

/**
 * The skill with this id. Also accepts the `esco:<uuid>` id or the URI of an ESCO concept a curated skill
 * took over, so ids stored before a concept was curated keep resolving.
 */
export function getSkill(id: string): Skill | undefined {
  const { byId } = taxonomy();
  return byId.get(id) ?? (id.startsWith('http://data.europa.eu/esco/') ? byId.get(escoId(id)) : undefined);
}

export function skillLabel(skill: Skill, language: SkillLanguage): string {
  return skill.label[language];
}
