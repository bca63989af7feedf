import { hasRole, isSelf, type Viewer } from '@talentgraph/auth';
import { managesConsultant } from './access.ts';
import type { ProfileKind, ProfileStatus } from './profile.ts';

/**
 * Who may read a profile — one rule for every path that returns one (`profile(id)`, the `profiles`
 * listing, `myProfile`, `User.profile`, `_entities`, `Match.profile`, a search hit's or an unlock's
 * `profile`, a document's `profile`), so that no path leaks what another hides.
 *
 * - The person it belongs to, and the moderators and admins who review profiles: always.
 * - A consultant's firm (its owners and admins, who manage the profile with the consultant): always.
 * - Everybody else only once a moderator VALIDATED it, and then by kind:
 *   - MENTOR and CONSULTANT profiles are public: a mentor offers a public service, a firm shows its
 *     consultants to win missions.
 *   - A CANDIDATE profile is personal data that the candidate shares with recruiters through search: it
 *     is read, in full, only by the recruiters (people with the RECRUITER role) and the partner keys of an
 *     organization that unlocked it (src/unlocks: quota, audit), and never by one of an organization the
 *     candidate hides it from. Anonymous visitors, other candidates, mentors and the recruiters of other
 *     organizations do not read it at all: recruiters find it anonymized in search, or not at all.
 *
 * A profile nobody may read is answered exactly as an unknown one (null), so it cannot be told apart.
 */
export const VALIDATED_STATUSES = ['VALIDATED'] as const satisfies readonly ProfileStatus[];

export function isValidated(status: ProfileStatus): boolean {
  return (VALIDATED_STATUSES as readonly ProfileStatus[]).includes(status);
}

/** Kinds of profile that anyone reads once validated. */
export const PUBLIC_KINDS = ['MENTOR', 'CONSULTANT'] as const satisfies readonly ProfileKind[];

export function isPublicKind(kind: ProfileKind): boolean {
  return (PUBLIC_KINDS as readonly ProfileKind[]).includes(kind);
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
  /** Organizations whose recruiters must never read the profile, unlocked or not. */
  readonly hiddenFromOrganizationIds: readonly string[];
}

/** On what grounds a viewer reads a profile; audits and private parts depend on it. */
export type ReadingGround = 'OWNER' | 'REVIEWER' | 'FIRM' | 'PUBLIC' | 'UNLOCKED';

/**
 * The organizations whose unlocks let the viewer read a candidate: a partner key's own organization; for
 * a person with the RECRUITER role, every organization they belong to; nobody else's.
 */
export function unlockingOrganizationsOf(viewer: Viewer | null): string[] {
  if (viewer === null) return [];
  if (viewer.kind === 'PARTNER') return [viewer.organizationId];
  return hasRole(viewer, 'RECRUITER')
    ? viewer.memberships.map((membership) => membership.organizationId)
    : [];
}

/** Whether the viewer reads this profile on grounds that need no unlock (owner, reviewer, firm, public). */
function groundWithoutUnlock(profile: ProfileVisibilityFacts, viewer: Viewer | null): ReadingGround | null {
  if (isSelf(viewer, profile.userId)) return 'OWNER';
  if (reviewsProfiles(viewer)) return 'REVIEWER';
  if (managesConsultant(viewer, profile)) return 'FIRM';
  if (isValidated(profile.status) && isPublicKind(profile.kind)) return 'PUBLIC';
  return null;
}

/**
 * Whether the answer for this viewer depends on the organizations that unlocked the profile: only then
 * are unlocks worth reading (a validated candidate, read by a recruiter or a partner key).
 */
export function dependsOnUnlocks(profile: ProfileVisibilityFacts, viewer: Viewer | null): boolean {
  return (
    groundWithoutUnlock(profile, viewer) === null &&
    isValidated(profile.status) &&
    profile.kind === 'CANDIDATE' &&
    unlockingOrganizationsOf(viewer).length > 0
  );
}

/**
 * On what grounds the viewer reads the profile, or null when they may not. `unlockedBy` lists the
 * organizations that unlocked it (those of the viewer's at least; ignored unless dependsOnUnlocks).
 */
export function readingGround(
  profile: ProfileVisibilityFacts,
  viewer: Viewer | null,
  unlockedBy: readonly string[],
): ReadingGround | null {
  const ground = groundWithoutUnlock(profile, viewer);
  if (ground !== null || !dependsOnUnlocks(profile, viewer)) return ground;
  const organizations = unlockingOrganizationsOf(viewer);
  if (organizations.some((organization) => profile.hiddenFromOrganizationIds.includes(organization))) {
    return null;
  }
  return organizations.some((organization) => unlockedBy.includes(organization)) ? 'UNLOCKED' : null;
}

export function canSeeProfile(
  profile: ProfileVisibilityFacts,
  viewer: Viewer | null,
  unlockedBy: readonly string[],
): boolean {
  return readingGround(profile, viewer, unlockedBy) !== null;
}

/**
 * Whether the viewer may list the profiles in `status`: anyone lists validated ones (those of them they
 * may read: see listingScope), only reviewers list the others (a person's own private profile is not a
 * listing, they read it with `myProfile`).
 */
export function canListStatus(status: ProfileStatus, viewer: Viewer | null): boolean {
  return isValidated(status) || reviewsProfiles(viewer);
}

/**
 * Which validated profiles a listing shows the viewer — the reading rule as a filter: reviewers list them
 * all; anybody else the public kinds, their own profile, and the candidates one of their unlocking
 * organizations unlocked and none of them is hidden from.
 */
export type ListingScope =
  | { readonly everything: true }
  | {
      readonly everything: false;
      readonly publicKinds: readonly ProfileKind[];
      readonly ownerId: string | null;
      readonly unlockedByAnyOf: readonly string[];
    };

export function listingScope(viewer: Viewer | null): ListingScope {
  if (reviewsProfiles(viewer)) return { everything: true };
  return {
    everything: false,
    publicKinds: PUBLIC_KINDS,
    ownerId: viewer?.kind === 'USER' ? viewer.userId : null,
    unlockedByAnyOf: unlockingOrganizationsOf(viewer),
  };
}
