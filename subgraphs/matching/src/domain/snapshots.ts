/**
 * Vocabulary of the read model: what matching keeps of the profiles and offers owned by the profiles and
 * offers subgraphs. The values mirror theirs, so a snapshot is a faithful copy of the source record.
 */

export const PROFILE_STATUSES = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'VALIDATED', 'REJECTED'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const OFFER_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED', 'EXPIRED'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_KINDS = ['JOB', 'INTERNSHIP', 'FREELANCE_MISSION', 'SCHOLARSHIP'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const CONTRACT_TYPES = [
  'PERMANENT',
  'FIXED_TERM',
  'INTERNSHIP',
  'APPRENTICESHIP',
  'FREELANCE',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Where the work happens: a candidate's preference, or an offer's remote policy. */
export const WORK_MODES = ['ONSITE', 'HYBRID', 'REMOTE'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/** CEFR levels of a spoken language. */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export interface SkillSnapshot {
  readonly name: string;
  readonly years: number;
}

export interface LanguageSnapshot {
  /** ISO 639-1 code, for example fr. */
  readonly code: string;
  readonly level: LanguageLevel;
}
