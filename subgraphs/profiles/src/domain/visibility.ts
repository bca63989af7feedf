import { hasRole, isSelf, type Viewer } from '@talentgraph/auth';
import { managesConsultant } from './access.ts';
import type { ProfileKind, ProfileStatus } from './profile.ts';

/**
 * Who may see a profile. A profile is public once a moderator validated it. Before that (a draft, a
 * submission under review) or after a rejection it is private: only the person it belongs to and the
 * moderators who review profiles see it — and, for a consultant, the owners and admins of their firm, who
 * manage the profile with them. The rule holds on every path that returns a profile —
 * `profile(id)`, the `profiles` listing, `myProfile`, `User.profile` and `_entities` — so that no path
 * leaks what another hides.
 */
export const PUBLICLY_VISIBLE_STATUSES = ['VALIDATED'] as const satisfies readonly ProfileStatus[];

export function isPubliclyVisible(status: ProfileStatus): boolean {
  return (PUBLICLY_VISIBLE_STATUSES as readonly ProfileStatus[]).includes(status);
}

/** Moderators and admins review profiles, so they see them in every status. */
export function reviewsProfiles(viewer: Viewer | null): boolean {
  return hasRole(viewer, 'MODERATOR', 'ADMIN');
}

/** What the rule needs to know about a profile. */
export interface ProfileVisibilityFacts {
  readonly status: ProfileStatus;
  /** The account the profile belongs to. */
  readonly userId: string;
  readonly kind: ProfileKind;
  /** A consultant's IT-services firm; null (or absent) for the other kinds. */
  readonly organizationId?: string | null;
}

export function canSeeProfile(profile: ProfileVisibilityFacts, viewer: Viewer | null): boolean {
  return (
    isPubliclyVisible(profile.status) ||
    isSelf(viewer, profile.userId) ||
    reviewsProfiles(viewer) ||
    managesConsultant(viewer, profile)
  );
}

/**
 * The profile when the viewer may see it, otherwise null — exactly what an unknown id gives, so that a
 * hidden profile cannot be told apart from a missing one.
 */
export function visibleProfile<Profile extends ProfileVisibilityFacts>(
  profile: Profile | null | undefined,
  viewer: Viewer | null,
): Profile | null {
  return profile && canSeeProfile(profile, viewer) ? profile : null;
}

/**
 * Whether the viewer may list the profiles in `status`: anyone lists validated ones, only reviewers list
 * the others (a person's own private profile is not a listing, they read it with `myProfile`).
 */
export function canListStatus(status: ProfileStatus, viewer: Viewer | null): boolean {
  return isPubliclyVisible(status) || reviewsProfiles(viewer);
}
