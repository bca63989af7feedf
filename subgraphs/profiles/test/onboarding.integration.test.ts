import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import {
  createProfile,
  errorCodes,
  eventsOf,
  newPerson,
  refusedWithoutWriting,
  request,
  startProfilesWorld,
  succeed,
  type UserErrorOf,
} from './support/world.ts';

/**
 * Onboarding: a step's form is autosaved as typed (valid or not) and never lost; completing the step
 * checks it with the editing rules and writes it to the profile, or refuses it field by field and keeps it.
 */
const world = startForTests(startProfilesWorld);

const SAVE = `mutation ($input: SaveOnboardingDraftInput!) {
  saveOnboardingDraft(input: $input) { profile { id } errors { code message field } }
}`;
const COMPLETE = `mutation ($input: CompleteOnboardingStepInput!) {
  completeOnboardingStep(input: $input) {
    profile { id status headline yearsOfExperience experiences { title startDate endDate } skills { skill { id } level } completion { percent } }
    errors { code message field }
  }
}`;
const ONBOARDING = `query ($id: ID!) {
  profile(id: $id) { onboarding { currentStep steps { step status draft draftSavedAt completedAt } } }
}`;

type Progress = {
  currentStep: string | null;
  steps: {
    step: string;
    status: string;
    draft: Record<string, unknown> | null;
    completedAt: string | null;
  }[];
};
type Refused = { [mutation: string]: { errors: UserErrorOf[] } };

async function onboardingOf(person: Parameters<typeof request>[1], profileId: string): Promise<Progress> {
  const response = await request<{ profile: { onboarding: Progress } }>(world, person, ONBOARDING, {
    id: profileId,
  });
  expect(response.errors).toBeUndefined();
  return response.data!.profile.onboarding;
}

const stepOf = (progress: Progress, step: string) => progress.steps.find((entry) => entry.step === step)!;
const errorsOf = (response: { data?: Refused | null }) =>
  Object.values(response.data ?? {})[0]!.errors.map(({ code, field }) => ({ code, field }));

