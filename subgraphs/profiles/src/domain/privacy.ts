import { hasRole, type Viewer } from '@talentgraph/auth';
import { canEditProfile, type ProfileOwnership } from './access.ts';
import { reviewsProfiles } from './visibility.ts';

/**
 * Parts of a visible profile that not everyone who sees it may read:
 *
 * - private details (onboarding drafts, reviews, discoverability, the organizations the profile is hidden
 *   from): the people who edit the profile (domain/access.ts) and the moderators who review it;
 * - the salary expectation: those, and recruiters (a person with the RECRUITER role, a partner key), for
 *   whom it is a hiring fact; other candidates and anonymous visitors do not see it.
 */
export function seesPrivateDetails(viewer: Viewer | null, profile: ProfileOwnership): boolean {
  return canEditProfile(viewer, profile) || reviewsProfiles(viewer);
}

export function seesSalaryExpectation(viewer: Viewer | null, profile: ProfileOwnership): boolean {
  return seesPrivateDetails(viewer, profile) || hasRole(viewer, 'RECRUITER', 'PARTNER');
}
