import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { organizations, profiles } from '@talentgraph/demo-data';
import { startForTests, testUser } from '@talentgraph/testing';
import {
  MUTATIONS,
  PROFILE_FIELDS,
  UNKNOWN_ID,
  createProfile,
  errorCodes,
  eventsOf,
  idOf,
  newPerson,
  refusedWithoutWriting,
  request,
  rows,
  startProfilesWorld,
  succeed,
  type UserErrorOf,
} from './support/world.ts';

/**
 * The editing mutations of a profile, each with what it writes and the events it records, and its
 * refusals: every one a typed error or a GraphQL error, with nothing written (no row, no event).
 */
const world = startForTests(startProfilesWorld);

const nordlys = organizations.find((organization) => organization.kind === 'IT_SERVICES')!;
const validatedDemo = profiles.find(
  (profile) => profile.status === 'VALIDATED' && profile.kind === 'CANDIDATE',
)!;
const validatedMentor = profiles.find(
  (profile) => profile.status === 'VALIDATED' && profile.kind === 'MENTOR',
)!;
const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId: nordlys.id,
  roles: ['PARTNER'],
};

const CREATE = `mutation ($input: CreateProfileInput!) {
  createProfile(input: $input) { profile { ${PROFILE_FIELDS} user { id } consultant { organization { id } } onboarding { currentStep } } errors { code message field } }
}`;
type Payload<Key extends string, Value = Record<string, unknown>> = {
  [K in Key]: { errors: UserErrorOf[] } & Record<string, Value | UserErrorOf[] | null>;
};

const errorsOf = (response: { data?: Record<string, { errors: UserErrorOf[] }> | null }) =>
  Object.values(response.data ?? {})[0]?.errors.map(({ code, field }) => ({ code, field }));

