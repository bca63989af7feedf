import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { offers, organizations, profiles } from '@talentgraph/demo-data';
import { seedOnce } from '@talentgraph/platform';
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
import { MATCH_SUGGESTION_THRESHOLD, suggestMatches } from '../src/domain/match.ts';
import { MatchSchema } from '../src/entities/Match.ts';
import { OfferSnapshotSchema } from '../src/entities/OfferSnapshot.ts';
import { ProfileSnapshotSchema } from '../src/entities/ProfileSnapshot.ts';
import { seedDemoData } from '../src/seed.ts';
import { matchingSubgraph } from '../src/subgraph.ts';

/**
 * The matching subgraph as the gateway calls it. Its lists and references are read by a moderator, who
 * sees every match; who sees which match is the last part (domain/access.ts).
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;
let statements: string[] = [];

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(matchingSubgraph, {
    keySource: issuer.keySource,
    onQuery: (sql) => statements.push(sql),
  });
});

afterAll(async () => {
  await subgraph?.close();
});

beforeEach(() => {
  statements = [];
});

const [, lucas, sofia, , emma, , , davidMentor] = profiles;
const [fullStackJob, roboticsJob, dataMission, , apprenticeship, scholarship] = offers;
const unknownId = '00000000-0000-4000-8000-000000000000';
const moderator = testUser(randomUUID(), { roles: ['MODERATOR'] });

/** A request to the subgraph as `viewer` (the moderator unless told), as the gateway forwards it. */
async function request<Data>(
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer | null = moderator,
): Promise<GraphQLResponse<Data>> {
  return graphqlRequest<Data>(subgraph.url, query, variables, viewer ? await issuer.headersFor(viewer) : {});
}

interface MatchNode {
  id: string;
  score: number;
  status: string;
  computedAt: string;
  profileId: string;
  offer: { id: string };
  criteria: { criterion: string; weight: number; score: number; explanation: string }[];
}

