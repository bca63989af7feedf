import { type SkillCategoryId } from './categories.ts';

/** The sentence ESCO's licence (CC BY 4.0) asks every user of the classification to display. */
export const ESCO_ATTRIBUTION = 'This service uses the ESCO classification of the European Commission.';

/**
 * How much a skill counts when two match a query equally well: 3 for the curated technologies and
 * professional skills recruiters write, 2 for ESCO knowledge concepts (mostly named tools and fields),
 * 1 for ESCO competences, which are long verb phrases ("analyse network bandwidth requirements").
 */
export type SkillWeight = 1 | 2 | 3;

/**
 * One skill as stored in data/taxonomy.json, written by scripts/build-taxonomy.ts. Empty lists and values
 * equal to their default are left out to keep the file small.
 */
export interface StoredSkill {
  /** A slug (`react`) for curated skills, `esco:<uuid>` for ESCO concepts; never changes once published. */
  readonly id: string;
  readonly category: SkillCategoryId;
  readonly weight: SkillWeight;
  /** Preferred English label. */
  readonly en: string;
  /** Preferred French label; absent when it is written like the English one ("React", "PostgreSQL"). */
  readonly fr?: string;
  /** Other names written the same in both languages: spellings, abbreviations, product names. */
  readonly aliases?: readonly string[];
  readonly enAliases?: readonly string[];
  readonly frAliases?: readonly string[];
  /** Names that are also ordinary words ("Go", "Swift"): found in free text only with a technical context. */
  readonly needsContext?: readonly string[];
  /** Names that only count when written with exactly this capitalization ("SAFe" is not "safe"). */
  readonly caseSensitive?: readonly string[];
  /** URI of the ESCO concept this skill is, when there is one. */
  readonly esco?: string;
}

export interface StoredTaxonomy {
  readonly attribution: string;
  readonly source: string;
  readonly skills: readonly StoredSkill[];
}
