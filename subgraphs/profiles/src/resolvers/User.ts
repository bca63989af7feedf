import { ProfileSchema, type Profile } from '../entities/Profile.ts';
import { publiclyVisible } from '../domain/visibility.ts';
import type { UserResolvers } from '../generated/resolvers-types.ts';
import { isUuid } from '@talentgraph/platform';

const PROFILE_BY_USER = Symbol('profile by user');

export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),

  profile: (user, _args, { em, loaders }) =>
    isUuid(user.id)
      ? loaders
          .custom<string, Profile | null>(PROFILE_BY_USER, async (userIds) => {
            const profiles = await em.find(ProfileSchema, { userId: { $in: [...userIds] } });
            const byUser = new Map(profiles.map((profile) => [profile.userId, profile]));
            return userIds.map((userId) => publiclyVisible(byUser.get(userId)));
          })
          .load(user.id)
      : null,
};
