import { WORK_MODES, type OfferStatus } from '@talentgraph/vocabulary';

export {
  CONTRACT_TYPES,
  OFFER_KINDS,
  OFFER_STATUSES,
  PAY_PERIODS,
  type ContractType,
  type OfferKind,
  type OfferStatus,
  type PayPeriod,
} from '@talentgraph/vocabulary';

export const REMOTE_POLICIES = WORK_MODES;
export type RemotePolicy = (typeof REMOTE_POLICIES)[number];

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