interface MatchPage {
  totalCount: number;
  edges: { cursor: string; node: MatchNode }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const MATCH_FIELDS = `id score status computedAt profileId offer { id }
  criteria { criterion weight score explanation }`;
const PAGE_FIELDS = `totalCount
  edges { cursor node { ${MATCH_FIELDS} } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/** The matches of profiles or offers, as the gateway asks for them: through `_entities`. */
async function matchesOf(
  typename: 'Profile' | 'Offer',
  ids: readonly string[],
  args: { first?: number; after?: string; minScore?: number } = {},
  viewer: Viewer | null = moderator,
) {
  return request<{ _entities: ({ id: string; matches: MatchPage | null } | null)[] }>(
    `query ($representations: [_Any!]!, $first: Int, $after: String, $minScore: Int) {
      _entities(representations: $representations) {
        ... on ${typename} { id matches(first: $first, after: $after, minScore: $minScore) { ${PAGE_FIELDS} } }
      }
    }`,
    { representations: ids.map((id) => ({ __typename: typename, id })), ...args },
    viewer,
  );
}

async function pageOf(typename: 'Profile' | 'Offer', id: string, args: Parameters<typeof matchesOf>[2] = {}) {
  const response = await matchesOf(typename, [id], args);
  expect(response.errors).toBeUndefined();
  return response.data!._entities[0]!.matches!;
}

const suggestions = suggestMatches(profiles, offers);
const expectedScores = (select: (suggestion: (typeof suggestions)[number]) => boolean) =>
  suggestions
    .filter(select)
    .map((suggestion) => suggestion.result.score)
    .sort((a, b) => b - a);

describe('Profile.matches', () => {
  it("lists a profile's matches best first, with their explained criteria", async () => {
    const page = await pageOf('Profile', lucas!.id);
    expect(page.totalCount).toBe(4);
    expect(page.edges.map((edge) => [edge.node.offer.id, edge.node.score])).toEqual([
      [dataMission!.id, 100],
      [scholarship!.id, 75],
      [offers[6]!.id, 45],
      [offers[3]!.id, 30],
    ]);
    const best = page.edges[0]!.node;
    expect(best.profileId).toBe(lucas!.id);
    expect(best.status).toBe('SUGGESTED');
    expect(new Date(best.computedAt).toISOString()).toBe(best.computedAt);
    expect(best.criteria).toEqual([
      {
        criterion: 'REQUIRED_SKILLS',
        weight: 45,
        score: 1,
        explanation: '3 of 3 required skills: Apache Kafka, Apache Spark, Python',
      },
      {
        criterion: 'NICE_TO_HAVE_SKILLS',
        weight: 15,
        score: 1,
        explanation: '2 of 2 nice-to-have skills: Kubernetes, SQL',
      },
      { criterion: 'EXPERIENCE', weight: 20, score: 1, explanation: '7 years of experience, offer asks 5' },
      {
        criterion: 'LOCATION',
        weight: 10,
        score: 1,
        explanation: 'Remote-friendly offer matches a remote preference',
      },
      {
        criterion: 'CONTRACT_TYPE',
        weight: 10,
        score: 1,
        explanation: 'Freelance contract, as the candidate wants',
      },
    ]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('filters by minimum score, bounds included', async () => {
    const atLeast75 = await pageOf('Profile', lucas!.id, { minScore: 75 });
    expect(atLeast75.totalCount).toBe(2);
    expect(atLeast75.edges.map((edge) => edge.node.score)).toEqual([100, 75]);
    expect((await pageOf('Profile', lucas!.id, { minScore: 100 })).totalCount).toBe(1);
    expect((await pageOf('Profile', lucas!.id, { minScore: 0 })).totalCount).toBe(4);
  });

  it('answers an unknown profile, or one not validated, with no matches', async () => {
    const response = await matchesOf('Profile', [unknownId, profiles[3]!.id]);
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities.map((entity) => [entity!.id, entity!.matches!.totalCount])).toEqual([
      [unknownId, 0],
      [profiles[3]!.id, 0],
    ]);
  });
});

describe('Offer.matches', () => {
  it('pages through the candidates of an offer with stable cursors', async () => {
    const first = await pageOf('Offer', dataMission!.id, { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0]!.cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[1]!.cursor);
    const second = await pageOf('Offer', dataMission!.id, { first: 2, after: first.pageInfo.endCursor! });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(3);
    const all = [...first.edges, ...second.edges].map((edge) => edge.node);
    expect(all.map((node) => node.score)).toEqual([100, 62, 36]);
    // David is a mentor: his validated profile is never matched, though his skills fit.
    expect(all.map((node) => node.profileId)).toEqual([lucas!.id, emma!.id, sofia!.id]);
    expect(all.map((node) => node.profileId)).not.toContain(davidMentor!.id);
    expect(all.every((node) => node.offer.id === dataMission!.id)).toBe(true);
  });

  it('breaks score ties by match id', async () => {
    const page = await pageOf('Offer', scholarship!.id);
    expect(page.edges.map((edge) => edge.node.score)).toEqual(
      expectedScores(({ offer }) => offer.id === scholarship!.id),
    );
    const tied = page.edges.filter((edge) => edge.node.score === 75).map((edge) => edge.node.id);
    expect(tied).toHaveLength(2);
    expect(tied).toEqual([...tied].sort());
  });

  it('lists no matches for an offer no validated profile fits', async () => {
    const page = await pageOf('Offer', apprenticeship!.id);
    expect(page).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});

describe('Match', () => {
  async function someMatch(): Promise<MatchNode> {
    return (await pageOf('Profile', sofia!.id)).edges[0]!.node;
  }

  it('is found by id, with its profile and offer references', async () => {
    const match = await someMatch();
    expect(match).toMatchObject({ score: 100, profileId: sofia!.id, offer: { id: roboticsJob!.id } });
    const response = await request<{ match: MatchNode | null }>(
      `query ($id: ID!) { match(id: $id) { ${MATCH_FIELDS} } }`,
      { id: match.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.match).toEqual(match);
  });

  it('is null for an unknown id and rejects a malformed one', async () => {
    const unknown = await request(`{ match(id: "${unknownId}") { id } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ match: null });
    const malformed = await request('{ match(id: "not-a-uuid") { id } }');
    expect(malformed.data).toEqual({ match: null });
    expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('resolves references in one batch, null for unknown or malformed ids', async () => {
    const page = await pageOf('Offer', dataMission!.id);
    const ids = page.edges.map((edge) => edge.node.id);
    statements = [];
    const response = await request<{ _entities: ({ id: string; score: number } | null)[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Match { id score } } }`,
      {
        representations: [...ids, unknownId, 'not-a-uuid'].map((id) => ({ __typename: 'Match', id })),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      ...page.edges.map((edge) => ({ id: edge.node.id, score: edge.node.score })),
      null,
      null,
    ]);
    expect(statementsOn('matches')).toHaveLength(1);
  });

  it('answers Profile and Offer references with a malformed id with null', async () => {
    const response = await request<{ _entities: unknown[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Profile { id } ... on Offer { id } } }`,
      {
        representations: [
          { __typename: 'Profile', id: 'nope' },
          { __typename: 'Offer', id: 'nope' },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([null, null]);
  });
});

