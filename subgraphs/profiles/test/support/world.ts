import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import {
  request,
  rows,
  startTestWorld,
  testUser,
  type GraphQLResponse,
  type TestWorld,
} from '@talentgraph/testing';
import { profilesSubgraph } from '../../src/subgraph.ts';

export { countSelects, request, rows } from '@talentgraph/testing';

/** The profiles subgraph on its own seeded database (see startTestWorld). */
export function startProfilesWorld(): Promise<TestWorld> {
  return startTestWorld(profilesSubgraph);
}

/** The tables of the subgraph, and what of their rows a refusal must leave as it was. */
const SNAPSHOTS: Readonly<Record<string, string>> = {
  profiles: 'select * from profiles order by id',
  profile_skills: 'select * from profile_skills order by id',
  profile_languages: 'select * from profile_languages order by id',
  profile_experiences: 'select * from profile_experiences order by id',
  profile_education: 'select * from profile_education order by id',
  profile_certifications: 'select * from profile_certifications order by id',
  profile_onboarding_steps: 'select * from profile_onboarding_steps order by profile_id, step',
  profile_reviews: 'select * from profile_reviews order by id',
  // Without published_at, which the relay sets in the background as it publishes earlier events.
  event_outbox: 'select sequence, event_id, type, envelope, recorded_at from event_outbox order by sequence',
};

/** Every row of every table of the subgraph, the event outbox included: what a refusal must leave as it was. */
export async function everything(world: TestWorld): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    Object.entries(SNAPSHOTS).map(async ([table, sql]) => [table, await rows(world, sql)] as const),
  );
  return Object.fromEntries(entries);
}

/** Runs a refused request and checks that it wrote nothing at all (no row, no event). */
export async function refusedWithoutWriting<Data>(
  world: TestWorld,
  viewer: Viewer | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse<Data>> {
  const before = await everything(world);
  const response = await request<Data>(world, viewer, query, variables);
  expect(await everything(world)).toEqual(before);
  return response;
}

export interface RecordedEvent {
  readonly type: string;
  readonly version: number;
  readonly aggregate: { readonly type: string; readonly id: string };
  readonly actor: { readonly kind: string; readonly id: string | null };
  readonly payload: Record<string, unknown> & { readonly profile?: Record<string, unknown> };
}

/** The events recorded about one profile, oldest first. */
export async function eventsOf(world: TestWorld, profileId: string): Promise<RecordedEvent[]> {
  const recorded = await rows<{ envelope: RecordedEvent }>(
    world,
    `select envelope from event_outbox where envelope->'aggregate'->>'id' = $1 order by sequence`,
    [profileId],
  );
  return recorded.map((row) => row.envelope);
}

export type Person = Extract<Viewer, { kind: 'USER' }>;

/** A signed-in person without a profile yet. */
export function newPerson(options: Partial<Person> = {}): Person {
  return testUser(randomUUID(), options) as Person;
}

export const idOf = (viewer: Viewer) => (viewer as Person).userId;

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export type UserErrorOf = { code: string; message: string; field: string[] | null };

export const errorCodes = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

export const PROFILE_FIELDS = `id kind status revision headline summary yearsOfExperience remotePreference availableFrom
  location { city countryCode coordinates { latitude longitude } }
  completion { percent }`;

const CREATE = `mutation ($input: CreateProfileInput!) {
  createProfile(input: $input) { profile { id } errors { code message field } }
}`;

/** Creates a profile through the API and returns its id. */
export async function createProfile(
  world: TestWorld,
  viewer: Viewer,
  input: Record<string, unknown> = { kind: 'CANDIDATE' },
): Promise<string> {
  const response = await request<{
    createProfile: { profile: { id: string } | null; errors: UserErrorOf[] };
  }>(world, viewer, CREATE, { input });
  expect(response.errors).toBeUndefined();
  expect(response.data!.createProfile.errors).toEqual([]);
  return response.data!.createProfile.profile!.id;
}

/** Runs a mutation that must succeed and returns its payload's data. */
export async function succeed<Payload extends { errors: UserErrorOf[] }>(
  world: TestWorld,
  viewer: Viewer,
  mutation: string,
  input: Record<string, unknown>,
): Promise<Payload> {
  const response = await request<Record<string, Payload>>(world, viewer, mutation, { input });
  expect(response.errors).toBeUndefined();
  const payload = Object.values(response.data!)[0]!;
  expect(payload.errors).toEqual([]);
  return payload;
}

export const MUTATIONS = {
  updateProfile: `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { ${PROFILE_FIELDS} } errors { code message field } } }`,
  setSkills: `mutation ($input: SetProfileSkillsInput!) { setProfileSkills(input: $input) { profile { id status skills { skill { id name } name level yearsOfExperience } } errors { code message field } } }`,
  setLanguages: `mutation ($input: SetProfileLanguagesInput!) { setProfileLanguages(input: $input) { profile { id languages { code level } } errors { code message field } } }`,
  updatePreferences: `mutation ($input: UpdateJobPreferencesInput!) { updateJobPreferences(input: $input) { profile { id status desiredTitles desiredContractTypes salaryExpectation { minimum { amount currency } maximum { amount currency } period } jobPreferences { sectors companySizes willingToRelocate relocationCountries maxCommuteMinutes travelWillingness noticePeriodWeeks workAuthorizations jobSearchStatus discoverable hiddenFromOrganizations { id } } } errors { code message field } } }`,
  submit: `mutation ($input: SubmitProfileInput!) { submitProfile(input: $input) { profile { id status submittedAt } errors { code message field } } }`,
} as const;

/** A profile with everything a submission needs, created through the API by `person`. */
export async function submittableProfile(
  world: TestWorld,
  person: Person,
  basics: Record<string, unknown> = {},
): Promise<string> {
  const profileId = await createProfile(world, person, {
    kind: 'CANDIDATE',
    headline: 'Backend developer',
    summary: 'Builds APIs in TypeScript for retailers; looking for a product company.',
    location: { city: 'Lyon', countryCode: 'FR' },
    remotePreference: 'HYBRID',
    yearsOfExperience: 4,
    ...basics,
  });
  await succeed(world, person, MUTATIONS.setSkills, {
    profileId,
    skills: [{ skill: { name: 'TypeScript' }, level: 'ADVANCED', yearsOfExperience: 4 }],
  });
  await succeed(world, person, MUTATIONS.setLanguages, {
    profileId,
    languages: [{ code: 'fr', level: 'C2' }],
  });
  await succeed(world, person, MUTATIONS.updatePreferences, {
    profileId,
    desiredContractTypes: ['PERMANENT'],
  });
  return profileId;
}
