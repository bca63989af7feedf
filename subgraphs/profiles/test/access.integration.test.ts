import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { organizations, profiles, users } from '@talentgraph/demo-data';
import {
  createTestIssuer,
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  testUser,
  type GraphQLResponse,
  type TestIssuer,
  type TestSubgraph,
} from '@talentgraph/testing';
import { profilesSubgraph } from '../src/subgraph.ts';

/**
 * Who sees which profile, on every path that returns one: `profile(id)`, `profiles(status:)`,
 * `myProfile`, `User.profile` and `_entities` (domain/visibility.ts; the paths of a validated candidate,
 * `Match.profile` and hits included, caller by caller, in search/recruiter-gate.integration.test.ts).
 * Callers present tokens signed by a test issuer the subgraph trusts, exactly as the gateway forwards them.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;
let statements: string[] = [];

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(profilesSubgraph, {
    keySource: issuer.keySource,
    onQuery: (sql) => statements.push(sql),
  });
});

afterAll(async () => {
  await subgraph?.close();
});

const amina = profiles.find((profile) => profile.status === 'VALIDATED')!;
const draft = profiles.find((profile) => profile.status === 'DRAFT')!;
const submitted = profiles.find((profile) => profile.status === 'SUBMITTED')!;
const validated = profiles.filter((profile) => profile.status === 'VALIDATED');
const demoUser = (role: string) => users.find((user) => user.roles.includes(role as never))!;
const acme = organizations[0]!;

const owner = testUser(draft.userId);
/** Amina, who owns a validated candidate profile: another candidate for the draft's owner. */
const otherCandidate = testUser(amina.userId);
const recruiterUser = demoUser('RECRUITER');
const recruiter = testUser(recruiterUser.id, {
  roles: ['RECRUITER'],
  memberships: [{ organizationId: recruiterUser.membership!.organizationId, role: 'OWNER' }],
});
const moderator = testUser(demoUser('MODERATOR').id, { roles: ['MODERATOR'] });
const admin = testUser(demoUser('ADMIN').id, { roles: ['ADMIN'] });
const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId: acme.id,
  roles: ['PARTNER'],
};

async function request<Data = Record<string, unknown>>(
  viewer: Viewer | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  const headers = viewer ? await issuer.headersFor(viewer) : {};
  return graphqlRequest<Data>(subgraph.url, query, variables, headers);
}

/** Recruiters read candidate profiles once their organization unlocked them (src/unlocks). */
const lockCandidates = () =>
  queryDatabase(subgraph.database.url, 'delete from profile_unlocks where organization_id = $1', [acme.id]);
const unlock = (profileId: string) =>
  queryDatabase(
    subgraph.database.url,
    `insert into profile_unlocks (id, profile_id, organization_id, unlocked_by, unlocked_at)
     values ($1, $2, $3, $4, now())`,
    [randomUUID(), profileId, acme.id, recruiterUser.id],
  );

const codesOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

/** Everyone the rules tell apart, with whether they see a private (here: draft) profile. */
const viewers: readonly [string, Viewer | null, boolean][] = [
  ['its owner', owner, true],
  ['a moderator', moderator, true],
  ['an admin', admin, true],
  ['another candidate', otherCandidate, false],
  ['a recruiter', recruiter, false],
  ['a partner key', partner, false],
  ['an anonymous caller', null, false],
];

