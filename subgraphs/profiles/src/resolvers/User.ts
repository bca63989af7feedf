import { isUuid, type SubgraphContext } from '@talentgraph/platform';
import { ProfileSchema, type Profile } from '../entities/Profile.ts';
import { readableProfile } from '../visibility/readable-profiles.ts';
import type { UserResolvers } from '../generated/resolvers-types.ts';

const PROFILE_BY_USER = Symbol('profile by user');

/**
 * The profile of an account as the request's viewer may see it (null when none or hidden); the profiles
 * of every account of the request are read in one query.
 */
export async function profileOfUser(userId: string, context: SubgraphContext): Promise<Profile | null> {
  // Every account id is a UUID; anything else (a forged reference) has no profile.
  if (!isUuid(userId)) return null;
  const { em, loaders } = context;
  const profile = await loaders
    .custom<string, Profile | null>(PROFILE_BY_USER, async (userIds) => {
      const profiles = await em.find(ProfileSchema, { userId: { $in: [...userIds] } });
      const byUser = new Map(profiles.map((found) => [found.userId, found]));
      return userIds.map((id) => byUser.get(id) ?? null);
    })
    .load(userId);
  return readableProfile(context, profile);
}

export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),

  profile: (user, _args, context) => profileOfUser(user.id, context),
};
