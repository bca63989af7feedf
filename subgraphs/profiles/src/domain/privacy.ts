import { hasRole, type Viewer } from '@talentgraph/auth';
import { canEditProfile, type ProfileOwnership } from './access.ts';
import { reviewsProfiles, type ReadingGround } from './visibility.ts';

/**
 * Parts of a visible profile that not everyone who sees it may read:
 *
 * - private details (onboarding drafts, reviews, discoverability, the organizations the profile is hidden
 *   from): the people who edit the profile (domain/access.ts) and the moderators who review it;
 * - the salary expectation: those, and recruiters (a person with the RECRUITER role, a partner key), for
 *   whom it is a hiring fact; other candidates and anonymous visitors do not see it;
 * - the CV documents: the people who edit the profile, moderators, and the recruiters (people, never
 *   partner keys: a download link names a person) who read a candidate because their organization
 *   unlocked it — what the unlock paid for includes the CV, each download audited.
 */
export function seesPrivateDetails(viewer: Viewer | null, profile: ProfileOwnership): boolean {
  return canEditProfile(viewer, profile) || reviewsProfiles(viewer);
}

export function seesSalaryExpectation(viewer: Viewer | null, profile: ProfileOwnership): boolean {
  return seesPrivateDetails(viewer, profile) || hasRole(viewer, 'RECRUITER', 'PARTNER');
}

export function seesDocuments(
  viewer: Viewer | null,
  profile: ProfileOwnership,
  ground: ReadingGround | null,
): boolean {
  return seesPrivateDetails(viewer, profile) || (ground === 'UNLOCKED' && viewer?.kind === 'USER');
}