describe('createProfile', () => {
  it('creates a DRAFT with the basics given, records ProfileCreated with its snapshot', async () => {
    const person = newPerson();
    const response = await request<Payload<'createProfile'>>(world, person, CREATE, {
      input: {
        kind: 'CANDIDATE',
        headline: '  Data analyst ',
        location: { city: 'Nantes', countryCode: 'FR', latitude: 47.218371, longitude: -1.553621 },
        yearsOfExperience: 2,
      },
    });
    expect(response.errors).toBeUndefined();
    const created = response.data!.createProfile as unknown as { profile: Record<string, unknown> };
    expect(created.profile).toMatchObject({
      kind: 'CANDIDATE',
      status: 'DRAFT',
      revision: 1,
      headline: 'Data analyst',
      yearsOfExperience: 2,
      remotePreference: null,
      location: {
        city: 'Nantes',
        countryCode: 'FR',
        coordinates: { latitude: 47.218371, longitude: -1.553621 },
      },
      completion: { percent: 20 },
      user: { id: person.userId },
      consultant: null,
      onboarding: { currentStep: 'BASICS' },
    });
    const [event, ...others] = await eventsOf(world, created.profile['id'] as string);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      type: 'profiles.ProfileCreated',
      version: 1,
      actor: { kind: 'USER', id: person.userId },
      payload: {
        profileId: created.profile['id'],
        userId: person.userId,
        profile: {
          kind: 'CANDIDATE',
          status: 'DRAFT',
          revision: 1,
          headline: 'Data analyst',
          yearsOfExperience: 2,
        },
      },
    });
  });

  it('lets a member of an IT-services firm create their consultant profile, and the firm its consultants’', async () => {
    const member = newPerson({ memberships: [{ organizationId: nordlys.id, role: 'RECRUITER' }] });
    const own = await request<Payload<'createProfile'>>(world, member, CREATE, {
      input: { kind: 'CONSULTANT', organizationId: nordlys.id },
    });
    expect(own.data!.createProfile.errors).toEqual([]);
    const admin = newPerson({ memberships: [{ organizationId: nordlys.id, role: 'ADMIN' }] });
    const consultant = newPerson();
    const forConsultant = await request<{ createProfile: { profile: Record<string, unknown> } }>(
      world,
      admin,
      CREATE,
      {
        input: { kind: 'CONSULTANT', organizationId: nordlys.id, userId: consultant.userId },
      },
    );
    expect(forConsultant.data!.createProfile.profile).toMatchObject({
      kind: 'CONSULTANT',
      user: { id: consultant.userId },
      consultant: { organization: { id: nordlys.id } },
    });
    // The consultant owns it: they read it as theirs.
    const mine = await request<{ myProfile: { id: string } }>(world, consultant, '{ myProfile { id } }');
    expect(mine.data!.myProfile.id).toBe(forConsultant.data!.createProfile.profile['id']);
  });

  it.each<[string, () => Viewer, Record<string, unknown>, { code: string; field: string[] | null }[]]>([
    [
      'a second profile for the same account',
      () => testUser(validatedDemo.userId),
      { kind: 'CANDIDATE' },
      [{ code: 'PROFILE_ALREADY_EXISTS', field: ['input'] }],
    ],
    [
      'a mentor profile without the MENTOR role',
      () => newPerson(),
      { kind: 'MENTOR' },
      [{ code: 'MENTOR_ROLE_REQUIRED', field: ['input', 'kind'] }],
    ],
    [
      'a consultant profile of a firm one is not a member of',
      () => newPerson(),
      { kind: 'CONSULTANT', organizationId: nordlys.id },
      [{ code: 'NOT_A_MEMBER', field: ['input', 'organizationId'] }],
    ],
    [
      'a consultant profile without a firm',
      () => newPerson(),
      { kind: 'CONSULTANT' },
      [{ code: 'ORGANIZATION_REQUIRED', field: ['input', 'organizationId'] }],
    ],
    [
      'a candidate profile belonging to an organization',
      () => newPerson(),
      { kind: 'CANDIDATE', organizationId: nordlys.id },
      [{ code: 'ORGANIZATION_NOT_ALLOWED', field: ['input', 'organizationId'] }],
    ],
    [
      "someone else's candidate profile",
      () => newPerson({ memberships: [{ organizationId: nordlys.id, role: 'OWNER' }] }),
      { kind: 'CANDIDATE', userId: randomUUID() },
      [{ code: 'NOT_YOUR_PROFILE', field: ['input', 'userId'] }],
    ],
    [
      'a consultant profile for someone else by a recruiter of the firm',
      () => newPerson({ memberships: [{ organizationId: nordlys.id, role: 'RECRUITER' }] }),
      { kind: 'CONSULTANT', organizationId: nordlys.id, userId: randomUUID() },
      [{ code: 'NOT_A_MEMBER', field: ['input', 'organizationId'] }],
    ],
    [
      'a headline too short and a latitude alone',
      () => newPerson(),
      { kind: 'CANDIDATE', headline: 'Hi', location: { countryCode: 'FR', latitude: 45 } },
      [
        { code: 'TOO_SHORT', field: ['input', 'headline'] },
        { code: 'INCOMPLETE_COORDINATES', field: ['input', 'location', 'latitude'] },
      ],
    ],
    [
      'an availability in 2031',
      () => newPerson(),
      { kind: 'CANDIDATE', availableFrom: '2031-01-01' },
      [{ code: 'DATE_OUT_OF_RANGE', field: ['input', 'availableFrom'] }],
    ],
  ])('refuses %s with a typed error, writing nothing', async (_case, viewer, input, expected) => {
    const response = await refusedWithoutWriting<Payload<'createProfile'>>(world, viewer(), CREATE, {
      input,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createProfile.profile).toBeNull();
    expect(errorsOf(response)).toEqual(expected);
  });

  it.each<[string, string, Viewer | null]>([
    ['an anonymous caller', 'UNAUTHENTICATED', null],
    ['a partner key', 'FORBIDDEN', partner],
  ])('refuses %s (%s), writing nothing', async (_case, code, viewer) => {
    const response = await refusedWithoutWriting(world, viewer, CREATE, { input: { kind: 'CANDIDATE' } });
    expect(errorCodes(response)).toEqual([code]);
  });

  it('refuses a country the CountryCode scalar does not know before any resolver runs', async () => {
    const response = await refusedWithoutWriting(world, newPerson(), CREATE, {
      input: { kind: 'CANDIDATE', location: { countryCode: 'XX' } },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('updateProfile', () => {
  it('changes the given fields only, clears those given as null, records ProfileUpdated with what changed', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person, {
      kind: 'CANDIDATE',
      headline: 'Data analyst',
      yearsOfExperience: 2,
      location: { countryCode: 'FR' },
    });
    const payload = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      MUTATIONS.updateProfile,
      { profileId, summary: 'Analyses retail sales with SQL and Python.', location: null },
    );
    expect(payload.profile).toMatchObject({
      headline: 'Data analyst',
      yearsOfExperience: 2,
      summary: 'Analyses retail sales with SQL and Python.',
      location: null,
      revision: 2,
      status: 'DRAFT',
    });
    const events = await eventsOf(world, profileId);
    expect(events.map((event) => event.type)).toEqual(['profiles.ProfileCreated', 'profiles.ProfileUpdated']);
    expect(events[1]!.payload).toMatchObject({
      changedParts: ['summary', 'location'],
      profile: { revision: 2, location: null },
    });
  });

  it('records nothing when nothing changes', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person, { kind: 'CANDIDATE', headline: 'Data analyst' });
    await succeed(world, person, MUTATIONS.updateProfile, { profileId, headline: 'Data analyst' });
    expect((await eventsOf(world, profileId)).map((event) => event.type)).toEqual([
      'profiles.ProfileCreated',
    ]);
  });

  it("lets the firm's owners and admins edit their consultant's profile", async () => {
    const consultant = newPerson();
    const owner = newPerson({ memberships: [{ organizationId: nordlys.id, role: 'OWNER' }] });
    const profileId = await createProfile(world, owner, {
      kind: 'CONSULTANT',
      organizationId: nordlys.id,
      userId: consultant.userId,
    });
    const admin = newPerson({ memberships: [{ organizationId: nordlys.id, role: 'ADMIN' }] });
    await succeed(world, admin, MUTATIONS.updateProfile, { profileId, headline: 'Azure data consultant' });
    await succeed(world, consultant, MUTATIONS.updateProfile, { profileId, yearsOfExperience: 6 });
    const events = await eventsOf(world, profileId);
    expect(events.map((event) => event.actor.id)).toEqual([idOf(owner), idOf(admin), consultant.userId]);
  });

  it('refuses invalid basics with every problem at its field, writing nothing', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const response = await refusedWithoutWriting<Payload<'updateProfile'>>(
      world,
      person,
      MUTATIONS.updateProfile,
      {
        input: { profileId, headline: 'x'.repeat(161), yearsOfExperience: 61, availableFrom: '2030-01-01' },
      },
    );
    expect(errorsOf(response)).toEqual([
      { code: 'TOO_LONG', field: ['input', 'headline'] },
      { code: 'OUT_OF_RANGE', field: ['input', 'yearsOfExperience'] },
      { code: 'DATE_OUT_OF_RANGE', field: ['input', 'availableFrom'] },
    ]);
  });

  it("answers someone else's profile they may not read as unknown, and refuses one they read as FORBIDDEN", async () => {
    const owner = newPerson();
    const draftId = await createProfile(world, owner);
    const stranger = newPerson();
    const hidden = await refusedWithoutWriting<Payload<'updateProfile'>>(
      world,
      stranger,
      MUTATIONS.updateProfile,
      {
        input: { profileId: draftId, headline: 'Hijacked profile' },
      },
    );
    expect(errorsOf(hidden)).toEqual([{ code: 'PROFILE_NOT_FOUND', field: ['input', 'profileId'] }]);
    const unknown = await refusedWithoutWriting<Payload<'updateProfile'>>(
      world,
      stranger,
      MUTATIONS.updateProfile,
      {
        input: { profileId: UNKNOWN_ID, headline: 'Nobody' },
      },
    );
    expect(errorsOf(unknown)).toEqual([{ code: 'PROFILE_NOT_FOUND', field: ['input', 'profileId'] }]);
    // A validated candidate is read by its owner, moderators and the organizations that unlocked it only.
    const candidate = await refusedWithoutWriting<Payload<'updateProfile'>>(
      world,
      stranger,
      MUTATIONS.updateProfile,
      { input: { profileId: validatedDemo.id, headline: 'Hijacked profile' } },
    );
    expect(errorsOf(candidate)).toEqual([{ code: 'PROFILE_NOT_FOUND', field: ['input', 'profileId'] }]);
    const visible = await refusedWithoutWriting(world, stranger, MUTATIONS.updateProfile, {
      input: { profileId: validatedMentor.id, headline: 'Hijacked profile' },
    });
    expect(errorCodes(visible)).toEqual(['FORBIDDEN']);
    // A recruiter whose organization unlocked the candidate reads it, and may not edit it either.
    const organizationId = randomUUID();
    await rows(
      world,
      `insert into profile_unlocks (id, profile_id, organization_id, unlocked_at) values ($1, $2, $3, now())`,
      [randomUUID(), validatedDemo.id, organizationId],
    );
    const recruiter = newPerson({
      roles: ['RECRUITER'],
      memberships: [{ organizationId, role: 'RECRUITER' }],
    });
    const unlocked = await refusedWithoutWriting(world, recruiter, MUTATIONS.updateProfile, {
      input: { profileId: validatedDemo.id, headline: 'Hijacked profile' },
    });
    expect(errorCodes(unlocked)).toEqual(['FORBIDDEN']);
  });

  it.each<[string, string, () => Viewer | null]>([
    ['an anonymous caller', 'UNAUTHENTICATED', () => null],
    ['a partner key', 'FORBIDDEN', () => partner],
    ['a moderator', 'FORBIDDEN', () => newPerson({ roles: ['MODERATOR'] })],
    [
      "a recruiter of the consultant's firm",
      'FORBIDDEN',
      () => newPerson({ memberships: [{ organizationId: nordlys.id, role: 'RECRUITER' }] }),
    ],
  ])('refuses %s (%s), writing nothing', async (_case, code, viewer) => {
    const owner = newPerson();
    const admin = newPerson({ memberships: [{ organizationId: nordlys.id, role: 'OWNER' }] });
    const profileId = await createProfile(world, admin, {
      kind: 'CONSULTANT',
      organizationId: nordlys.id,
      userId: owner.userId,
    });
    await rows(world, `update profiles set status = 'VALIDATED', submitted_at = now() where id = $1`, [
      profileId,
    ]);
    const response = await refusedWithoutWriting(world, viewer(), MUTATIONS.updateProfile, {
      input: { profileId, headline: 'Hijacked profile' },
    });
    expect(errorCodes(response)).toEqual([code]);
  });

  it('refuses a profile id that is no id with BAD_USER_INPUT', async () => {
    const response = await refusedWithoutWriting(world, newPerson(), MUTATIONS.updateProfile, {
      input: { profileId: 'profile-1', headline: 'Data analyst' },
    });
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'profileId',
    });
  });
});

