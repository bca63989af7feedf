import { ProfileSchema } from '../entities/Profile.ts';
import { byMostRecent } from '../domain/career.ts';
import { canEditProfile } from '../domain/access.ts';
import { completionOf } from '../domain/completion.ts';
import { seesDocuments, seesPrivateDetails, seesSalaryExpectation } from '../domain/privacy.ts';
import { consultantOf, mentorOf, preferencesOf } from '../editing/state.ts';
import { readableProfile, readingGroundOf } from '../visibility/readable-profiles.ts';
import type { ProfileResolvers } from '../generated/resolvers-types.ts';
import {
  certificationsOf,
  educationOf,
  experiencesOf,
  languagesOf,
  documentsOf,
  reviewsOf,
  skillsOf,
  stateOf,
} from './loaders.ts';

export const Profile: ProfileResolvers = {
  __resolveReference: async (reference, context) =>
    readableProfile(context, await context.loaders.byId(ProfileSchema).load(reference.id)),

  user: (profile) => ({ id: profile.userId }),
  headline: (profile) => profile.headline ?? null,
  summary: (profile) => profile.summary ?? null,

  // A place is known to the precision of a country at least; a city alone would be ambiguous.
  location: (profile) =>
    profile.countryCode == null
      ? null
      : {
          city: profile.city ?? null,
          countryCode: profile.countryCode,
          latitude: profile.latitude ?? null,
          longitude: profile.longitude ?? null,
        },
  remotePreference: (profile) => profile.remotePreference ?? null,
  yearsOfExperience: (profile) => profile.yearsOfExperience ?? null,
  availableFrom: (profile) => profile.availableFrom ?? null,

  salaryExpectation: (profile, _args, { viewer }) =>
    seesSalaryExpectation(viewer, profile) ? preferencesOf(profile).salaryExpectation : null,
  jobPreferences: (profile, _args, { viewer }) => ({
    preferences: preferencesOf(profile),
    private: seesPrivateDetails(viewer, profile),
  }),

  skills: (profile, _args, context) => skillsOf(context, profile.id),
  languages: (profile, _args, context) => languagesOf(context, profile.id),
  experiences: async (profile, _args, context) =>
    [...(await experiencesOf(context, profile.id))].sort((entry, other) =>
      byMostRecent(
        { id: entry.id, startDate: entry.startDate, endDate: entry.endDate ?? null },
        { id: other.id, startDate: other.startDate, endDate: other.endDate ?? null },
      ),
    ),
  education: async (profile, _args, context) =>
    [...(await educationOf(context, profile.id))].sort((entry, other) =>
      byMostRecent(
        { id: entry.id, startDate: entry.startDate, endDate: entry.endDate ?? null },
        { id: other.id, startDate: other.startDate, endDate: other.endDate ?? null },
      ),
    ),
  certifications: (profile, _args, context) => certificationsOf(context, profile.id),

  consultant: (profile) => consultantOf(profile),
  mentor: (profile) => mentorOf(profile),

  submittedAt: (profile) => profile.submittedAt ?? null,
  completion: async (profile, _args, context) => completionOf(await stateOf(context, profile)),

  // Onboarding is the way through one's own profile (with their firm, for a consultant).
  onboarding: (profile, _args, { viewer }) => (canEditProfile(viewer, profile) ? { profile } : null),
  documents: async (profile, _args, context) =>
    seesDocuments(context.viewer, profile, await readingGroundOf(context, profile))
      ? documentsOf(context, profile.id)
      : [],
  lastReview: async (profile, _args, context) =>
    seesPrivateDetails(context.viewer, profile) ? ((await reviewsOf(context, profile.id))[0] ?? null) : null,
};