describe('batching', () => {
  const publishedOffers = offers.filter((offer) => offer.status === 'PUBLISHED');

  it('loads the first matches of many offers in one query', async () => {
    for (const parents of [publishedOffers.slice(0, 2), publishedOffers]) {
      statements = [];
      const response = await matchesOf(
        'Offer',
        parents.map((offer) => offer.id),
        { first: 5 },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities).toHaveLength(parents.length);
      expect(statementsOn('matches')).toHaveLength(1);
      // Whose offers they are (who may see their candidates): one query too.
      expect(statementsOn('offer_snapshots')).toHaveLength(1);
    }
  });

  it('gives each parent its own page, as if asked alone', async () => {
    const batched = await matchesOf(
      'Offer',
      publishedOffers.map((offer) => offer.id),
      { first: 2, minScore: 40 },
    );
    for (const [index, offer] of publishedOffers.entries()) {
      const alone = await pageOf('Offer', offer.id, { first: 2, minScore: 40 });
      expect(batched.data!._entities[index]!.matches).toEqual(alone);
    }
  });

  it('loads the matches of many profiles in one query', async () => {
    statements = [];
    const response = await matchesOf(
      'Profile',
      profiles.map((profile) => profile.id),
      { first: 3 },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities.map((entity) => entity!.matches!.totalCount)).toEqual(
      profiles.map(
        (profile) => suggestions.filter((suggestion) => suggestion.profile.id === profile.id).length,
      ),
    );
    expect(statementsOn('matches')).toHaveLength(1);
  });
});