describe('onboarding', () => {
  it('keeps a half-filled, invalid form as typed, and shows where the person resumes', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    expect((await onboardingOf(person, profileId)).currentStep).toBe('BASICS');
    const draft = { headline: 'Da', yearsOfExperience: 99, location: { city: 'Lyon' } };
    await succeed(world, person, SAVE, { profileId, step: 'BASICS', draft });
    const progress = await onboardingOf(person, profileId);
    expect(stepOf(progress, 'BASICS')).toMatchObject({ status: 'IN_PROGRESS', draft, completedAt: null });
    expect(progress.currentStep).toBe('BASICS');
    expect(progress.steps.map((entry) => entry.step)).toEqual([
      'BASICS',
      'EXPERIENCE',
      'EDUCATION',
      'SKILLS',
      'LANGUAGES',
      'PREFERENCES',
      'CV',
      'REVIEW',
    ]);
    // A draft is no change of the profile: no event.
    expect((await eventsOf(world, profileId)).map((event) => event.type)).toEqual([
      'profiles.ProfileCreated',
    ]);
  });

  it('refuses to complete an invalid draft field by field, keeping the draft and writing nothing', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    await succeed(world, person, SAVE, {
      profileId,
      step: 'BASICS',
      draft: { headline: 'Da', yearsOfExperience: 99, location: { countryCode: 'FR' } },
    });
    const response = await refusedWithoutWriting<Refused>(world, person, COMPLETE, {
      input: { profileId, step: 'BASICS' },
    });
    expect(errorsOf(response)).toEqual([
      { code: 'TOO_SHORT', field: ['draft', 'headline'] },
      { code: 'OUT_OF_RANGE', field: ['draft', 'yearsOfExperience'] },
    ]);
    // Even a value of the wrong type is saved as typed; completing the step names it.
    await succeed(world, person, SAVE, { profileId, step: 'BASICS', draft: { headline: 42 } });
    const wrongType = await refusedWithoutWriting<Refused>(world, person, COMPLETE, {
      input: { profileId, step: 'BASICS' },
    });
    expect(errorsOf(wrongType)).toEqual([{ code: 'INVALID_TYPE', field: ['draft', 'headline'] }]);
    expect(stepOf(await onboardingOf(person, profileId), 'BASICS').draft).toEqual({ headline: 42 });
  });

  it('completes a valid draft: written to the profile, the step COMPLETED, one ProfileUpdated', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    await succeed(world, person, SAVE, {
      profileId,
      step: 'BASICS',
      draft: {
        headline: 'Data analyst',
        summary: 'Analyses retail sales with SQL and Python.',
        location: { city: 'Lyon', countryCode: 'FR' },
        remotePreference: 'HYBRID',
        yearsOfExperience: 2,
      },
    });
    const completed = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      COMPLETE,
      {
        profileId,
        step: 'BASICS',
      },
    );
    expect(completed.profile).toMatchObject({ headline: 'Data analyst', yearsOfExperience: 2 });
    const progress = await onboardingOf(person, profileId);
    expect(stepOf(progress, 'BASICS')).toMatchObject({
      status: 'COMPLETED',
      draft: null,
      completedAt: expect.any(String),
    });
    expect(progress.currentStep).toBe('EXPERIENCE');
    const events = await eventsOf(world, profileId);
    expect(events.map((event) => event.type)).toEqual(['profiles.ProfileCreated', 'profiles.ProfileUpdated']);
    expect(events[1]!.payload['changedParts']).toEqual([
      'headline',
      'summary',
      'location',
      'remotePreference',
      'yearsOfExperience',
    ]);
  });

  it('makes the list of a list step exactly the draft: entries with an id changed, new ones added, others removed', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const job = {
      organizationName: 'Logiflow',
      title: 'Developer',
      startDate: '2022-01-01',
      skills: [{ name: 'React' }],
    };
    await succeed(world, person, SAVE, {
      profileId,
      step: 'EXPERIENCE',
      draft: {
        experiences: [job, { ...job, title: 'Intern', startDate: '2021-01-01', endDate: '2021-06-30' }],
      },
    });
    await succeed(world, person, COMPLETE, { profileId, step: 'EXPERIENCE' });
    const [kept] = await request<{ profile: { experiences: { id: string; title: string }[] } }>(
      world,
      person,
      'query ($id: ID!) { profile(id: $id) { experiences { id title } } }',
      { id: profileId },
    ).then((response) => response.data!.profile.experiences);
    expect(kept!.title).toBe('Developer');
    await succeed(world, person, SAVE, {
      profileId,
      step: 'EXPERIENCE',
      draft: {
        experiences: [
          { ...job, id: kept!.id, title: 'Senior developer' },
          {
            ...job,
            organizationName: 'Colis',
            title: 'Tester',
            startDate: '2020-01-01',
            endDate: '2020-12-31',
          },
        ],
      },
    });
    const completed = await succeed<{ profile: { experiences: { title: string }[] }; errors: UserErrorOf[] }>(
      world,
      person,
      COMPLETE,
      {
        profileId,
        step: 'EXPERIENCE',
      },
    );
    expect(completed.profile.experiences.map((entry) => entry.title)).toEqual(['Senior developer', 'Tester']);
  });

  it('refuses list entries that break the rules, or name an entry of another profile, at their path', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    await succeed(world, person, SAVE, {
      profileId,
      step: 'EXPERIENCE',
      draft: {
        experiences: [
          {
            organizationName: 'Logiflow',
            title: 'Developer',
            startDate: '2022-01-01',
            endDate: '2021-01-01',
          },
          {
            id: '00000000-0000-4000-8000-000000000000',
            organizationName: 'X',
            title: 'Y',
            startDate: '2022-01-01',
          },
          {
            organizationName: 'Logiflow',
            title: 'Developer',
            startDate: '2022-01-01',
            skills: [{ name: 'Reakt' }],
          },
        ],
      },
    });
    const response = await refusedWithoutWriting<Refused>(world, person, COMPLETE, {
      input: { profileId, step: 'EXPERIENCE' },
    });
    expect(errorsOf(response)).toEqual([
      { code: 'END_BEFORE_START', field: ['draft', 'experiences', '0', 'endDate'] },
      { code: 'UNKNOWN_ENTRY', field: ['draft', 'experiences', '1', 'id'] },
      { code: 'UNKNOWN_SKILL', field: ['draft', 'experiences', '2', 'skills', '0'] },
    ]);
  });

  it('refuses to complete a step that lacks what a submission needs of it', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const skills = await refusedWithoutWriting<Refused>(world, person, COMPLETE, {
      input: { profileId, step: 'SKILLS' },
    });
    expect(errorsOf(skills)).toEqual([{ code: 'PROFILE_INCOMPLETE', field: ['skills'] }]);
    await succeed(world, person, SAVE, {
      profileId,
      step: 'SKILLS',
      draft: { skills: [{ skill: { name: 'SQL' }, level: 'ADVANCED', yearsOfExperience: 3 }] },
    });
    const completed = await succeed<{ profile: { skills: unknown[] }; errors: UserErrorOf[] }>(
      world,
      person,
      COMPLETE,
      { profileId, step: 'SKILLS' },
    );
    expect(completed.profile.skills).toEqual([{ skill: { id: 'sql' }, level: 'ADVANCED' }]);
  });

  it('completes the steps without requirements with nothing saved (a student without experience)', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    for (const step of ['EXPERIENCE', 'EDUCATION', 'CV'])
      await succeed(world, person, COMPLETE, { profileId, step });
    const progress = await onboardingOf(person, profileId);
    expect(progress.steps.filter((entry) => entry.status === 'COMPLETED').map((entry) => entry.step)).toEqual(
      ['EXPERIENCE', 'EDUCATION', 'CV'],
    );
    expect((await eventsOf(world, profileId)).map((event) => event.type)).toEqual([
      'profiles.ProfileCreated',
    ]);
  });

  it('submits the profile when REVIEW is completed', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person, {
      kind: 'CANDIDATE',
      headline: 'Data analyst',
      summary: 'Analyses retail sales.',
      location: { countryCode: 'FR' },
      remotePreference: 'REMOTE',
      yearsOfExperience: 2,
    });
    const incomplete = await refusedWithoutWriting<Refused>(world, person, COMPLETE, {
      input: { profileId, step: 'REVIEW' },
    });
    expect(errorsOf(incomplete).map((error) => error.code)).toEqual([
      'PROFILE_INCOMPLETE',
      'PROFILE_INCOMPLETE',
      'PROFILE_INCOMPLETE',
    ]);
    await succeed(world, person, SAVE, {
      profileId,
      step: 'SKILLS',
      draft: { skills: [{ skill: { id: 'sql' }, level: 'ADVANCED', yearsOfExperience: 2 }] },
    });
    await succeed(world, person, COMPLETE, { profileId, step: 'SKILLS' });
    await succeed(world, person, SAVE, {
      profileId,
      step: 'LANGUAGES',
      draft: { languages: [{ code: 'fr', level: 'C2' }] },
    });
    await succeed(world, person, COMPLETE, { profileId, step: 'LANGUAGES' });
    await succeed(world, person, SAVE, {
      profileId,
      step: 'PREFERENCES',
      draft: { preferences: { desiredContractTypes: ['PERMANENT'] } },
    });
    await succeed(world, person, COMPLETE, { profileId, step: 'PREFERENCES' });
    const submitted = await succeed<{ profile: { status: string }; errors: UserErrorOf[] }>(
      world,
      person,
      COMPLETE,
      { profileId, step: 'REVIEW' },
    );
    expect(submitted.profile.status).toBe('SUBMITTED');
    expect(stepOf(await onboardingOf(person, profileId), 'REVIEW').status).toBe('COMPLETED');
  });

  it.each<[string, string, Record<string, unknown>, { code: string; field: string[] | null }[]]>([
    [
      'a key of another step',
      'BASICS',
      { skills: [] },
      [{ code: 'UNKNOWN_DRAFT_FIELD', field: ['input', 'draft', 'skills'] }],
    ],
    ['a draft for CV', 'CV', {}, [{ code: 'STEP_HAS_NO_DRAFT', field: ['input', 'step'] }]],
    [
      'a draft of more than 32 KiB',
      'BASICS',
      { summary: 'x'.repeat(33 * 1024) },
      [{ code: 'DRAFT_TOO_LARGE', field: ['input', 'draft'] }],
    ],
  ])('refuses to save %s, writing nothing', async (_case, step, draft, expected) => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const response = await refusedWithoutWriting<Refused>(world, person, SAVE, {
      input: { profileId, step, draft },
    });
    expect(errorsOf(response)).toEqual(expected);
  });

  it("keeps someone else's onboarding to themselves: unknown to others, null when their profile is public", async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const stranger = newPerson();
    const response = await refusedWithoutWriting<Refused>(world, stranger, SAVE, {
      input: { profileId, step: 'BASICS', draft: { headline: 'Hijacked' } },
    });
    expect(errorsOf(response)).toEqual([{ code: 'PROFILE_NOT_FOUND', field: ['input', 'profileId'] }]);
    const moderator = newPerson({ roles: ['MODERATOR'] });
    const seen = await request<{ profile: { onboarding: unknown } }>(world, moderator, ONBOARDING, {
      id: profileId,
    });
    expect(seen.data!.profile.onboarding).toBeNull();
    const anonymous = await refusedWithoutWriting(world, null, COMPLETE, {
      input: { profileId, step: 'BASICS' },
    });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});
