import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteKeySource } from '@talentgraph/auth';
import { organizations, profiles, users } from '@talentgraph/demo-data';
import {
  createTestDatabase,
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  type GraphQLResponse,
  type TestDatabase,
  type TestSubgraph,
} from '@talentgraph/testing';
import { usersSubgraph } from '@talentgraph/users-subgraph';
import { DEFAULT_JOB_PREFERENCES } from '../../src/domain/profile-state.ts';
import { PostgresProfileSearchIndex } from '../../src/search/postgres-search-index.ts';
import type { SearchDocument } from '../../src/search/profile-search-index.ts';
import { searchDocumentOf } from '../../src/search/search-document.ts';
import { taxonomySkillNames } from '../../src/search/skill-names.ts';
import { profilesSubgraph } from '../../src/subgraph.ts';
import { candidate } from './fixtures.ts';
import { insertProfilesOf } from './support.ts';

/**
 * unlockProfile against the real users subgraph: its quota route counts PROFILE_UNLOCKS atomically, its
 * tokens (real sign-ins) are the callers', and its audit consumer turns profiles.ProfileUnlocked into an
 * audit entry, through an event log both services share.
 */
let eventLog: TestDatabase;
let usersService: TestSubgraph;
let profilesService: TestSubgraph;

beforeAll(async () => {
  eventLog = await createTestDatabase('event_bus');
  usersService = await startTestSubgraph(usersSubgraph, { eventsDatabaseUrl: eventLog.url });
  // The profiles subgraph reads its recruiter-search settings from the environment (search/settings.ts).
  process.env['USERS_URL'] = usersService.url;
  profilesService = await startTestSubgraph(profilesSubgraph, {
    eventsDatabaseUrl: eventLog.url,
    keySource: remoteKeySource(usersService.url.replace('/graphql', '/.well-known/jwks.json')),
  });
});

afterAll(async () => {
  await profilesService?.close();
  await usersService?.close().catch(() => usersService.database.drop());
  await eventLog?.drop();
});

const [acme, nordlys] = organizations;
const demoUser = (email: string) => users.find((user) => user.email.startsWith(email))!;
const claire = demoUser('claire.dubois');
const DEMO_PASSWORD = 'talentgraph-demo-2026';
const draft = profiles.find((profile) => profile.status === 'DRAFT')!;

const fromSomewhere = () => ({
  'x-forwarded-for': `10.${randomBytes(3).join('.')}`,
});