describe('who sees which matches', () => {
  const [acme, nordlys] = organizations;
  const memberOf = (organizationId: string, role: 'OWNER' | 'ADMIN' | 'RECRUITER' = 'RECRUITER') =>
    testUser(randomUUID(), { roles: ['RECRUITER'], memberships: [{ organizationId, role }] });
  const partnerOf = (organizationId: string): Viewer => ({
    kind: 'PARTNER',
    apiKeyId: randomUUID(),
    organizationId,
    roles: ['PARTNER'],
  });
  const publishedOffers = offers.filter((offer) => offer.status === 'PUBLISHED');

  /** Which offers' candidates `viewer` sees: the ids of the offers whose matches are not null. */
  async function offersWithVisibleMatches(viewer: Viewer | null): Promise<string[]> {
    const response = await matchesOf(
      'Offer',
      publishedOffers.map((offer) => offer.id),
      {},
      viewer,
    );
    expect(response.errors).toBeUndefined();
    return response.data!._entities.filter((entity) => entity!.matches !== null).map((entity) => entity!.id);
  }
  const offersOf = (organizationId: string) =>
    publishedOffers.filter((offer) => offer.organizationId === organizationId).map((offer) => offer.id);

  it("shows an offer's candidates to its organization's members and partner keys, moderators and admins; to nobody else", async () => {
    expect(offersOf(acme!.id).length).toBeGreaterThan(0);
    for (const role of ['OWNER', 'ADMIN', 'RECRUITER'] as const) {
      expect(await offersWithVisibleMatches(memberOf(acme!.id, role))).toEqual(offersOf(acme!.id));
    }
    expect(await offersWithVisibleMatches(partnerOf(acme!.id))).toEqual(offersOf(acme!.id));
    expect(await offersWithVisibleMatches(memberOf(nordlys!.id))).toEqual(offersOf(nordlys!.id));
    const all = publishedOffers.map((offer) => offer.id);
    expect(await offersWithVisibleMatches(moderator)).toEqual(all);
    expect(await offersWithVisibleMatches(testUser(randomUUID(), { roles: ['ADMIN'] }))).toEqual(all);
    for (const viewer of [null, testUser(lucas!.userId), testUser(randomUUID(), { roles: ['RECRUITER'] })]) {
      expect(await offersWithVisibleMatches(viewer)).toEqual([]);
    }
  });

  it("shows a profile's offers to the person it belongs to, moderators and admins; to nobody else", async () => {
    const seen = async (viewer: Viewer | null) =>
      (await matchesOf('Profile', [lucas!.id], {}, viewer)).data!._entities[0]!.matches?.totalCount ?? null;
    expect(await seen(testUser(lucas!.userId))).toBe(4);
    expect(await seen(moderator)).toBe(4);
    expect(await seen(testUser(randomUUID(), { roles: ['ADMIN'] }))).toBe(4);
    // An organization reads its candidates through its offers, not the candidate's other matches.
    for (const viewer of [null, testUser(sofia!.userId), memberOf(nordlys!.id), partnerOf(nordlys!.id)]) {
      expect(await seen(viewer)).toBeNull();
    }
  });

  it('answers an offer or profile the read model does not know with an empty page, whoever asks: nothing to hide', async () => {
    for (const typename of ['Offer', 'Profile'] as const) {
      const response = await matchesOf(typename, [unknownId], {}, null);
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities[0]!.matches!.totalCount).toBe(0);
    }
  });

  it('shows one match, by id or reference, to whoever sees it through its offer or its profile', async () => {
    // Lucas's best match is with Nordlys's data mission.
    const match = (await pageOf('Profile', lucas!.id)).edges[0]!.node;
    expect(match.offer.id).toBe(dataMission!.id);
    const seenBy = async (viewer: Viewer | null) => {
      const response = await request<{ match: { id: string } | null; _entities: ({ id: string } | null)[] }>(
        `query ($id: ID!, $r: [_Any!]!) { match(id: $id) { id } _entities(representations: $r) { ... on Match { id } } }`,
        { id: match.id, r: [{ __typename: 'Match', id: match.id }] },
        viewer,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities[0]).toEqual(response.data!.match);
      return response.data!.match !== null;
    };
    for (const viewer of [
      testUser(lucas!.userId),
      memberOf(nordlys!.id),
      partnerOf(nordlys!.id),
      moderator,
    ]) {
      expect(await seenBy(viewer)).toBe(true);
    }
    for (const viewer of [null, testUser(sofia!.userId), memberOf(acme!.id), partnerOf(acme!.id)]) {
      expect(await seenBy(viewer)).toBe(false);
    }
  });
});

