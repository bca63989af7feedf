import { LanguageSkillSchema, type LanguageSkill } from '../entities/LanguageSkill.ts';
import { ProfileSchema } from '../entities/Profile.ts';
import { ProfileSkillSchema, type ProfileSkill } from '../entities/ProfileSkill.ts';
import { byDescendingProficiency } from '../domain/profile.ts';
import { visibleProfile } from '../domain/visibility.ts';
import { viewedProfile } from '../recruiter-views/recruiter-views.ts';
import type { ProfileResolvers } from '../generated/resolvers-types.ts';

const SKILLS_BY_PROFILE = Symbol('skills by profile');
const LANGUAGES_BY_PROFILE = Symbol('languages by profile');

export const Profile: ProfileResolvers = {
  __resolveReference: async (reference, context) =>
    viewedProfile(
      context,
      visibleProfile(await context.loaders.byId(ProfileSchema).load(reference.id), context.viewer),
    ),

  user: (profile) => ({ id: profile.userId }),

  // A place is known to the precision of a country at least; a city alone would be ambiguous.
  location: ({ city, countryCode }) => (countryCode == null ? null : { city, countryCode }),

  skills: (profile, _args, { em, loaders }) =>
    loaders
      .custom<string, ProfileSkill[]>(SKILLS_BY_PROFILE, async (profileIds) => {
        const skills = await em.find(
          ProfileSkillSchema,
          { profile: { $in: [...profileIds] } },
          { orderBy: { position: 'asc' } },
        );
        return profileIds.map((profileId) => skills.filter((skill) => skill.profile.id === profileId));
      })
      .load(profile.id),

  languages: (profile, _args, { em, loaders }) =>
    loaders
      .custom<string, LanguageSkill[]>(LANGUAGES_BY_PROFILE, async (profileIds) => {
        const languages = await em.find(LanguageSkillSchema, { profile: { $in: [...profileIds] } });
        return profileIds.map((profileId) =>
          languages.filter((language) => language.profile.id === profileId).sort(byDescendingProficiency),
        );
      })
      .load(profile.id),
};
