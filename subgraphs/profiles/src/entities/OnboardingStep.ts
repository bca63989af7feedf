import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ONBOARDING_STEPS } from '../domain/onboarding.ts';
import { ProfileSchema } from './Profile.ts';

/**
 * The progress of one onboarding step of a profile: its autosaved draft (free JSON, checked when the step
 * is completed) and when it was completed. No row: the step is not started.
 */
export const OnboardingStepSchema = defineEntity({
  name: 'OnboardingStep',
  tableName: 'profile_onboarding_steps',
  properties: {
    profile: () => p.manyToOne(ProfileSchema).primary().deleteRule('cascade'),
    step: p.enum(ONBOARDING_STEPS).primary(),
    /** The step's form as last saved, valid or not; null once completed without pending changes. */
    draft: p.json<Record<string, unknown>>().nullable(),
    draftSavedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
  },
});

export type OnboardingStep = InferEntity<typeof OnboardingStepSchema>;