describe('profile(id)', () => {
  it.each(viewers)(
    'a draft profile read by %s: seen=%s, otherwise null like a missing one',
    async (_who, viewer, seen) => {
      const response = await request<{ profile: { id: string; status: string } | null }>(
        viewer,
        'query ($id: ID!) { profile(id: $id) { id status } }',
        { id: draft.id },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.profile).toEqual(seen ? { id: draft.id, status: 'DRAFT' } : null);
    },
  );

  it('shows a validated candidate profile to its owner, moderators and admins, to recruiters and partner keys once their organization unlocked it, and to nobody else', async () => {
    const read = async (viewer: Viewer | null) =>
      (await request(viewer, 'query ($id: ID!) { profile(id: $id) { id } }', { id: amina.id })).data;
    const readers = [otherCandidate, moderator, admin];
    await lockCandidates();
    for (const [, viewer] of viewers) {
      expect(await read(viewer)).toEqual({ profile: readers.includes(viewer!) ? { id: amina.id } : null });
    }
    await unlock(amina.id);
    for (const [, viewer] of viewers) {
      const seen = readers.includes(viewer!) || viewer === recruiter || viewer === partner;
      expect(await read(viewer)).toEqual({ profile: seen ? { id: amina.id } : null });
    }
  });

  it('shows a validated mentor profile to every caller', async () => {
    const mentor = validated.find((profile) => profile.kind === 'MENTOR')!;
    for (const [, viewer] of viewers) {
      const response = await request(viewer, 'query ($id: ID!) { profile(id: $id) { id } }', {
        id: mentor.id,
      });
      expect(response.data).toEqual({ profile: { id: mentor.id } });
    }
  });

  it('hides the submitted profile of someone else from the owner of another draft', async () => {
    const response = await request(owner, 'query ($id: ID!) { profile(id: $id) { id } }', {
      id: submitted.id,
    });
    expect(response.data).toEqual({ profile: null });
  });
});

