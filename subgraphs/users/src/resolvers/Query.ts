import { badUserInput, paginate, requireId } from '@talentgraph/platform';
import { OrganizationSchema } from '../entities/Organization.ts';
import { UserSchema } from '../entities/User.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';

export const Query: QueryResolvers = {
  user: (_parent, { id }, { loaders }) => loaders.byId(UserSchema).load(requireId(id)),

  organization: async (_parent, { id, slug }, { em, loaders }) => {
    if ((id == null) === (slug == null)) throw badUserInput('Give exactly one of "id" or "slug"');
    if (id != null) return loaders.byId(OrganizationSchema).load(requireId(id));
    return em.findOne(OrganizationSchema, { slug: slug!.toLowerCase() });
  },

  organizations: (_parent, { first, after, kind }, { em }) =>
    paginate(em, OrganizationSchema, {
      where: kind ? { kind } : {},
      orderBy: { name: 'asc', id: 'asc' },
      page: { first, after },
    }),
};