const ADD_EXPERIENCE = `mutation ($input: AddExperienceInput!) {
  addExperience(input: $input) {
    experience { id organizationName title contractType location { city countryCode } startDate endDate current description skills { id name } }
    profile { id revision experiences { id } completion { percent } }
    errors { code message field }
  }
}`;
const UPDATE_EXPERIENCE = `mutation ($input: UpdateExperienceInput!) {
  updateExperience(input: $input) { experience { id title startDate endDate current } errors { code message field } }
}`;
const REMOVE_EXPERIENCE = `mutation ($input: RemoveExperienceInput!) {
  removeExperience(input: $input) { removedExperienceId profile { experiences { id } } errors { code message field } }
}`;
const job = {
  organizationName: 'Logiflow',
  title: 'Full-stack developer',
  contractType: 'PERMANENT',
  location: { city: 'Lyon', countryCode: 'FR' },
  startDate: '2023-03-01',
  description: 'Built the carrier portal.',
  skills: [{ name: 'ReactJS' }, { id: 'typescript' }],
};

describe('experiences', () => {
  it('adds, changes and removes an experience, each an event', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const added = await succeed<{
      experience: Record<string, unknown>;
      profile: Record<string, unknown>;
      errors: UserErrorOf[];
    }>(world, person, ADD_EXPERIENCE, { profileId, ...job });
    expect(added.experience).toMatchObject({
      organizationName: 'Logiflow',
      contractType: 'PERMANENT',
      location: { city: 'Lyon', countryCode: 'FR' },
      endDate: null,
      current: true,
      skills: [
        { id: 'react', name: 'React' },
        { id: 'typescript', name: 'TypeScript' },
      ],
    });
    expect(added.profile).toMatchObject({
      revision: 2,
      experiences: [{ id: added.experience['id'] }],
      completion: { percent: 15 },
    });
    const experienceId = added.experience['id'] as string;
    const changed = await succeed<{ experience: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      UPDATE_EXPERIENCE,
      { experienceId, endDate: '2025-06-30' },
    );
    expect(changed.experience).toMatchObject({
      title: 'Full-stack developer',
      startDate: '2023-03-01',
      endDate: '2025-06-30',
      current: false,
    });
    const removed = await succeed<{
      removedExperienceId: string;
      profile: { experiences: unknown[] };
      errors: UserErrorOf[];
    }>(world, person, REMOVE_EXPERIENCE, { experienceId });
    expect(removed).toMatchObject({ removedExperienceId: experienceId, profile: { experiences: [] } });
    const events = await eventsOf(world, profileId);
    expect(events.slice(1).map((event) => [event.type, event.payload['changedParts']])).toEqual([
      ['profiles.ProfileUpdated', ['experiences']],
      ['profiles.ProfileUpdated', ['experiences']],
      ['profiles.ProfileUpdated', ['experiences']],
    ]);
  });

  it.each<[string, Record<string, unknown>, { code: string; field: string[] | null }[]]>([
    [
      'an end before the start',
      { endDate: '2023-02-01' },
      [{ code: 'END_BEFORE_START', field: ['input', 'endDate'] }],
    ],
    [
      'a start in the future',
      { startDate: '2099-01-01' },
      [{ code: 'FUTURE_START', field: ['input', 'startDate'] }],
    ],
    [
      'a start before 1950',
      { startDate: '1900-01-01' },
      [{ code: 'DATE_OUT_OF_RANGE', field: ['input', 'startDate'] }],
    ],
    [
      'an unknown skill id',
      { skills: [{ id: 'cobol-2099' }] },
      [{ code: 'UNKNOWN_SKILL', field: ['input', 'skills', '0'] }],
    ],
    [
      'an unknown skill name',
      { skills: [{ name: 'Underwater basket weaving' }] },
      [{ code: 'UNKNOWN_SKILL', field: ['input', 'skills', '0'] }],
    ],
    ['a blank title', { title: '   ' }, [{ code: 'REQUIRED', field: ['input', 'title'] }]],
  ])('refuses to add an experience with %s, writing nothing', async (_case, change, expected) => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const response = await refusedWithoutWriting<Payload<'addExperience'>>(world, person, ADD_EXPERIENCE, {
      input: { profileId, ...job, ...change },
    });
    expect(errorsOf(response)).toEqual(expected);
  });

  it('checks a changed experience whole: an end moved before the start is refused', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const added = await succeed<{ experience: { id: string }; errors: UserErrorOf[] }>(
      world,
      person,
      ADD_EXPERIENCE,
      { profileId, ...job },
    );
    const response = await refusedWithoutWriting<Payload<'updateExperience'>>(
      world,
      person,
      UPDATE_EXPERIENCE,
      {
        input: { experienceId: added.experience.id, startDate: '2024-01-01', endDate: '2023-12-31' },
      },
    );
    expect(errorsOf(response)).toEqual([{ code: 'END_BEFORE_START', field: ['input', 'endDate'] }]);
  });

  it('answers an experience of someone else, or none, as unknown', async () => {
    const owner = newPerson();
    const profileId = await createProfile(world, owner);
    const added = await succeed<{ experience: { id: string }; errors: UserErrorOf[] }>(
      world,
      owner,
      ADD_EXPERIENCE,
      { profileId, ...job },
    );
    for (const experienceId of [added.experience.id, UNKNOWN_ID]) {
      const changed = await refusedWithoutWriting<Payload<'updateExperience'>>(
        world,
        newPerson(),
        UPDATE_EXPERIENCE,
        {
          input: { experienceId, title: 'CTO' },
        },
      );
      expect(errorsOf(changed)).toEqual([{ code: 'EXPERIENCE_NOT_FOUND', field: ['input', 'experienceId'] }]);
      const removed = await refusedWithoutWriting<Payload<'removeExperience'>>(
        world,
        newPerson(),
        REMOVE_EXPERIENCE,
        {
          input: { experienceId },
        },
      );
      expect(errorsOf(removed)).toEqual([{ code: 'EXPERIENCE_NOT_FOUND', field: ['input', 'experienceId'] }]);
    }
  });
});

