import { hasRole, type Viewer } from '@talentgraph/auth';

/**
 * Recruiter search and unlocks, as rules.
 *
 * Who searches: a person with the RECRUITER role, for one of the organizations they belong to (its
 * quota pays for unlocks, its hidden lists apply, its unlocks show). Partner keys do not: finding and
 * unmasking people is a person's act, answerable in the audit log under their name, and a key in an
 * automation would make the quota the only brake on harvesting profiles.
 *
 * What a recruiter reads: a candidate profile found in search stays anonymous until one of their
 * organizations unlocks it; then the organization's recruiters and partner keys read it in full, on every
 * path that returns a profile. That rule is the reading rule of every profile (domain/visibility.ts):
 * nobody but the candidate, moderators and the organizations that unlocked it reads a candidate profile,
 * so the anonymization cannot be walked around by signing out or with the profile's id.
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
