import type { ProfileStatus } from './profile.ts';
import type { Violation } from './violations.ts';

/**
 * Onboarding: the steps a person goes through to fill in their profile, in this order. Each step keeps an
 * autosaved draft of its form — saved as typed, valid or not — until the person completes the step: the
 * draft is then checked with the same rules as the editing mutations and written to the profile, or
 * refused field by field and kept as it was.
 */
export const ONBOARDING_STEPS = [
  'BASICS',
  'EXPERIENCE',
  'EDUCATION',
  'SKILLS',
  'LANGUAGES',
  'PREFERENCES',
  'CV',
  'REVIEW',
] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const ONBOARDING_STEP_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type OnboardingStepStatus = (typeof ONBOARDING_STEP_STATUSES)[number];

/**
 * The top-level keys a draft of each step may hold, named like the fields of the editing mutations'
 * inputs. CV has no form of its own (documents are uploaded separately); REVIEW is the submission.
 */
export const STEP_DRAFT_KEYS: Readonly<Record<OnboardingStep, readonly string[]>> = {
  BASICS: ['headline', 'summary', 'location', 'remotePreference', 'yearsOfExperience', 'availableFrom'],
  EXPERIENCE: ['experiences'],
  EDUCATION: ['education', 'certifications'],
  SKILLS: ['skills'],
  LANGUAGES: ['languages'],
  PREFERENCES: ['preferences', 'consultant', 'mentor'],
  CV: [],
  REVIEW: [],
};

/** A draft is a form's content, not a document store. */
export const DRAFT_MAX_BYTES = 32 * 1024;

/** Which step asks for each field a submission requires (see submission.ts). */
export function stepOfField(field: string): OnboardingStep {
  const top = field.split('.')[0]!;
  const step = ONBOARDING_STEPS.find((candidate) => STEP_DRAFT_KEYS[candidate].includes(top));
  if (step === undefined) throw new Error(`No onboarding step asks for ${field}`);
  return step;
}

/** What a step still lacks for a submission: the submission's violations that belong to the step. */
export function stepRequirementViolations(
  step: OnboardingStep,
  submission: readonly Violation[],
): Violation[] {
  return submission.filter((found) => stepOfField(found.field) === step);
}

export interface StoredStep {
  readonly step: OnboardingStep;
  readonly completedAt: Date | null;
  readonly hasDraft: boolean;
}

export interface StepProgress {
  readonly step: OnboardingStep;
  readonly status: OnboardingStepStatus;
}

/**
 * The status of every step, in order. A step with a draft not yet completed is IN_PROGRESS, even after an
 * earlier completion (changes are pending). REVIEW follows the profile's review status: done once the
 * profile is submitted, to do again after a rejection.
 */
export function onboardingProgress(stored: readonly StoredStep[], status: ProfileStatus): StepProgress[] {
  return ONBOARDING_STEPS.map((step) => {
    if (step === 'REVIEW') {
      const reviewStatus: OnboardingStepStatus =
        status === 'DRAFT' ? 'NOT_STARTED' : status === 'REJECTED' ? 'IN_PROGRESS' : 'COMPLETED';
      return { step, status: reviewStatus };
    }
    const row = stored.find((candidate) => candidate.step === step);
    if (!row) return { step, status: 'NOT_STARTED' };
    if (row.hasDraft) return { step, status: 'IN_PROGRESS' };
    return { step, status: row.completedAt ? 'COMPLETED' : 'NOT_STARTED' };
  });
}

/** The first step not completed, where the person resumes; null once every step is completed. */
export function currentStep(progress: readonly StepProgress[]): OnboardingStep | null {
  return progress.find((entry) => entry.status !== 'COMPLETED')?.step ?? null;
}
