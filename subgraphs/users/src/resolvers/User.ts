import { MembershipSchema, type Membership } from '../entities/Membership.ts';
import { UserSchema } from '../entities/User.ts';
import type { UserResolvers } from '../generated/resolvers-types.ts';
import type { Role } from '../domain/roles.ts';

const MEMBERSHIPS_BY_USER = Symbol('memberships by user');

export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(UserSchema).load(reference.id),

  roles: (user) => user.roles as Role[],

  memberships: (user, _args, { em, loaders }) =>
    loaders
      .custom<string, Membership[]>(MEMBERSHIPS_BY_USER, async (userIds) => {
        const memberships = await em.find(
          MembershipSchema,
          { user: { $in: [...userIds] } },
          { populate: ['organization'], orderBy: { joinedAt: 'asc' } },
        );
        return userIds.map((userId) => memberships.filter((membership) => membership.user.id === userId));
      })
      .load(user.id),
};
