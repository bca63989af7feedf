import type { ProfileStatus } from './profile.ts';

/**
 * Who may see a profile. Requests carry no identity yet (it arrives with sign-in), so nobody can be
 * recognised as the profile's owner or as a moderator, and the only rule is the public one: a profile is
 * visible once a moderator validated it. Drafts, submissions under review and rejected profiles stay
 * private. The rule holds on every path that returns a profile — `profile(id)`, the `profiles` listing,
 * `User.profile` and `_entities` — so that no path leaks what another hides.
 */
export const PUBLICLY_VISIBLE_STATUSES = ['VALIDATED'] as const satisfies readonly ProfileStatus[];

export function isPubliclyVisible(status: ProfileStatus): boolean {
  return (PUBLICLY_VISIBLE_STATUSES as readonly ProfileStatus[]).includes(status);
}

/**
 * The profile when the public may see it, otherwise null — exactly what an unknown id gives, so that a
 * hidden profile cannot be told apart from a missing one.
 */
export function publiclyVisible<Profile extends { readonly status: ProfileStatus }>(
  profile: Profile | null | undefined,
): Profile | null {
  return profile && isPubliclyVisible(profile.status) ? profile : null;
}
