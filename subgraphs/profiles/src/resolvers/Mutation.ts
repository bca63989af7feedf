import type { SubgraphContext } from '@talentgraph/platform';
import {
  addCertification,
  addEducation,
  addExperience,
  removeCertification,
  removeEducation,
  removeExperience,
  updateCertification,
  updateEducation,
  updateExperience,
  type EntryPayload,
  type RemovedEntryPayload,
} from '../editing/career.ts';
import { createProfile, deleteProfile, updateProfile } from '../editing/basics.ts';
import type { Cause } from '../editing/change.ts';
import {
  updateConsultantDetails,
  updateJobPreferences,
  updateMentorDetails,
} from '../editing/preferences.ts';
import { setProfileLanguages, setProfileSkills } from '../editing/skills.ts';
import { completeOnboardingStep, saveOnboardingDraft } from '../onboarding/onboarding.ts';
import {
  claimProfileReview,
  decideProfileReview,
  releaseProfileReview,
  submitProfile,
  withdrawProfile,
} from '../review/workflow.ts';
import { acceptCvSuggestions, deleteDocument, rejectCvSuggestions } from '../documents/suggestions.ts';
import { requestDocumentUpload } from '../documents/upload.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { unlockProfileMutation } from './ProfileSearch.ts';

const causeOf = ({ viewer, now }: SubgraphContext): Cause => ({ viewer, now });

const entry =
  <Name extends string>(name: Name) =>
  async <Entry>(payload: Promise<EntryPayload<Entry>>) => {
    const { entry: value, profile, errors } = await payload;
    return { [name]: value, profile, errors } as { [Key in Name]: Entry | null } & {
      profile: typeof profile;
      errors: typeof errors;
    };
  };

const removal =
  <Name extends string>(name: Name) =>
  async (payload: Promise<RemovedEntryPayload>) => {
    const { removedId, profile, errors } = await payload;
    return { [name]: removedId, profile, errors } as { [Key in Name]: string | null } & {
      profile: typeof profile;
      errors: typeof errors;
    };
  };

export const Mutation: MutationResolvers = {
  createProfile: (_parent, { input }, context) => createProfile(context.em, causeOf(context), input),
  updateProfile: (_parent, { input }, context) => updateProfile(context.em, causeOf(context), input),
  deleteProfile: (_parent, { input }, context) => deleteProfile(context.em, causeOf(context), input),

  addExperience: (_parent, { input }, context) =>
    entry('experience')(addExperience(context.em, causeOf(context), input)),
  updateExperience: (_parent, { input }, context) =>
    entry('experience')(updateExperience(context.em, causeOf(context), input)),
  removeExperience: (_parent, { input }, context) =>
    removal('removedExperienceId')(removeExperience(context.em, causeOf(context), input)),

  addEducation: (_parent, { input }, context) =>
    entry('education')(addEducation(context.em, causeOf(context), input)),
  updateEducation: (_parent, { input }, context) =>
    entry('education')(updateEducation(context.em, causeOf(context), input)),
  removeEducation: (_parent, { input }, context) =>
    removal('removedEducationId')(removeEducation(context.em, causeOf(context), input)),

  addCertification: (_parent, { input }, context) =>
    entry('certification')(addCertification(context.em, causeOf(context), input)),
  updateCertification: (_parent, { input }, context) =>
    entry('certification')(updateCertification(context.em, causeOf(context), input)),
  removeCertification: (_parent, { input }, context) =>
    removal('removedCertificationId')(removeCertification(context.em, causeOf(context), input)),

  setProfileSkills: (_parent, { input }, context) => setProfileSkills(context.em, causeOf(context), input),
  setProfileLanguages: (_parent, { input }, context) =>
    setProfileLanguages(context.em, causeOf(context), input),
  updateJobPreferences: (_parent, { input }, context) =>
    updateJobPreferences(context.em, causeOf(context), input),
  updateConsultantDetails: (_parent, { input }, context) =>
    updateConsultantDetails(context.em, causeOf(context), input),
  updateMentorDetails: (_parent, { input }, context) =>
    updateMentorDetails(context.em, causeOf(context), input),

  saveOnboardingDraft: (_parent, { input }, context) =>
    saveOnboardingDraft(context.em, causeOf(context), input),
  completeOnboardingStep: (_parent, { input }, context) =>
    completeOnboardingStep(context.em, causeOf(context), input),

  submitProfile: async (_parent, { input }, context) => {
    const { profile, errors } = await submitProfile(context.em, causeOf(context), input);
    return { profile, errors };
  },
  withdrawProfile: async (_parent, { input }, context) => {
    const { profile, errors } = await withdrawProfile(context.em, causeOf(context), input);
    return { profile, errors };
  },
  claimProfileReview: (_parent, { input }, context) =>
    claimProfileReview(context.em, causeOf(context), input),
  releaseProfileReview: (_parent, { input }, context) =>
    releaseProfileReview(context.em, causeOf(context), input),
  validateProfile: (_parent, { input }, context) =>
    decideProfileReview(context.em, causeOf(context), 'VALIDATED', input),
  rejectProfile: (_parent, { input }, context) =>
    decideProfileReview(context.em, causeOf(context), 'REJECTED', input),

  requestCvUpload: (_parent, { input }, context) =>
    requestDocumentUpload(context.em, causeOf(context), { ...input, kind: 'CV' }),
  acceptCvSuggestions: (_parent, { input }, context) =>
    acceptCvSuggestions(context.em, causeOf(context), input),
  rejectCvSuggestions: async (_parent, { input }, context) => {
    const { document, errors } = await rejectCvSuggestions(context.em, causeOf(context), input);
    return { document, errors };
  },
  deleteDocument: (_parent, { input }, context) => deleteDocument(context.em, causeOf(context), input),
  unlockProfile: unlockProfileMutation,
};
