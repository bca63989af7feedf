import { describe, expect, it } from 'vitest';
import { decodeDraft, draftShapeViolations } from '../../src/domain/drafts.ts';
import {
  ONBOARDING_STEPS,
  STEP_DRAFT_KEYS,
  currentStep,
  onboardingProgress,
  stepRequirementViolations,
} from '../../src/domain/onboarding.ts';
import { submissionViolations } from '../../src/domain/submission.ts';
import type { Checked } from '../../src/domain/violations.ts';
import { emptyState, fullState } from './states.ts';

const problemsOf = (checked: Checked<unknown>) =>
  checked.ok ? [] : checked.violations.map(({ field, code }) => `${field}:${code}`);

describe('onboarding progress', () => {
  const done = (step: (typeof ONBOARDING_STEPS)[number]) => ({
    step,
    completedAt: new Date(),
    hasDraft: false,
  });

  it('starts at BASICS with every step not started', () => {
    const progress = onboardingProgress([], 'DRAFT');
    expect(progress.map((entry) => entry.status)).toEqual(ONBOARDING_STEPS.map(() => 'NOT_STARTED'));
    expect(currentStep(progress)).toBe('BASICS');
  });

  it('resumes at the first step not completed, a saved draft making a step IN_PROGRESS', () => {
    const progress = onboardingProgress(
      [done('BASICS'), { step: 'EXPERIENCE', completedAt: null, hasDraft: true }, done('SKILLS')],
      'DRAFT',
    );
    expect(progress.slice(0, 4)).toEqual([
      { step: 'BASICS', status: 'COMPLETED' },
      { step: 'EXPERIENCE', status: 'IN_PROGRESS' },
      { step: 'EDUCATION', status: 'NOT_STARTED' },
      { step: 'SKILLS', status: 'COMPLETED' },
    ]);
    expect(currentStep(progress)).toBe('EXPERIENCE');
  });

  it('shows pending changes of a completed step as IN_PROGRESS', () => {
    const progress = onboardingProgress(
      [{ step: 'BASICS', completedAt: new Date(), hasDraft: true }],
      'DRAFT',
    );
    expect(progress[0]).toEqual({ step: 'BASICS', status: 'IN_PROGRESS' });
  });

  it('follows the review status for REVIEW, and ends once everything is completed', () => {
    const allButReview = ONBOARDING_STEPS.filter((step) => step !== 'REVIEW').map(done);
    const review = (status: Parameters<typeof onboardingProgress>[1]) =>
      onboardingProgress(allButReview, status).at(-1);
    expect(review('DRAFT')).toEqual({ step: 'REVIEW', status: 'NOT_STARTED' });
    expect(review('REJECTED')).toEqual({ step: 'REVIEW', status: 'IN_PROGRESS' });
    for (const status of ['SUBMITTED', 'IN_REVIEW', 'VALIDATED'] as const) {
      expect(review(status)).toEqual({ step: 'REVIEW', status: 'COMPLETED' });
    }
    expect(currentStep(onboardingProgress(allButReview, 'VALIDATED'))).toBeNull();
    expect(currentStep(onboardingProgress(allButReview, 'DRAFT'))).toBe('REVIEW');
  });

  it('asks of each step what a submission needs of it', () => {
    const missing = submissionViolations(emptyState('CANDIDATE'));
    const requirements = (step: (typeof ONBOARDING_STEPS)[number]) =>
      stepRequirementViolations(step, missing).map((found) => found.field);
    expect(requirements('BASICS')).toEqual([
      'headline',
      'summary',
      'location',
      'remotePreference',
      'yearsOfExperience',
    ]);
    expect(requirements('SKILLS')).toEqual(['skills']);
    expect(requirements('LANGUAGES')).toEqual(['languages']);
    expect(requirements('PREFERENCES')).toEqual(['preferences.desiredContractTypes']);
    expect(requirements('EXPERIENCE')).toEqual([]);
    expect(requirements('EDUCATION')).toEqual([]);
  });
});

