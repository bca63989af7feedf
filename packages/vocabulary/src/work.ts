/**
 * Values that more than one subgraph stores: the offers and profiles subgraphs own them, the matching
 * subgraph keeps copies in its read model, and the domain events of later issues carry them. One
 * definition keeps the copies faithful.
 */

export const CONTRACT_TYPES = [
  'PERMANENT',
  'FIXED_TERM',
  'INTERNSHIP',
  'APPRENTICESHIP',
  'FREELANCE',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Where work happens: an offer's remote policy, or a candidate's remote preference. */
export const WORK_MODES = ['ONSITE', 'HYBRID', 'REMOTE'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/** Common European Framework of Reference levels, from lowest to highest proficiency. */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

export const PROFILE_KINDS = ['CANDIDATE', 'MENTOR', 'CONSULTANT'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

/** The review workflow: DRAFT → SUBMITTED → IN_REVIEW → VALIDATED or REJECTED. */
export const PROFILE_STATUSES = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'VALIDATED', 'REJECTED'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const OFFER_KINDS = ['JOB', 'INTERNSHIP', 'FREELANCE_MISSION', 'SCHOLARSHIP'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED', 'EXPIRED'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