const ADD_EDUCATION = `mutation ($input: AddEducationInput!) {
  addEducation(input: $input) { education { id institution degree level startDate endDate } errors { code message field } }
}`;
const UPDATE_EDUCATION = `mutation ($input: UpdateEducationInput!) {
  updateEducation(input: $input) { education { id degree endDate } errors { code message field } }
}`;
const REMOVE_EDUCATION = `mutation ($input: RemoveEducationInput!) {
  removeEducation(input: $input) { removedEducationId errors { code message field } }
}`;
const ADD_CERTIFICATION = `mutation ($input: AddCertificationInput!) {
  addCertification(input: $input) { certification { id name issuedOn expiresOn expired credentialUrl } errors { code message field } }
}`;
const UPDATE_CERTIFICATION = `mutation ($input: UpdateCertificationInput!) {
  updateCertification(input: $input) { certification { id expiresOn expired } errors { code message field } }
}`;
const REMOVE_CERTIFICATION = `mutation ($input: RemoveCertificationInput!) {
  removeCertification(input: $input) { removedCertificationId errors { code message field } }
}`;

describe('education and certifications', () => {
  it('adds, changes and removes them', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const education = await succeed<{ education: { id: string }; errors: UserErrorOf[] }>(
      world,
      person,
      ADD_EDUCATION,
      {
        profileId,
        institution: 'INSA Lyon',
        degree: 'Diplôme d’ingénieur',
        level: 'MASTER',
        startDate: '2016-09-01',
        endDate: '2021-06-30',
      },
    );
    const changed = await succeed<{ education: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      UPDATE_EDUCATION,
      {
        educationId: education.education.id,
        degree: null,
      },
    );
    expect(changed.education).toMatchObject({ degree: null, endDate: '2021-06-30' });
    const certification = await succeed<{ certification: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      ADD_CERTIFICATION,
      {
        profileId,
        name: 'CKA',
        issuer: 'CNCF',
        issuedOn: '2022-05-01',
        expiresOn: '2025-05-01',
        credentialUrl: 'https://cncf.example/v/1',
      },
    );
    expect(certification.certification).toMatchObject({ expiresOn: '2025-05-01', expired: true });
    const renewed = await succeed<{ certification: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      UPDATE_CERTIFICATION,
      {
        certificationId: certification.certification['id'],
        expiresOn: null,
      },
    );
    expect(renewed.certification).toMatchObject({ expiresOn: null, expired: false });
    await succeed(world, person, REMOVE_EDUCATION, { educationId: education.education.id });
    await succeed(world, person, REMOVE_CERTIFICATION, {
      certificationId: certification.certification['id'],
    });
    const events = await eventsOf(world, profileId);
    expect(events.slice(1).map((event) => event.payload['changedParts'])).toEqual([
      ['education'],
      ['education'],
      ['certifications'],
      ['certifications'],
      ['education'],
      ['certifications'],
    ]);
  });

  it.each<[string, string, Record<string, unknown>, { code: string; field: string[] | null }[]]>([
    [
      'an education ending before it starts',
      ADD_EDUCATION,
      { institution: 'INSA', level: 'MASTER', startDate: '2020-09-01', endDate: '2019-06-30' },
      [{ code: 'END_BEFORE_START', field: ['input', 'endDate'] }],
    ],
    [
      'an education starting next year',
      ADD_EDUCATION,
      { institution: 'INSA', level: 'MASTER', startDate: '2099-09-01' },
      [{ code: 'FUTURE_START', field: ['input', 'startDate'] }],
    ],
    [
      'a certification expiring before its issue',
      ADD_CERTIFICATION,
      { name: 'CKA', issuer: 'CNCF', issuedOn: '2024-05-01', expiresOn: '2023-05-01' },
      [{ code: 'EXPIRY_BEFORE_ISSUE', field: ['input', 'expiresOn'] }],
    ],
    [
      'a certification issued in the future',
      ADD_CERTIFICATION,
      { name: 'CKA', issuer: 'CNCF', issuedOn: '2099-05-01' },
      [{ code: 'FUTURE_ISSUE', field: ['input', 'issuedOn'] }],
    ],
    [
      'a credential address that is no web address',
      ADD_CERTIFICATION,
      { name: 'CKA', issuer: 'CNCF', issuedOn: '2024-05-01', credentialUrl: 'ftp://cncf.example' },
      [{ code: 'INVALID_URL', field: ['input', 'credentialUrl'] }],
    ],
  ])('refuses %s, writing nothing', async (_case, mutation, input, expected) => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const response = await refusedWithoutWriting<Payload<string>>(world, person, mutation, {
      input: { profileId, ...input },
    });
    expect(errorsOf(response)).toEqual(expected);
  });

  it('refuses a 21st education entry', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const entry = { profileId, institution: 'School', level: 'OTHER', startDate: '2010-01-01' };
    for (let index = 0; index < 20; index += 1) await succeed(world, person, ADD_EDUCATION, entry);
    const response = await refusedWithoutWriting<Payload<'addEducation'>>(world, person, ADD_EDUCATION, {
      input: entry,
    });
    expect(errorsOf(response)).toEqual([{ code: 'TOO_MANY', field: ['input'] }]);
  });
});