async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await graphqlRequest<{ login: { session: { accessToken: string } | null } }>(
    usersService.url,
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }',
    { input: { email, password } },
    fromSomewhere(),
  );
  const session = response.data?.login.session;
  if (!session) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(response)}`);
  return session.accessToken;
}

async function newRecruiterWithoutOrganization(): Promise<string> {
  const email = `recruiter.${randomBytes(5).toString('hex')}@example.com`;
  const password = 'violet-harbour-42-lantern';
  await graphqlRequest(
    usersService.url,
    'mutation ($input: RegisterInput!) { register(input: $input) { errors { code } } }',
    { input: { email, password, displayName: 'Rémi Recruteur', role: 'RECRUITER' } },
    fromSomewhere(),
  );
  return signIn(email, password);
}

const UNLOCK = `mutation ($input: UnlockProfileInput!) {
  unlockProfile(input: $input) {
    profile { id headline }
    alreadyUnlocked
    quota { used limit remaining resetsAt }
    errors { code message field }
  }
}`;

interface UnlockData {
  unlockProfile: {
    profile: { id: string; headline: string | null } | null;
    alreadyUnlocked: boolean | null;
    quota: { used: number; limit: number; remaining: number; resetsAt: string | null } | null;
    errors: { code: string; message: string; field: string[] | null }[];
  };
}

const unlock = (token: string | null, input: Record<string, unknown>) =>
  graphqlRequest<UnlockData>(
    profilesService.url,
    UNLOCK,
    { input },
    token ? { authorization: `Bearer ${token}` } : {},
  );

const codesOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

const period = () => new Date().toISOString().slice(0, 7);

/** Sets how many unlocks the organization used this month (its FREE plan allows 10). */
async function useUnlocks(organizationId: string, used: number): Promise<void> {
  await queryDatabase(
    usersService.database.url,
    `insert into quota_usages (id, organization_id, metric, period, used, updated_at)
     values ($1, $2, 'PROFILE_UNLOCKS', $3, $4, now())
     on conflict (organization_id, metric, period) do update set used = excluded.used`,
    [randomUUID(), organizationId, period(), used],
  );
}

async function unlocksUsed(organizationId: string): Promise<number> {
  const [row] = await queryDatabase<{ used: number }>(
    usersService.database.url,
    `select used from quota_usages where organization_id = $1 and metric = 'PROFILE_UNLOCKS' and period = $2`,
    [organizationId, period()],
  );
  return row?.used ?? 0;
}

/** What an unlock writes, in both services: a refusal must leave all of it as it was. */
async function unlockTraces() {
  return {
    unlocks: await queryDatabase(profilesService.database.url, 'select * from profile_unlocks order by id'),
    events: await queryDatabase(
      profilesService.database.url,
      `select event_id from event_outbox where type = 'profiles.ProfileUnlocked' order by sequence`,
    ),
    usage: await queryDatabase(usersService.database.url, 'select * from quota_usages order by id'),
  };
}

/** Searchable candidates made for this test (the demo has only a few), with their hit ids. */
async function searchableCandidates(count: number, hiddenFrom: string[] = []): Promise<SearchDocument[]> {
  const documents = Array.from({ length: count }, (_, position) =>
    searchDocumentOf(
      candidate({
        id: randomUUID(),
        headline: `Unlock test candidate ${position}`,
        preferences: { ...DEFAULT_JOB_PREFERENCES, hiddenFromOrganizationIds: hiddenFrom },
      }),
      { hitId: randomUUID(), updatedAt: new Date(), skillNames: taxonomySkillNames },
    ),
  );
  await insertProfilesOf(profilesService.orm, documents);
  await new PostgresProfileSearchIndex(profilesService.orm.em.fork()).indexMany(documents);
  return documents;
}

describe('unlockProfile', () => {
  let claireToken: string;

  beforeAll(async () => {
    claireToken = await signIn(claire.email);
  });

  it('unlocks a hit for the organization, one unit of its quota, audited; its recruiters then read the profile', async () => {
    await useUnlocks(acme!.id, 0);
    const [document] = await searchableCandidates(1);
    const profileId = document!.profileId;
    const read = (token: string) =>
      graphqlRequest<{ profile: { id: string } | null }>(
        profilesService.url,
        'query ($id: ID!) { profile(id: $id) { id } }',
        { id: profileId },
        { authorization: `Bearer ${token}` },
      );
    expect((await read(claireToken)).data).toEqual({ profile: null });

    const response = await unlock(claireToken, { hitId: document!.hitId });
    expect(response.errors).toBeUndefined();
    // The full profile (whose row these tests keep bare: no headline).
    expect(response.data!.unlockProfile).toEqual({
      profile: { id: profileId, headline: null },
      alreadyUnlocked: false,
      quota: { used: 1, limit: 10, remaining: 9, resetsAt: expect.any(String) },
      errors: [],
    });
    expect((await read(claireToken)).data).toEqual({ profile: { id: profileId } });
    expect((await read(await signIn(demoUser('olav.hansen').email))).data).toEqual({ profile: null });

    const [unlocked] = await queryDatabase<{ organization_id: string; unlocked_by: string }>(
      profilesService.database.url,
      'select organization_id, unlocked_by from profile_unlocks where profile_id = $1',
      [profileId],
    );
    expect(unlocked).toEqual({ organization_id: acme!.id, unlocked_by: claire.id });

    // Twice costs once.
    const again = await unlock(claireToken, { profileId });
    expect(again.data!.unlockProfile).toMatchObject({ alreadyUnlocked: true, quota: null, errors: [] });
    expect(await unlocksUsed(acme!.id)).toBe(1);

    // The users subgraph's audit consumer records it, from the event of the unlock's transaction.
    const deadline = Date.now() + 20_000;
    let entries: { action: string; actor_id: string; details: Record<string, unknown> }[] = [];
    while (entries.length === 0 && Date.now() < deadline) {
      entries = await queryDatabase(
        usersService.database.url,
        `select action, actor_id, details from audit_log where target_id = $1 and action = 'profile.unlocked_by_recruiter'`,
        [profileId],
      );
      if (entries.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(entries).toEqual([
      {
        action: 'profile.unlocked_by_recruiter',
        actor_id: claire.id,
        details: expect.objectContaining({ ownerId: expect.any(String), organizationId: acme!.id }),
      },
    ]);
  });

  it('unlocks exactly as many profiles as the quota has left, however many ask at once', async () => {
    await useUnlocks(acme!.id, 5);
    const documents = await searchableCandidates(20);
    const before = await unlockTraces();
    const answers = await Promise.all(
      documents.map((document) => unlock(claireToken, { hitId: document.hitId })),
    );
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    const payloads = answers.map((answer) => answer.data!.unlockProfile);
    const unlocked = payloads.filter((payload) => payload.errors.length === 0);
    expect(unlocked).toHaveLength(5);
    expect(payloads.filter((payload) => payload.errors[0]?.code === 'QUOTA_EXCEEDED')).toHaveLength(15);
    expect(await unlocksUsed(acme!.id)).toBe(10);
    const after = await unlockTraces();
    expect(after.unlocks.length - before.unlocks.length).toBe(5);
    expect(after.events.length - before.events.length).toBe(5);
    const rows = await queryDatabase<{ profile_id: string }>(
      profilesService.database.url,
      `select profile_id from profile_unlocks where profile_id = any($1::uuid[])`,
      [documents.map((document) => document.profileId)],
    );
    expect(rows.map((row) => row.profile_id).sort()).toEqual(
      unlocked.map((payload) => payload.profile!.id).sort(),
    );
  });

  it('costs one unit when the same profile is unlocked many times at once', async () => {
    await useUnlocks(acme!.id, 0);
    const [document] = await searchableCandidates(1);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => unlock(claireToken, { hitId: document!.hitId })),
    );
    const payloads = answers.map((answer) => answer.data!.unlockProfile);
    expect(payloads.every((payload) => payload.errors.length === 0)).toBe(true);
    expect(payloads.filter((payload) => payload.alreadyUnlocked === false)).toHaveLength(1);
    expect(payloads.filter((payload) => payload.alreadyUnlocked === true)).toHaveLength(9);
    expect(await unlocksUsed(acme!.id)).toBe(1);
  });

  it('refuses when the quota is used up, writing nothing anywhere', async () => {
    await useUnlocks(acme!.id, 10);
    const [document] = await searchableCandidates(1);
    const before = await unlockTraces();
    const response = await unlock(claireToken, { hitId: document!.hitId });
    expect(response.data!.unlockProfile).toMatchObject({ profile: null, alreadyUnlocked: null, quota: null });
    expect(response.data!.unlockProfile.errors).toEqual([
      {
        code: 'QUOTA_EXCEEDED',
        message: expect.stringMatching(/allows 10 profile unlocks a month/),
        field: ['input'],
      },
    ]);
    expect(await unlockTraces()).toEqual(before);
  });

  it.each<[string, () => Promise<Record<string, unknown>>, string, string[]]>([
    ['an unknown hit', async () => ({ hitId: randomUUID() }), 'PROFILE_NOT_FOUND', ['input', 'hitId']],
    [
      'a profile that is not validated',
      async () => ({ profileId: draft.id }),
      'PROFILE_NOT_FOUND',
      ['input', 'profileId'],
    ],
    [
      'a profile hidden from the organization',
      async () => ({ hitId: (await searchableCandidates(1, [acme!.id]))[0]!.hitId }),
      'PROFILE_NOT_FOUND',
      ['input', 'hitId'],
    ],
    ['neither a hit nor a profile', async () => ({}), 'TARGET_REQUIRED', ['input']],
    [
      'both a hit and a profile',
      async () => ({ hitId: randomUUID(), profileId: randomUUID() }),
      'TARGET_REQUIRED',
      ['input'],
    ],
    ['a malformed hit id', async () => ({ hitId: 'not-an-id' }), 'INVALID_ID', ['input', 'hitId']],
    [
      'an organization the recruiter is not in',
      async () => ({ hitId: randomUUID(), organizationId: nordlys!.id }),
      'NOT_A_MEMBER',
      ['input', 'organizationId'],
    ],
  ])('refuses %s with a typed error, consuming and writing nothing', async (_what, input, code, field) => {
    await useUnlocks(acme!.id, 0);
    const variables = await input();
    const before = await unlockTraces();
    const response = await unlock(claireToken, variables);
    expect(response.errors).toBeUndefined();
    expect(response.data!.unlockProfile.errors).toEqual([{ code, message: expect.any(String), field }]);
    expect(await unlockTraces()).toEqual(before);
  });

  it.each<[string, () => Promise<string | null>, string]>([
    ['an anonymous caller', async () => null, 'UNAUTHENTICATED'],
    ['a candidate', () => signIn(demoUser('amina.diallo').email), 'FORBIDDEN'],
    ['a recruiter of no organization', newRecruiterWithoutOrganization, 'FORBIDDEN'],
  ])('refuses %s (%s), consuming and writing nothing', async (_who, token, code) => {
    const [document] = await searchableCandidates(1);
    const caller = await token();
    const before = await unlockTraces();
    const response = await unlock(caller, { hitId: document!.hitId });
    expect(codesOf(response)).toEqual([code]);
    expect(response.data).toBeNull();
    expect(await unlockTraces()).toEqual(before);
  });

  // Last: it stops the users subgraph.
  it('refuses when the quota cannot be counted, writing nothing', async () => {
    const [document] = await searchableCandidates(1);
    await usersService.stop();
    const before = await queryDatabase(
      profilesService.database.url,
      'select * from profile_unlocks order by id',
    );
    const response = await unlock(claireToken, { hitId: document!.hitId });
    expect(codesOf(response)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(
      await queryDatabase(profilesService.database.url, 'select * from profile_unlocks order by id'),
    ).toEqual(before);
  });
});
