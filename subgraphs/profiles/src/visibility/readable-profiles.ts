import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '@talentgraph/auth';
import type { SubgraphContext } from '@talentgraph/platform';
import {
  dependsOnUnlocks,
  listingScope,
  readingGround,
  type ProfileVisibilityFacts,
  type ReadingGround,
} from '../domain/visibility.ts';
import type { Profile } from '../entities/Profile.ts';
import { recordRecruiterAccess } from '../recruiter-views/recruiter-views.ts';
import { unlockingOrganizations } from '../unlocks/unlocks.ts';

/**
 * The reading rule of profiles (domain/visibility.ts) applied to a request: every path that returns a
 * profile goes through `readableProfile`, the `profiles` listing through `listingFilter`.
 */

type Gated = ProfileVisibilityFacts & { readonly id: string };

/**
 * On what grounds the request's viewer reads the profile, or null. Unlocks are read only when the answer
 * depends on them, for every profile of the request in one query.
 */
export async function readingGroundOf(
  context: SubgraphContext,
  profile: Gated,
): Promise<ReadingGround | null> {
  const unlockedBy = dependsOnUnlocks(profile, context.viewer)
    ? await unlockingOrganizations(context, profile.id)
    : [];
  return readingGround(profile, context.viewer, unlockedBy);
}

/**
 * The profile when the request's viewer may read it, once a recruiter's view of it is recorded for the
 * audit log (recruiter-views/); otherwise null, exactly as for an unknown id.
 */
export async function readableProfile<Readable extends Gated>(
  context: SubgraphContext,
  profile: Readable | null | undefined,
): Promise<Readable | null> {
  if (!profile || (await readingGroundOf(context, profile)) === null) return null;
  await recordRecruiterAccess(context, {
    type: 'profiles.ProfileViewed',
    version: 1,
    aggregate: { type: 'Profile', id: profile.id },
    ownerId: profile.userId,
    payload: { profileId: profile.id },
  });
  return profile;
}

/** The validated profiles a listing shows the viewer (listingScope) as a filter of the `profiles` table. */
export function listingFilter(viewer: Viewer | null): { $or?: FilterQuery<Profile>[] } {
  const scope = listingScope(viewer);
  if (scope.everything) return {};
  const organizations = [...scope.unlockedByAnyOf];
  return {
    $or: [
      { kind: { $in: [...scope.publicKinds] } },
      ...(scope.ownerId === null ? [] : [{ userId: scope.ownerId }]),
      ...(organizations.length === 0
        ? []
        : [
            {
              kind: 'CANDIDATE',
              unlocks: { $some: { organizationId: { $in: organizations } } },
              $not: { hiddenFromOrganizationIds: { $overlap: organizations } },
            },
          ]),
    ] as FilterQuery<Profile>[],
  };
}