describe('skills and languages', () => {
  it('stores canonical skills from ids and free text, ranked as given', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const payload = await succeed<{ profile: { skills: unknown[] }; errors: UserErrorOf[] }>(
      world,
      person,
      MUTATIONS.setSkills,
      {
        profileId,
        skills: [
          { skill: { name: 'react.js' }, level: 'EXPERT', yearsOfExperience: 5 },
          { skill: { id: 'typescript' }, level: 'ADVANCED', yearsOfExperience: 4 },
          { skill: { name: 'Réact Native' }, level: 'BEGINNER', yearsOfExperience: 0 },
        ],
      },
    );
    expect(payload.profile.skills).toEqual([
      { skill: { id: 'react', name: 'React' }, name: 'React', level: 'EXPERT', yearsOfExperience: 5 },
      {
        skill: { id: 'typescript', name: 'TypeScript' },
        name: 'TypeScript',
        level: 'ADVANCED',
        yearsOfExperience: 4,
      },
      {
        skill: { id: 'react-native', name: 'React Native' },
        name: 'React Native',
        level: 'BEGINNER',
        yearsOfExperience: 0,
      },
    ]);
    const [, event] = await eventsOf(world, profileId);
    expect(event!.payload.profile!['skills']).toEqual([
      { skillId: 'react', name: 'React', level: 'EXPERT', yearsOfExperience: 5 },
      { skillId: 'typescript', name: 'TypeScript', level: 'ADVANCED', yearsOfExperience: 4 },
      { skillId: 'react-native', name: 'React Native', level: 'BEGINNER', yearsOfExperience: 0 },
    ]);
    // Setting the list again replaces it, positions and skills reused without conflict.
    await succeed(world, person, MUTATIONS.setSkills, {
      profileId,
      skills: [
        { skill: { id: 'typescript' }, level: 'EXPERT', yearsOfExperience: 5 },
        { skill: { id: 'react' }, level: 'EXPERT', yearsOfExperience: 5 },
      ],
    });
    expect(
      await rows(
        world,
        'select skill_id, position from profile_skills where profile_id = $1 order by position',
        [profileId],
      ),
    ).toEqual([
      { skill_id: 'typescript', position: 0 },
      { skill_id: 'react', position: 1 },
    ]);
  });

  it('refuses an unknown skill with suggestions, and a skill twice, writing nothing', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const response = await refusedWithoutWriting<Payload<'setProfileSkills'>>(
      world,
      person,
      MUTATIONS.setSkills,
      {
        input: {
          profileId,
          skills: [
            { skill: { name: 'Reakt' }, level: 'EXPERT', yearsOfExperience: 5 },
            { skill: { id: 'react' }, level: 'EXPERT', yearsOfExperience: 5 },
            { skill: { name: 'ReactJS' }, level: 'EXPERT', yearsOfExperience: 5 },
            { skill: { id: 'cobol-2099' }, level: 'EXPERT', yearsOfExperience: 5 },
          ],
        },
      },
    );
    const errors = response.data!.setProfileSkills.errors;
    expect(errors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'UNKNOWN_SKILL', field: ['input', 'skills', '0', 'skill'] },
      { code: 'DUPLICATE_SKILL', field: ['input', 'skills', '2', 'skill'] },
      { code: 'UNKNOWN_SKILL', field: ['input', 'skills', '3', 'skill'] },
    ]);
    expect(errors[0]!.message).toMatch(/did you mean "React"/);
  });

  it('sets languages, refuses an unknown code; a CEFR level outside the scale never reaches a resolver', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const payload = await succeed<{ profile: { languages: unknown[] }; errors: UserErrorOf[] }>(
      world,
      person,
      MUTATIONS.setLanguages,
      {
        profileId,
        languages: [
          { code: 'en', level: 'B2' },
          { code: 'fr', level: 'C2' },
        ],
      },
    );
    expect(payload.profile.languages).toEqual([
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'B2' },
    ]);
    const badCode = await refusedWithoutWriting<Payload<'setProfileLanguages'>>(
      world,
      person,
      MUTATIONS.setLanguages,
      {
        input: { profileId, languages: [{ code: 'FR', level: 'C2' }] },
      },
    );
    expect(errorsOf(badCode)).toEqual([
      { code: 'INVALID_LANGUAGE', field: ['input', 'languages', '0', 'code'] },
    ]);
    const garbage = await refusedWithoutWriting(world, person, MUTATIONS.setLanguages, {
      input: { profileId, languages: [{ code: 'fr', level: 'C3' }] },
    });
    expect(errorCodes(garbage)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('job preferences', () => {
  it('changes the given preferences, keeps the others, and keeps a validated profile validated', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    await rows(world, `update profiles set status = 'VALIDATED', submitted_at = now() where id = $1`, [
      profileId,
    ]);
    const hidden = randomUUID();
    const first = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      MUTATIONS.updatePreferences,
      {
        profileId,
        desiredTitles: ['Staff engineer'],
        desiredContractTypes: ['PERMANENT', 'FREELANCE'],
        salaryExpectation: { minimum: 60000, maximum: 75000, currency: 'EUR', period: 'YEAR' },
        sectors: ['GAMING'],
        willingToRelocate: true,
        relocationCountries: ['DE'],
        hiddenFromOrganizationIds: [hidden],
      },
    );
    const second = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      MUTATIONS.updatePreferences,
      {
        profileId,
        noticePeriodWeeks: 8,
        discoverable: false,
      },
    );
    expect(second.profile).toMatchObject({
      status: 'VALIDATED',
      desiredTitles: ['Staff engineer'],
      desiredContractTypes: ['PERMANENT', 'FREELANCE'],
      salaryExpectation: {
        minimum: { amount: 60000, currency: 'EUR' },
        maximum: { amount: 75000, currency: 'EUR' },
        period: 'YEAR',
      },
      jobPreferences: {
        sectors: ['GAMING'],
        willingToRelocate: true,
        relocationCountries: ['DE'],
        noticePeriodWeeks: 8,
        discoverable: false,
        hiddenFromOrganizations: [{ id: hidden }],
        jobSearchStatus: 'OPEN_TO_OFFERS',
      },
    });
    expect(first.profile['status']).toBe('VALIDATED');
    expect(
      (await eventsOf(world, profileId)).slice(1).map((event) => [event.type, event.payload['changedParts']]),
    ).toEqual([
      ['profiles.ProfileUpdated', ['preferences']],
      ['profiles.ProfileUpdated', ['preferences']],
    ]);
  });

  it('shows private preferences to the person only, the salary to recruiters who read the candidate too', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    await succeed(world, person, MUTATIONS.updatePreferences, {
      profileId,
      salaryExpectation: { minimum: 500, currency: 'EUR', period: 'DAY' },
      hiddenFromOrganizationIds: [nordlys.id],
    });
    await rows(world, `update profiles set status = 'VALIDATED', submitted_at = now() where id = $1`, [
      profileId,
    ]);
    const query = `query ($id: ID!) { profile(id: $id) { salaryExpectation { period } jobPreferences { discoverable hiddenFromOrganizations { id } } } }`;
    const seen = async (viewer: Viewer | null) =>
      (await request<{ profile: unknown }>(world, viewer, query, { id: profileId })).data!.profile;
    expect(await seen(person)).toEqual({
      salaryExpectation: { period: 'DAY' },
      jobPreferences: { discoverable: true, hiddenFromOrganizations: [{ id: nordlys.id }] },
    });
    // A recruiter reads the candidate once their organization unlocked the profile (src/unlocks).
    const recruiterOrganization = randomUUID();
    await rows(
      world,
      `insert into profile_unlocks (id, profile_id, organization_id, unlocked_at) values ($1, $2, $3, now())`,
      [randomUUID(), profileId, recruiterOrganization],
    );
    const recruiter = newPerson({
      roles: ['RECRUITER'],
      memberships: [{ organizationId: recruiterOrganization, role: 'RECRUITER' }],
    });
    expect(await seen(recruiter)).toEqual({
      salaryExpectation: { period: 'DAY' },
      jobPreferences: { discoverable: null, hiddenFromOrganizations: null },
    });
    // Other candidates and anonymous callers do not read a candidate's profile at all.
    expect(await seen(newPerson())).toBeNull();
    expect(await seen(null)).toBeNull();
  });

  it.each<[string, Record<string, unknown>, { code: string; field: string[] | null }[]]>([
    [
      'a minimum above the maximum',
      { salaryExpectation: { minimum: 80000, maximum: 60000, currency: 'EUR', period: 'YEAR' } },
      [{ code: 'SALARY_RANGE_INVERTED', field: ['input', 'salaryExpectation', 'maximum'] }],
    ],
    [
      'an unknown currency',
      { salaryExpectation: { minimum: 60000, currency: 'EURO', period: 'YEAR' } },
      [{ code: 'INVALID_CURRENCY', field: ['input', 'salaryExpectation', 'currency'] }],
    ],
    [
      'countries without relocation',
      { relocationCountries: ['DE'] },
      [{ code: 'RELOCATION_NOT_WANTED', field: ['input', 'relocationCountries'] }],
    ],
    [
      'a notice of a year and a week',
      { noticePeriodWeeks: 53 },
      [{ code: 'OUT_OF_RANGE', field: ['input', 'noticePeriodWeeks'] }],
    ],
    [
      'an organization id that is no id',
      { hiddenFromOrganizationIds: ['acme'] },
      [{ code: 'INVALID_ID', field: ['input', 'hiddenFromOrganizationIds', '0'] }],
    ],
  ])('refuses %s, writing nothing', async (_case, change, expected) => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const response = await refusedWithoutWriting<Payload<'updateJobPreferences'>>(
      world,
      person,
      MUTATIONS.updatePreferences,
      {
        input: { profileId, ...change },
      },
    );
    expect(errorsOf(response)).toEqual(expected);
  });
});

