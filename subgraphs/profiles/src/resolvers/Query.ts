import { forbidden, unauthenticated } from '@talentgraph/auth';
import { badUserInput, paginate, requireId } from '@talentgraph/platform';
import { getSkill, searchSkills, SKILL_SEARCH_MAX_LIMIT } from '@talentgraph/skills';
import {
  SKILL_NAME_MAX_LENGTH,
  isSearchableSkill,
  normalizeSkillName,
  skillKey,
} from '@talentgraph/vocabulary';
import { ProfileSchema } from '../entities/Profile.ts';
import { canListStatus } from '../domain/visibility.ts';
import { reviewQueue } from '../review/queue.ts';
import { listingFilter, readableProfile } from '../visibility/readable-profiles.ts';
import { skillCatalog } from '../skills/catalog.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { searchProfilesQuery } from './ProfileSearch.ts';
import { languageOf } from './Skill.ts';
import { profileOfUser } from './User.ts';

const DEFAULT_SKILL_SUGGESTIONS = 10;

/** A skill filter: the canonical skill it names, or else its name compared as written. */
function skillFilter(skill: string) {
  const canonical = skillCatalog.byId(skill) ?? skillCatalog.resolve(skill);
  return canonical ? { skillId: canonical.id } : { nameKey: skillKey(skill) };
}

export const Query: QueryResolvers = {
  profile: async (_parent, { id }, context) =>
    readableProfile(context, await context.loaders.byId(ProfileSchema).load(requireId(id))),

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
        ...(skill != null ? { skills: { $some: skillFilter(skill) } } : {}),
        ...listingFilter(viewer),
      },
      orderBy: { updatedAt: 'desc', id: 'asc' },
      page: { first, after },
    });
  },

  // A partner key is no person and has no profile of its own.
  myProfile: (_parent, _args, context) =>
    context.viewer?.kind === 'USER' ? profileOfUser(context.viewer.userId, context) : null,

  skills: (_parent, { search, first, language }) => {
    const text = normalizeSkillName(search);
    if (text === '' || text.length > SKILL_NAME_MAX_LENGTH) {
      throw badUserInput(`"search" must have 1 to ${SKILL_NAME_MAX_LENGTH} characters`, 'search');
    }
    const limit = first ?? DEFAULT_SKILL_SUGGESTIONS;
    if (!Number.isInteger(limit) || limit < 1 || limit > SKILL_SEARCH_MAX_LIMIT) {
      throw badUserInput(`"first" must be an integer from 1 to ${SKILL_SEARCH_MAX_LIMIT}`, 'first');
    }
    const skillLanguage = languageOf(language) ?? 'en';
    return searchSkills(text, { limit, language: skillLanguage }).map((result) => ({
      skill: result.skill,
      language: skillLanguage,
    }));
  },

  skill: (_parent, { id }) => {
    const skill = getSkill(id);
    return skill ? { skill, language: 'en' } : null;
  },

  profileReviewQueue: (_parent, { first, after, filter }, { em }) =>
    reviewQueue(em, filter ?? {}, { first, after }),

  searchProfiles: searchProfilesQuery,
};
