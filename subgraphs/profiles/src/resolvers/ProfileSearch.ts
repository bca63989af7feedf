import { ProfileSchema } from '../entities/Profile.ts';
import { highlightHtml } from '../search/highlight.ts';
import { searchProfiles } from '../search/recruiter-search.ts';
import { recruiterSearchOf } from '../search/search-services.ts';
import { unlockProfile } from '../unlocks/unlocks.ts';
import { readableProfile } from '../visibility/readable-profiles.ts';
import type {
  MutationResolvers,
  ProfileSearchHitResolvers,
  QueryResolvers,
  SearchHitSkillResolvers,
  UnlockProfilePayloadResolvers,
} from '../generated/resolvers-types.ts';
import { skillNode } from './Skill.ts';

export const searchProfilesQuery: QueryResolvers['searchProfiles'] = (_parent, args, context) =>
  searchProfiles(context, args);

export const unlockProfileMutation: MutationResolvers['unlockProfile'] = (_parent, { input }, context) => {
  const { config } = recruiterSearchOf(context.em);
  return unlockProfile(context, input, { usersUrl: config.USERS_URL, timeoutMs: config.USERS_TIMEOUT_MS });
};

export const ProfileSearchHit: ProfileSearchHitResolvers = {
  id: ({ hit }) => hit.hitId,
  score: ({ hit }) => hit.score,
  highlight: ({ hit }) => highlightHtml(hit.highlight),
  headline: ({ hit }) => hit.card.headline,
  desiredTitles: ({ hit }) => [...hit.card.desiredTitles],
  yearsOfExperience: ({ hit }) => hit.card.yearsOfExperience,
  skills: ({ hit }) => [...hit.card.skills],
  // The city at most: a hit never carries coordinates.
  location: ({ hit }) => hit.card.location && { ...hit.card.location, latitude: null, longitude: null },
  remotePreference: ({ hit }) => hit.card.remotePreference,
  languages: ({ hit }) => [...hit.card.languages],
  availableFrom: ({ hit }) => hit.card.availableFrom,
  contractTypes: ({ hit }) => [...hit.card.contractTypes],
  salaryExpectation: ({ hit }) => hit.card.salaryExpectation,
  jobSearchStatus: ({ hit }) => hit.card.jobSearchStatus,
  experiences: ({ hit }) => [...hit.card.experiences],
  education: ({ hit }) => [...hit.card.education],
  unlocked: ({ unlocked }) => unlocked,
  profile: async ({ unlockedProfileId }, _args, context) =>
    unlockedProfileId === null
      ? null
      : readableProfile(context, await context.loaders.byId(ProfileSchema).load(unlockedProfileId)),
};

export const SearchHitSkill: SearchHitSkillResolvers = {
  skill: (skill) => skillNode(skill.skillId, skill.name),
};

export const UnlockProfilePayload: UnlockProfilePayloadResolvers = {
  profile: async ({ profileId }, _args, context) =>
    profileId === null
      ? null
      : readableProfile(context, await context.loaders.byId(ProfileSchema).load(profileId)),
};
