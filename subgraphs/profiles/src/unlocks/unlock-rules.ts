import { hasRole, type Viewer } from '@talentgraph/auth';
import type { ProfileKind } from '../domain/profile.ts';
import { reviewsProfiles } from '../domain/visibility.ts';
import { isRecruiterAccess, viewerOrganizationIds } from '../recruiter-views/recruiter-view-rules.ts';

/**
 * Recruiter search and unlocks, as rules.
 *
 * Who searches: a person with the RECRUITER role, for one of the organizations they belong to (its
 * quota pays for unlocks, its hidden lists apply, its unlocks show). Partner keys do not: finding and
 * unmasking people is a person's act, answerable in the audit log under their name, and a key in an
 * automation would make the quota the only brake on harvesting profiles.
 *
 * What a recruiter reads: a candidate profile found in search stays anonymous to recruiters (RECRUITER
 * people other than its owner, and partner keys) until one of their organizations unlocks it — on every
 * path that returns a profile (`profile(id)`, `profiles`, `User.profile`, `_entities`), so that the
 * anonymization cannot be walked around with the profile's id. An organization the candidate hides the
 * profile from never reads it, unlocked or not. Moderators review profiles, and consultant and mentor
 * profiles are offered by their firm or by the mentor: none of them is gated.
 */

export type OrganizationChoice =
  | { readonly ok: true; readonly organizationId: string; readonly recruiterId: string }
  | {
      readonly ok: false;
      readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'ORGANIZATION_REQUIRED' | 'NOT_A_MEMBER';
      readonly message: string;
    };

/** The organization a viewer searches or unlocks for: `requested`, or the only one they belong to. */
export function searchingOrganization(viewer: Viewer | null, requested: string | null): OrganizationChoice {
  if (viewer === null) {
    return { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in as a recruiter to search profiles.' };
  }
  if (viewer.kind === 'PARTNER') {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message:
        'Partner keys do not search or unlock candidate profiles: recruiters do, signed in as themselves.',
    };
  }
  if (!hasRole(viewer, 'RECRUITER')) {
    return { ok: false, code: 'FORBIDDEN', message: 'Only recruiters search and unlock candidate profiles.' };
  }
  const organizations = viewer.memberships.map((membership) => membership.organizationId);
  if (organizations.length === 0) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: 'Recruiters search for an organization: join or create one first.',
    };
  }
  if (requested !== null) {
    return organizations.includes(requested)
      ? { ok: true, organizationId: requested, recruiterId: viewer.userId }
      : { ok: false, code: 'NOT_A_MEMBER', message: 'you do not belong to this organization' };
  }
  if (organizations.length > 1) {
    return {
      ok: false,
      code: 'ORGANIZATION_REQUIRED',
      message: 'you belong to several organizations: name the one you search for',
    };
  }
  return { ok: true, organizationId: organizations[0]!, recruiterId: viewer.userId };
}

/** What the gate needs to know about a profile. */
export interface GatedProfile {
  readonly kind: ProfileKind;
  readonly userId: string;
  readonly hiddenFromOrganizationIds: readonly string[];
}

/** Whether the viewer reads this profile as a recruiter, who needs it unlocked. */
export function readsAsRecruiter(viewer: Viewer | null, profile: GatedProfile): boolean {
  return (
    profile.kind === 'CANDIDATE' && isRecruiterAccess(viewer, profile.userId) && !reviewsProfiles(viewer)
  );
}

/**
 * Whether the viewer may read the profile given the organizations that unlocked it: anyone who does not
 * read as a recruiter; a recruiter when one of their organizations unlocked it and none is hidden from it.
 */
export function recruiterMayRead(
  viewer: Viewer | null,
  profile: GatedProfile,
  unlockedBy: readonly string[],
): boolean {
  if (viewer === null || !readsAsRecruiter(viewer, profile)) return true;
  const organizations = viewerOrganizationIds(viewer);
  if (organizations.some((organization) => profile.hiddenFromOrganizationIds.includes(organization))) {
    return false;
  }
  return organizations.some((organization) => unlockedBy.includes(organization));
}