const CONSULTANT = `mutation ($input: UpdateConsultantDetailsInput!) {
  updateConsultantDetails(input: $input) { profile { status consultant { dailyRate { amount currency } availability } } errors { code message field } }
}`;
const MENTOR = `mutation ($input: UpdateMentorDetailsInput!) {
  updateMentorDetails(input: $input) { profile { status mentor { expertise mentoringYears hourlyRate { amount currency } rating ratingCount } } errors { code message field } }
}`;

describe('consultant and mentor details', () => {
  it("lets a consultant's firm set their rate and availability, and refuses them on another kind", async () => {
    const consultant = newPerson();
    const owner = newPerson({ memberships: [{ organizationId: nordlys.id, role: 'OWNER' }] });
    const profileId = await createProfile(world, owner, {
      kind: 'CONSULTANT',
      organizationId: nordlys.id,
      userId: consultant.userId,
    });
    const payload = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      owner,
      CONSULTANT,
      {
        profileId,
        dailyRate: { amount: 650, currency: 'EUR' },
        availability: 'AVAILABLE',
      },
    );
    expect(payload.profile).toMatchObject({
      consultant: { dailyRate: { amount: 650, currency: 'EUR' }, availability: 'AVAILABLE' },
    });
    const badRate = await refusedWithoutWriting<Payload<'updateConsultantDetails'>>(
      world,
      owner,
      CONSULTANT,
      {
        input: { profileId, dailyRate: { amount: 650.555, currency: 'EUR' } },
      },
    );
    expect(errorsOf(badRate)).toEqual([{ code: 'INVALID_AMOUNT', field: ['input', 'dailyRate', 'amount'] }]);
    const person = newPerson();
    const candidateId = await createProfile(world, person);
    const wrongKind = await refusedWithoutWriting<Payload<'updateConsultantDetails'>>(
      world,
      person,
      CONSULTANT,
      {
        input: { profileId: candidateId, availability: 'AVAILABLE' },
      },
    );
    expect(errorsOf(wrongKind)).toEqual([{ code: 'WRONG_PROFILE_KIND', field: ['input', 'profileId'] }]);
  });

  it("sets a mentor's expertise and rate; their rating stays the mentees'", async () => {
    const mentor = newPerson({ roles: ['MENTOR'] });
    const profileId = await createProfile(world, mentor, { kind: 'MENTOR' });
    const payload = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      mentor,
      MENTOR,
      {
        profileId,
        expertise: ['Career switch', 'System design interviews'],
        mentoringYears: 3,
        hourlyRate: { amount: 45, currency: 'EUR' },
      },
    );
    expect(payload.profile).toMatchObject({
      mentor: {
        expertise: ['Career switch', 'System design interviews'],
        mentoringYears: 3,
        hourlyRate: { amount: 45, currency: 'EUR' },
        rating: null,
        ratingCount: 0,
      },
    });
    const duplicate = await refusedWithoutWriting<Payload<'updateMentorDetails'>>(world, mentor, MENTOR, {
      input: { profileId, expertise: ['Career switch', 'career SWITCH'] },
    });
    expect(errorsOf(duplicate)).toEqual([{ code: 'DUPLICATE', field: ['input', 'expertise', '1'] }]);
  });
});

