import { hasRole, membershipRoleIn, type Viewer } from '@talentgraph/auth';
import type { OfferStatus } from './offer.ts';

/** What the visibility rules need to know about an offer. */
export interface OfferVisibilityFacts {
  readonly status: OfferStatus;
  /** Null or absent: the offer stays open until it is closed. */
  readonly expiresAt?: Date | null;
}

/**
 * Drafts are private to the offer's organization (see `canSee`); every other status is public, so that a
 * candidate who saved or applied to an offer can still read it once it is closed or expired.
 */
export const PUBLIC_STATUSES: readonly OfferStatus[] = ['PUBLISHED', 'CLOSED', 'EXPIRED'];

export function isPublicStatus(status: OfferStatus): boolean {
  return PUBLIC_STATUSES.includes(status);
}

/**
 * The status a reader sees at `now`: a published offer whose expiry date has passed reads EXPIRED even
 * before anything records the PUBLISHED → EXPIRED transition, so that no reader ever sees, lists or
 * filters an out-of-date offer as open.
 */
export function effectiveStatus(offer: OfferVisibilityFacts, now: Date): OfferStatus {
  if (offer.status === 'PUBLISHED' && offer.expiresAt != null && offer.expiresAt <= now) return 'EXPIRED';
  return offer.status;
}

/** Whether anyone may read the offer, by id or through its organization. */
export function isPubliclyVisible(offer: OfferVisibilityFacts, now: Date): boolean {
  return isPublicStatus(effectiveStatus(offer, now));
}

/** Whether the offer belongs in the public catalogue: published and not yet expired at `now`. */
export function isInCatalogue(offer: OfferVisibilityFacts, now: Date): boolean {
  return effectiveStatus(offer, now) === 'PUBLISHED';
}

/**
 * Whether the viewer reads an organization's drafts: its members in any role, a partner key issued to it
 * (partners act for their own organization), and platform admins. Recruiters of other organizations,
 * candidates, moderators and anonymous callers do not.
 */
export function canReadDraftsOf(organizationId: string, viewer: Viewer | null): boolean {
  if (viewer === null) return false;
  if (viewer.kind === 'PARTNER') return viewer.organizationId === organizationId;
  return membershipRoleIn(viewer, organizationId) !== null || hasRole(viewer, 'ADMIN');
}

/**
 * The one rule for reading an offer, on every path that returns one (`offer(id)`, `Organization.offers`,
 * `_entities`): public statuses for everyone, drafts for those who read the organization's drafts.
 */
export function canSee(
  offer: OfferVisibilityFacts & { readonly organizationId: string },
  viewer: Viewer | null,
  now: Date,
): boolean {
  return isPubliclyVisible(offer, now) || canReadDraftsOf(offer.organizationId, viewer);
}
