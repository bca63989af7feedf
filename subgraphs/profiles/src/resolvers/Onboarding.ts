import type { SubgraphContext } from '@talentgraph/platform';
import type { ProfileStatus } from '../domain/profile.ts';
import { currentStep, onboardingProgress } from '../domain/onboarding.ts';
import type { OnboardingResolvers, OnboardingStepProgressResolvers } from '../generated/resolvers-types.ts';
import type { OnboardingStepParent } from './parents.ts';
import { onboardingStepsOf } from './loaders.ts';

async function stepsOf(
  context: SubgraphContext,
  profile: { readonly id: string; readonly status: ProfileStatus },
): Promise<OnboardingStepParent[]> {
  const stored = await onboardingStepsOf(context, profile.id);
  return onboardingProgress(
    stored.map((row) => ({
      step: row.step,
      completedAt: row.completedAt ?? null,
      hasDraft: row.draft != null,
    })),
    profile.status,
  ).map(({ step, status }) => ({ step, status, stored: stored.find((row) => row.step === step) ?? null }));
}

export const Onboarding: OnboardingResolvers = {
  steps: ({ profile }, _args, context) => stepsOf(context, profile),
  currentStep: async ({ profile }, _args, context) => currentStep(await stepsOf(context, profile)),
};

export const OnboardingStepProgress: OnboardingStepProgressResolvers = {
  draft: ({ stored }) => stored?.draft ?? null,
  draftSavedAt: ({ stored }) => stored?.draftSavedAt ?? null,
  completedAt: ({ stored }) => stored?.completedAt ?? null,
};
