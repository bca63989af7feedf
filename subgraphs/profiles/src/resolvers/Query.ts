import { forbidden, unauthenticated } from '@talentgraph/auth';
import { badUserInput, paginate, requireId } from '@talentgraph/platform';
import { ProfileSchema } from '../entities/Profile.ts';
import { SKILL_NAME_MAX_LENGTH, isSearchableSkill, skillKey } from '@talentgraph/vocabulary';
import { canListStatus, visibleProfile } from '../domain/visibility.ts';
import { viewedProfile } from '../recruiter-views/recruiter-views.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { profileOfUser } from './User.ts';

export const Query: QueryResolvers = {
  profile: async (_parent, { id }, context) =>
    viewedProfile(
      context,
      visibleProfile(await context.loaders.byId(ProfileSchema).load(requireId(id)), context.viewer),
    ),

  profiles: (_parent, { first, after, status, skill }, { em, viewer }) => {
    const listed = status ?? 'VALIDATED';
    if (!canListStatus(listed, viewer)) {
      if (viewer === null) throw unauthenticated(`Sign in as a moderator to list ${listed} profiles.`);
      throw forbidden(`Only moderators and admins list ${listed} profiles; anyone may list VALIDATED ones.`);
    }
    if (skill != null && !isSearchableSkill(skill)) {
      throw badUserInput(`"skill" must be a skill name of 1 to ${SKILL_NAME_MAX_LENGTH} characters`, 'skill');
    }
    return paginate(em, ProfileSchema, {
      where: {
        status: listed,
        ...(skill != null ? { skills: { $some: { nameKey: skillKey(skill) } } } : {}),
      },
      orderBy: { updatedAt: 'desc', id: 'asc' },
      page: { first, after },
    });
  },

  // A partner key is no person and has no profile of its own.
  myProfile: (_parent, _args, context) =>
    context.viewer?.kind === 'USER' ? profileOfUser(context.viewer.userId, context) : null,
};