describe('profiles(status:)', () => {
  const LISTING = `query ($status: ProfileStatus, $skill: String) {
    profiles(status: $status, skill: $skill) { totalCount edges { node { id status } } }
  }`;
  type Listing = { profiles: { totalCount: number; edges: { node: { id: string; status: string } }[] } };

  it.each([
    ['a moderator', moderator],
    ['an admin', admin],
  ])('lets %s list every review status', async (_who, viewer) => {
    for (const status of ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED', 'VALIDATED']) {
      const response = await request<Listing>(viewer, LISTING, { status });
      expect(response.errors).toBeUndefined();
      const expected = profiles.filter((profile) => profile.status === status).map((profile) => profile.id);
      expect(response.data!.profiles.edges.map((edge) => edge.node.id).sort()).toEqual(expected.sort());
      expect(response.data!.profiles.totalCount).toBe(expected.length);
    }
  });

  it('keeps the skill filter within the status a moderator asked for', async () => {
    const response = await request<Listing>(moderator, LISTING, { status: 'SUBMITTED', skill: 'java' });
    expect(response.data!.profiles.edges.map((edge) => edge.node.id)).toEqual([submitted.id]);
  });

  it('lists validated profiles only when a moderator gives no status', async () => {
    const response = await request<Listing>(moderator, LISTING);
    expect(response.data!.profiles.totalCount).toBe(validated.length);
    expect(response.data!.profiles.edges.every((edge) => edge.node.status === 'VALIDATED')).toBe(true);
  });

  it.each([
    ['the owner of a draft', owner],
    ['another candidate', otherCandidate],
    ['a recruiter', recruiter],
    ['a partner key', partner],
  ])('refuses %s a listing of drafts with FORBIDDEN, revealing nothing', async (_who, viewer) => {
    for (const status of ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED']) {
      const response = await request<Listing>(viewer, LISTING, { status });
      expect(response.data).toBeNull();
      expect(codesOf(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses an anonymous listing of drafts with UNAUTHENTICATED: signing in as a moderator would help', async () => {
    const response = await request<Listing>(null, LISTING, { status: 'DRAFT' });
    expect(response.data).toBeNull();
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('lists to each caller the validated profiles they may read: mentors and consultants to all, candidates to their owner, moderators, and the organizations that unlocked them', async () => {
    const listed = async (viewer: Viewer | null) =>
      (await request<Listing>(viewer, LISTING, { status: 'VALIDATED' }))
        .data!.profiles.edges.map((edge) => edge.node.id)
        .sort();
    const publicOnes = validated
      .filter((profile) => profile.kind !== 'CANDIDATE')
      .map((profile) => profile.id);
    expect(publicOnes).not.toEqual([]);
    const everything = validated.map((profile) => profile.id).sort();
    await lockCandidates();
    expect(await listed(null)).toEqual([...publicOnes].sort());
    expect(await listed(owner)).toEqual([...publicOnes].sort());
    expect(await listed(otherCandidate)).toEqual([...publicOnes, amina.id].sort());
    expect(await listed(recruiter)).toEqual([...publicOnes].sort());
    expect(await listed(partner)).toEqual([...publicOnes].sort());
    expect(await listed(moderator)).toEqual(everything);
    expect(await listed(admin)).toEqual(everything);
    await unlock(amina.id);
    for (const viewer of [recruiter, partner]) {
      expect(await listed(viewer)).toEqual([...publicOnes, amina.id].sort());
    }
    expect(await listed(null)).toEqual([...publicOnes].sort());
  });
});

describe('myProfile', () => {
  const MY_PROFILE = '{ myProfile { id status user { id } } }';

  it('gives the owner their own profile in every review status', async () => {
    for (const profile of [draft, submitted, amina]) {
      const response = await request(testUser(profile.userId), MY_PROFILE);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        myProfile: { id: profile.id, status: profile.status, user: { id: profile.userId } },
      });
    }
  });

  it('is null for a person without a profile and for a partner key', async () => {
    for (const viewer of [recruiter, moderator, partner]) {
      const response = await request(viewer, MY_PROFILE);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ myProfile: null });
    }
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const response = await request(null, MY_PROFILE);
    expect(response.data).toEqual({ myProfile: null });
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('federation paths', () => {
  const ENTITIES = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Profile { id status }
      ... on User { id profile { id status } }
    }
  }`;

  it.each(viewers)(
    'resolves a draft Profile reference for %s: seen=%s, otherwise null',
    async (_who, viewer, seen) => {
      const response = await request<{ _entities: unknown[] }>(viewer, ENTITIES, {
        representations: [{ __typename: 'Profile', id: draft.id }],
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities).toEqual([seen ? { id: draft.id, status: 'DRAFT' } : null]);
    },
  );

  it.each(viewers)(
    'gives User.profile of a draft owner to %s: seen=%s, otherwise null',
    async (_who, viewer, seen) => {
      const response = await request<{ _entities: unknown[] }>(viewer, ENTITIES, {
        representations: [{ __typename: 'User', id: draft.userId }],
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities).toEqual([
        { id: draft.userId, profile: seen ? { id: draft.id, status: 'DRAFT' } : null },
      ]);
    },
  );

  it("shows one's own draft through a nested profile → user → profile path, and another's not at all", async () => {
    const query = `query ($id: ID!) { profile(id: $id) { user { profile { id } } } }`;
    const own = await request(owner, query, { id: draft.id });
    expect(own.data).toEqual({ profile: { user: { profile: { id: draft.id } } } });
    const others = await request(otherCandidate, query, { id: draft.id });
    expect(others.data).toEqual({ profile: null });
  });

  it('keeps the profiles of many users in one query for a signed-in caller', async () => {
    const representations = (count: number) =>
      profiles.slice(0, count).map((profile) => ({ __typename: 'User', id: profile.userId }));
    const selects = async (count: number) => {
      statements = [];
      const response = await request<{ _entities: { profile: { id: string } | null }[] }>(
        moderator,
        'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { profile { id } } } }',
        { representations: representations(count) },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities.every((entity) => entity.profile !== null)).toBe(true);
      return statements.filter((line) => /^\[query\] select\b/i.test(stripVTControlCharacters(line))).length;
    };
    expect(await selects(1)).toBe(1);
    expect(await selects(profiles.length)).toBe(1);
  });
});

describe('forged identity', () => {
  it('refuses a token signed by a key the subgraph does not trust with UNAUTHENTICATED, before any resolver', async () => {
    const forger = await createTestIssuer();
    const response = await graphqlRequest(
      subgraph.url,
      'query ($id: ID!) { profile(id: $id) { id } myProfile { id } }',
      { id: draft.id },
      await forger.headersFor(testUser(draft.userId, { roles: ['ADMIN'] })),
    );
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });
});