describe('rejects bad arguments with BAD_USER_INPUT', () => {
  it.each([
    ['a negative minimum score', { minScore: -1 }, 'minScore'],
    ['a minimum score above 100', { minScore: 101 }, 'minScore'],
    ['a page larger than 100', { first: 101 }, 'first'],
    ['an empty page', { first: 0 }, 'first'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('%s', async (_case, args, argumentName) => {
    for (const [typename, id] of [
      ['Profile', lucas!.id],
      ['Offer', fullStackJob!.id],
    ] as const) {
      statements = [];
      const response = await matchesOf(typename, [id], args);
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      expect(response.data!._entities).toEqual([{ id, matches: null }]);
      if (argumentName === 'minScore') expect(statementsOn('matches')).toEqual([]);
    }
  });
});

describe('read model and seed', () => {
  it('stores exactly the matches the scoring function computes from the read model', async () => {
    const em = subgraph.orm.em.fork();
    const readProfiles = await em.find(ProfileSnapshotSchema, {});
    const readOffers = await em.find(OfferSnapshotSchema, {});
    expect(readProfiles).toHaveLength(profiles.length);
    expect(readOffers).toHaveLength(offers.length);
    const recomputed = suggestMatches(readProfiles, readOffers).map(({ profile, offer, result }) => ({
      pair: `${profile.id} ${offer.id}`,
      score: result.score,
      criteria: result.criteria,
    }));
    const stored = (await em.find(MatchSchema, {})).map((match) => ({
      pair: `${match.profile.id} ${match.offer.id}`,
      score: match.score,
      criteria: match.criteria,
    }));
    const byPair = (a: { pair: string }, b: { pair: string }) => a.pair.localeCompare(b.pair);
    expect(stored.sort(byPair)).toEqual(recomputed.sort(byPair));
    expect(stored.length).toBe(suggestions.length);
    expect(Math.min(...stored.map((match) => match.score))).toBeGreaterThanOrEqual(
      MATCH_SUGGESTION_THRESHOLD,
    );
  });

  it('matches only validated profiles with published offers', async () => {
    const rows = await queryDatabase<{ profile_status: string; offer_status: string; count: string }>(
      subgraph.database.url,
      `select p.status as profile_status, o.status as offer_status, count(*) from matches m
       join profile_snapshots p on p.id = m.profile_id join offer_snapshots o on o.id = m.offer_id
       group by 1, 2`,
    );
    expect(rows).toEqual([
      { profile_status: 'VALIDATED', offer_status: 'PUBLISHED', count: String(suggestions.length) },
    ]);
  });

  it('refuses a second match for the same profile and offer, and a score out of 0..100', async () => {
    const [existing] = await queryDatabase<{ profile_id: string; offer_id: string }>(
      subgraph.database.url,
      'select profile_id, offer_id from matches limit 1',
    );
    const insert = (profileId: string, offerId: string, score: number) =>
      queryDatabase(
        subgraph.database.url,
        `insert into matches (id, profile_id, offer_id, score, criteria, computed_at, updated_at)
         values (gen_random_uuid(), $1, $2, $3, '[]', now(), now())`,
        [profileId, offerId, score],
      );
    await expect(insert(existing!.profile_id, existing!.offer_id, 50)).rejects.toThrow(/unique/);
    await expect(insert(profiles[3]!.id, apprenticeship!.id, 101)).rejects.toThrow(/matches_score_check/);
  });

  it('seeds the demo data only once', async () => {
    const ranAgain = await seedOnce(subgraph.orm, 'matching-demo-data', seedDemoData);
    expect(ranAgain).toBe(false);
    const rows = await queryDatabase<{ count: string }>(
      subgraph.database.url,
      'select count(*) from matches',
    );
    expect(rows).toEqual([{ count: String(suggestions.length) }]);
  });
});

/** SQL statements of this test that read or write the given table. */
function statementsOn(table: string): string[] {
  return statements.filter((sql) => sql.includes(`"${table}"`));
}
