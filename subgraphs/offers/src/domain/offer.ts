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

export const REMOTE_POLICIES = ['ONSITE', 'HYBRID', 'REMOTE'] as const;
export type RemotePolicy = (typeof REMOTE_POLICIES)[number];

export const PAY_PERIODS = ['YEAR', 'MONTH', 'DAY', 'HOUR'] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];

export const OFFER_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED', 'EXPIRED'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * The lifecycle: a draft is published, a published offer is closed by its organization or expires.
 * Closed and expired offers are final, so candidates who applied never see an offer come back to life
 * with different terms; an organization that hires again publishes a new offer.
 */
const NEXT_STATUSES: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  DRAFT: ['PUBLISHED'],
  PUBLISHED: ['CLOSED', 'EXPIRED'],
  CLOSED: [],
  EXPIRED: [],
};

export function nextStatuses(from: OfferStatus): readonly OfferStatus[] {
  return NEXT_STATUSES[from];
}

export function canTransition(from: OfferStatus, to: OfferStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
