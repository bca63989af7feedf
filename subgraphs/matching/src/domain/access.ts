import { hasRole, isSelf, membershipRoleIn, type Viewer } from '@talentgraph/auth';

/**
 * Who sees which matches. A match names a candidate and says how well they fit an offer, and its status
 * is the organization's pipeline (shortlisted, dismissed): it is the business of the offer's organization
 * and of the candidate, not of the public nor of other organizations.
 *
 * - The candidates of an offer (`Offer.matches`): the members of the offer's organization (any role) and
 *   its partner keys (an organization's own automation reads what its people read, as with its draft
 *   offers); moderators and admins, who oversee the platform.
 * - The offers of a profile (`Profile.matches`): the person it belongs to; moderators and admins. An
 *   organization reads its candidates through its offers, never a candidate's other applications.
 * - One match (`match(id)`, `_entities`): whoever sees it through either side.
 *
 * What a match shows of the candidate's profile is the profiles subgraph's reading rule (`Match.profile`
 * is resolved there): a recruiter reads it once their organization unlocked it.
 */

/** Moderators and admins oversee matching as they review profiles. */
export function overseesMatches(viewer: Viewer | null): boolean {
  return hasRole(viewer, 'MODERATOR', 'ADMIN');
}

export function seesOfferMatches(viewer: Viewer | null, offer: { readonly organizationId: string }): boolean {
  if (viewer === null) return false;
  if (overseesMatches(viewer)) return true;
  if (viewer.kind === 'PARTNER') return viewer.organizationId === offer.organizationId;
  return membershipRoleIn(viewer, offer.organizationId) !== null;
}

export function seesProfileMatches(viewer: Viewer | null, profile: { readonly userId: string }): boolean {
  return isSelf(viewer, profile.userId) || overseesMatches(viewer);
}

export function seesMatch(
  viewer: Viewer | null,
  sides: {
    readonly offer: { readonly organizationId: string };
    readonly profile: { readonly userId: string };
  },
): boolean {
  return seesOfferMatches(viewer, sides.offer) || seesProfileMatches(viewer, sides.profile);
}
