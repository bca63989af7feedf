import { badUserInput, paginate, requireId } from '@talentgraph/platform';
import { ProfileSchema } from '../entities/Profile.ts';
import { SKILL_NAME_MAX_LENGTH, isSearchableSkill, skillKey } from '@talentgraph/vocabulary';
import { isPubliclyVisible, publiclyVisible, PUBLICLY_VISIBLE_STATUSES } from '../domain/visibility.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';

export const Query: QueryResolvers = {
  profile: async (_parent, { id }, { loaders }) => {
    return publiclyVisible(await loaders.byId(ProfileSchema).load(requireId(id)));
  },

  profiles: (_parent, { first, after, status, skill }, { em }) => {
    if (status && !isPubliclyVisible(status)) {
      throw badUserInput(
        `Only validated profiles are listed publicly until sign-in exists: ask for status VALIDATED or leave "status" out, got ${status}`,
        'status',
      );
    }
    if (skill != null && !isSearchableSkill(skill)) {
      throw badUserInput(`"skill" must be a skill name of 1 to ${SKILL_NAME_MAX_LENGTH} characters`, 'skill');
    }
    return paginate(em, ProfileSchema, {
      where: {
        status: { $in: [...PUBLICLY_VISIBLE_STATUSES] },
        ...(skill != null ? { skills: { $some: { nameKey: skillKey(skill) } } } : {}),
      },
      orderBy: { updatedAt: 'desc', id: 'asc' },
      page: { first, after },
    });
  },
};