describe('drafts', () => {
  it('accept the keys of their step, whatever their values', () => {
    expect(draftShapeViolations('BASICS', { headline: 42, location: 'somewhere' })).toEqual([]);
    expect(draftShapeViolations('EXPERIENCE', { experiences: [{ title: '' }] })).toEqual([]);
  });

  it('refuse keys of another step, steps without a form, and more than 32 KiB', () => {
    expect(
      draftShapeViolations('BASICS', { skills: [] }).map(({ field, code }) => `${field}:${code}`),
    ).toEqual(['draft.skills:UNKNOWN_DRAFT_FIELD']);
    for (const step of ['CV', 'REVIEW'] as const) {
      expect(STEP_DRAFT_KEYS[step]).toEqual([]);
      expect(draftShapeViolations(step, {}).map(({ code }) => code)).toEqual(['STEP_HAS_NO_DRAFT']);
    }
    expect(
      draftShapeViolations('BASICS', { summary: 'x'.repeat(33 * 1024) }).map(({ code }) => code),
    ).toEqual(['DRAFT_TOO_LARGE']);
  });

  it('decode into the editing inputs', () => {
    expect(
      decodeDraft('EXPERIENCE', {
        experiences: [
          {
            organizationName: 'Logiflow',
            title: 'Dev',
            startDate: '2023-03-01',
            skills: [{ name: 'React' }],
          },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        experiences: [
          {
            organizationName: 'Logiflow',
            title: 'Dev',
            startDate: '2023-03-01',
            skills: [{ name: 'React' }],
          },
        ],
      },
    });
    expect(decodeDraft('BASICS', { headline: 'Dev', yearsOfExperience: null })).toEqual({
      ok: true,
      value: { basics: { headline: 'Dev', yearsOfExperience: null } },
    });
    expect(decodeDraft('SKILLS', null)).toEqual({ ok: true, value: {} });
  });

  it('report values of the wrong type and missing required fields at their path', () => {
    expect(problemsOf(decodeDraft('BASICS', { headline: 42, location: { city: 'Lyon' } }))).toEqual([
      'draft.headline:INVALID_TYPE',
      'draft.location.countryCode:REQUIRED',
    ]);
    expect(
      problemsOf(
        decodeDraft('EXPERIENCE', {
          experiences: [{ organizationName: 'A', title: 'B', startDate: 20230301, x: 1 }],
        }),
      ),
    ).toEqual(['draft.experiences.0.x:UNKNOWN_DRAFT_FIELD', 'draft.experiences.0.startDate:INVALID_TYPE']);
    expect(problemsOf(decodeDraft('LANGUAGES', { languages: 'fr' }))).toEqual([
      'draft.languages:INVALID_TYPE',
    ]);
    expect(problemsOf(decodeDraft('PREFERENCES', { preferences: { discoverable: 'yes' } }))).toEqual([
      'draft.preferences.discoverable:INVALID_TYPE',
    ]);
  });
});

describe('submission', () => {
  it('needs nothing more of a full profile of any kind', () => {
    for (const kind of ['CANDIDATE', 'CONSULTANT', 'MENTOR'] as const)
      expect(submissionViolations(fullState(kind))).toEqual([]);
  });

  it('names every missing part, with what each kind needs', () => {
    const fields = (kind: 'CANDIDATE' | 'CONSULTANT' | 'MENTOR') =>
      submissionViolations(emptyState(kind)).map((found) => found.field);
    const common = [
      'headline',
      'summary',
      'location',
      'remotePreference',
      'yearsOfExperience',
      'skills',
      'languages',
    ];
    expect(fields('CANDIDATE')).toEqual([...common, 'preferences.desiredContractTypes']);
    expect(fields('CONSULTANT')).toEqual([...common, 'consultant.dailyRate', 'consultant.availability']);
    expect(fields('MENTOR')).toEqual([...common, 'mentor.expertise']);
    expect(
      submissionViolations(emptyState('MENTOR')).every((found) => found.code === 'PROFILE_INCOMPLETE'),
    ).toBe(true);
  });
});
