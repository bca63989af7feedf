import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import {
  accountDeletedEvent,
  createTestIssuer,
  deliverEvent,
  exportIntruders,
  graphqlRequest,
  outboxPublished,
  queryDatabase,
  recordWaitingEventAbout,
  requestExportSection,
  rowsMentioning,
  startTestSubgraph,
  testUser,
  type TestIssuer,
  type TestSubgraph,
} from '@talentgraph/testing';
import { profilesSubgraph } from '../../src/subgraph.ts';

/**
 * The profiles subgraph's side of GDPR: its section of a person's export, and its erasure consumer group
 * (`profiles-erasure`), which handles users.AccountDeleted. Profiles are written through the API.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(profilesSubgraph, { keySource: issuer.keySource });
});

afterAll(async () => {
  await subgraph?.close();
});

const rows = <Row extends object>(sql: string, values: unknown[] = []) =>
  queryDatabase<Row>(subgraph.database.url, sql, values);

async function gql<Data>(viewer: Viewer | null, query: string, variables: Record<string, unknown> = {}) {
  return graphqlRequest<Data>(subgraph.url, query, variables, viewer ? await issuer.headersFor(viewer) : {});
}

/** A candidate's profile with a part of each kind, every text carrying `marker`. */
async function profileOf(person: Viewer, marker: string): Promise<string> {
  const created = await gql<{ createProfile: { profile: { id: string } | null; errors: unknown[] } }>(
    person,
    `mutation ($input: CreateProfileInput!) { createProfile(input: $input) { profile { id } errors { code } } }`,
    {
      input: {
        kind: 'CANDIDATE',
        headline: `Data engineer ${marker}`,
        summary: `Pipelines and people, ${marker}.`,
        location: { city: 'Lille', countryCode: 'FR' },
      },
    },
  );
  const profileId = created.data!.createProfile.profile!.id;
  const steps = [
    [
      'mutation ($input: SetProfileSkillsInput!) { setProfileSkills(input: $input) { errors { code } } }',
      { profileId, skills: [{ skill: { name: 'Python' }, level: 'ADVANCED', yearsOfExperience: 5 }] },
    ],
    [
      'mutation ($input: SetProfileLanguagesInput!) { setProfileLanguages(input: $input) { errors { code } } }',
      { profileId, languages: [{ code: 'fr', level: 'C2' }] },
    ],
    [
      'mutation ($input: AddExperienceInput!) { addExperience(input: $input) { errors { code } } }',
      { profileId, organizationName: `Employer ${marker}`, title: 'Data engineer', startDate: '2020-01-01' },
    ],
  ] as const;
  for (const [mutation, input] of steps) {
    const response = await gql<Record<string, { errors: unknown[] }>>(person, mutation, { input });
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!)[0]!.errors).toEqual([]);
  }
  return profileId;
}

const exportOf = (viewer: Viewer | null, subjectId: string) =>
  requestExportSection(subgraph, issuer, 'profiles', viewer, subjectId);

const erase = (event: Parameters<typeof deliverEvent>[3]) =>
  deliverEvent(subgraph, profilesSubgraph, 'profiles-erasure', event);

describe('the profiles section of an export', () => {
  it('holds the person’s profile with its skills, languages and experiences', async () => {
    const userId = randomUUID();
    const profileId = await profileOf(testUser(userId), 'export');

    const response = await exportOf(testUser(userId), userId);

    const { profile } = response.data!._entities[0]!.profiles!;
    expect(profile).toMatchObject({
      id: profileId,
      userId,
      headline: 'Data engineer export',
      city: 'Lille',
      skills: [expect.objectContaining({ name: 'Python', level: 'ADVANCED', yearsOfExperience: 5 })],
      languages: [expect.objectContaining({ code: 'fr', level: 'C2' })],
      experiences: [expect.objectContaining({ organizationName: 'Employer export', title: 'Data engineer' })],
    });
  });

  it('says so when the person has no profile', async () => {
    const userId = randomUUID();
    expect((await exportOf(testUser(userId), userId)).data!._entities[0]!.profiles).toEqual({
      profile: null,
      unlocksMade: [],
    });
  });

  it('is the person’s own: someone else is FORBIDDEN, a partner key FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const userId = randomUUID();
    await profileOf(testUser(userId), 'secret');
    for (const [viewer, code] of exportIntruders()) {
      const response = await exportOf(viewer, userId);
      expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
      expect(JSON.stringify(response)).not.toContain('Data engineer secret');
    }
  });
});

describe('profiles-erasure', () => {
  it('deletes the profile and every part of it, once: a profile made since stays', async () => {
    const userId = randomUUID();
    const marker = `m${randomBytes(4).toString('hex')}`;
    const profileId = await profileOf(testUser(userId), marker);
    await outboxPublished(subgraph.database.url);
    const deletion = accountDeletedEvent(userId);

    await erase(deletion);

    expect(await rowsMentioning(subgraph.database.url, [userId, profileId, marker])).toEqual([]);

    const later = await profileOf(testUser(userId), 'again');
    await outboxPublished(subgraph.database.url);
    await erase(deletion);
    expect(await rows('select id from profiles where id = $1', [later])).toEqual([{ id: later }]);
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const userId = randomUUID();
    const profileId = await profileOf(testUser(userId), 'waiting');
    await outboxPublished(subgraph.database.url);
    await recordWaitingEventAbout(subgraph.database.url, userId);

    await expect(erase(accountDeletedEvent(userId))).rejects.toThrow('still wait in the outbox');

    expect(await rows('select id from profiles where id = $1', [profileId])).toEqual([{ id: profileId }]);
  });
});
