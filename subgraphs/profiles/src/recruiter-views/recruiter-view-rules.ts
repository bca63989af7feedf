import { hasRole, type Viewer } from '@talentgraph/auth';

/**
 * When reading someone's profile is a recruiter's access, which the audit log keeps (the person may ask who
 * looked at their data, and the platform must be able to answer): a partner key reading any profile, or a
 * person holding the RECRUITER role reading a profile that is not their own. Moderators reviewing profiles,
 * candidates and mentors browsing, and anyone reading their own profile are not recruiters' accesses.
 */
export function isRecruiterAccess(viewer: Viewer | null, ownerId: string): boolean {
  if (viewer === null) return false;
  if (viewer.kind === 'PARTNER') return true;
  return hasRole(viewer, 'RECRUITER') && viewer.userId !== ownerId;
}

/**
 * The organizations the recruiter may be reading for: a partner key's own, or every organization the person
 * belongs to (a request does not say for which of them a person reads).
 */
export function viewerOrganizationIds(viewer: Viewer): string[] {
  return viewer.kind === 'PARTNER'
    ? [viewer.organizationId]
    : viewer.memberships.map((membership) => membership.organizationId);
}