describe('editing a validated profile', () => {
  async function validatedProfile() {
    const person = newPerson();
    const profileId = await createProfile(world, person, {
      kind: 'CANDIDATE',
      headline: 'Data analyst',
      location: { countryCode: 'FR' },
    });
    await rows(world, `update profiles set status = 'VALIDATED', submitted_at = '2026-01-01' where id = $1`, [
      profileId,
    ]);
    return { person, profileId };
  }

  it('sends it back to SUBMITTED when a key field changes, with ProfileUpdated then ProfileSubmitted', async () => {
    const { person, profileId } = await validatedProfile();
    const payload = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      MUTATIONS.updateProfile,
      {
        profileId,
        headline: 'Senior data analyst',
      },
    );
    expect(payload.profile['status']).toBe('SUBMITTED');
    const [submittedAt] = await rows<{ submitted_at: Date }>(
      world,
      'select submitted_at from profiles where id = $1',
      [profileId],
    );
    expect(submittedAt!.submitted_at.getTime()).toBeGreaterThan(new Date('2026-01-02').getTime());
    const events = (await eventsOf(world, profileId)).slice(1);
    expect(events.map((event) => [event.type, event.payload.profile!['status']])).toEqual([
      ['profiles.ProfileUpdated', 'SUBMITTED'],
      ['profiles.ProfileSubmitted', 'SUBMITTED'],
    ]);
    expect(events[1]!.payload['trigger']).toBe('KEY_FIELDS_EDITED');
  });

  it('keeps it VALIDATED when only non-key fields change', async () => {
    const { person, profileId } = await validatedProfile();
    const payload = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      MUTATIONS.updateProfile,
      {
        profileId,
        location: { city: 'Paris', countryCode: 'FR' },
        remotePreference: 'REMOTE',
        availableFrom: '2027-02-01',
      },
    );
    expect(payload.profile['status']).toBe('VALIDATED');
    expect((await eventsOf(world, profileId)).map((event) => event.type)).toEqual([
      'profiles.ProfileCreated',
      'profiles.ProfileUpdated',
    ]);
  });

  it('refuses a key-field change while a moderator reviews the profile, and accepts the others', async () => {
    const { person, profileId } = await validatedProfile();
    await rows(world, `update profiles set status = 'IN_REVIEW' where id = $1`, [profileId]);
    const response = await refusedWithoutWriting<Payload<'updateProfile'>>(
      world,
      person,
      MUTATIONS.updateProfile,
      {
        input: { profileId, headline: 'Senior data analyst' },
      },
    );
    expect(errorsOf(response)).toEqual([{ code: 'PROFILE_IN_REVIEW', field: ['input'] }]);
    const skills = await refusedWithoutWriting<Payload<'setProfileSkills'>>(
      world,
      person,
      MUTATIONS.setSkills,
      {
        input: { profileId, skills: [{ skill: { id: 'sql' }, level: 'EXPERT', yearsOfExperience: 3 }] },
      },
    );
    expect(errorsOf(skills)).toEqual([{ code: 'PROFILE_IN_REVIEW', field: ['input'] }]);
    await succeed(world, person, MUTATIONS.updateProfile, { profileId, remotePreference: 'ONSITE' });
  });
});

const DELETE = `mutation ($input: DeleteProfileInput!) { deleteProfile(input: $input) { deletedProfileId errors { code message field } } }`;

describe('deleteProfile', () => {
  it('deletes a profile with everything it holds and records ProfileDeleted', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    await succeed(world, person, ADD_EXPERIENCE, { profileId, ...job });
    await succeed(world, person, MUTATIONS.setLanguages, {
      profileId,
      languages: [{ code: 'fr', level: 'C2' }],
    });
    const payload = await succeed<{ deletedProfileId: string; errors: UserErrorOf[] }>(
      world,
      person,
      DELETE,
      { profileId },
    );
    expect(payload.deletedProfileId).toBe(profileId);
    for (const table of ['profile_experiences', 'profile_languages']) {
      expect(await rows(world, `select 1 from ${table} where profile_id = $1`, [profileId])).toEqual([]);
    }
    expect(await rows(world, 'select 1 from profiles where id = $1', [profileId])).toEqual([]);
    expect((await eventsOf(world, profileId)).at(-1)).toMatchObject({
      type: 'profiles.ProfileDeleted',
      payload: { profileId, userId: person.userId, kind: 'CANDIDATE' },
    });
    // The account may create a new profile afterwards.
    await createProfile(world, person);
  });

  it("refuses a firm deleting its consultant's profile, and anyone else's, writing nothing", async () => {
    const consultant = newPerson();
    const owner = newPerson({ memberships: [{ organizationId: nordlys.id, role: 'OWNER' }] });
    const profileId = await createProfile(world, owner, {
      kind: 'CONSULTANT',
      organizationId: nordlys.id,
      userId: consultant.userId,
    });
    expect(errorCodes(await refusedWithoutWriting(world, owner, DELETE, { input: { profileId } }))).toEqual([
      'FORBIDDEN',
    ]);
    const stranger = await refusedWithoutWriting<Payload<'deleteProfile'>>(world, newPerson(), DELETE, {
      input: { profileId },
    });
    expect(errorsOf(stranger)).toEqual([{ code: 'PROFILE_NOT_FOUND', field: ['input', 'profileId'] }]);
    expect(errorCodes(await refusedWithoutWriting(world, null, DELETE, { input: { profileId } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
