import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipRole, Viewer } from '@talentgraph/auth';
import { offers, organizations, users } from '@talentgraph/demo-data';
import {
  createTestIssuer,
  graphqlRequest,
  startTestSubgraph,
  testUser,
  type GraphQLResponse,
  type TestIssuer,
  type TestSubgraph,
} from '@talentgraph/testing';
import { OfferSchema } from '../src/entities/Offer.ts';
import { offersSubgraph } from '../src/subgraph.ts';

/**
 * Who reads drafts, on every path that returns an offer: `offer(id)`, `Organization.offers`, `_entities`
 * and the catalogue. Callers present tokens signed by a test issuer the subgraph trusts, exactly as the
 * gateway forwards them.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;
let statements: string[] = [];

/** An organization of drafts only, written here to check their order and paging. */
const draftsOrganizationId = randomUUID();
const writtenDrafts = [
  { title: 'changed last', updatedAt: '2026-06-01T00:00:00.000Z' },
  { title: 'changed in between', updatedAt: '2026-03-01T00:00:00.000Z' },
  { title: 'changed first', updatedAt: '2026-01-01T00:00:00.000Z' },
].map((draft) => ({ ...draft, id: randomUUID() }));

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(offersSubgraph, {
    keySource: issuer.keySource,
    onQuery: (sql) => statements.push(sql),
  });
  const em = subgraph.orm.em.fork();
  // Inserted from the oldest change so that neither insertion order nor id order matches the expected one.
  for (const draft of writtenDrafts.toReversed()) {
    em.create(OfferSchema, {
      id: draft.id,
      organizationId: draftsOrganizationId,
      kind: 'JOB',
      title: draft.title,
      description: 'A draft.',
      contractType: 'PERMANENT',
      remotePolicy: 'REMOTE',
      requiredSkills: [],
      niceToHaveSkills: [],
      minYearsOfExperience: 0,
      status: 'DRAFT',
      createdAt: new Date(draft.updatedAt),
      updatedAt: new Date(draft.updatedAt),
    });
  }
  await em.flush();
});

afterAll(async () => {
  await subgraph?.close();
});

const [acme, nordlys] = organizations as [(typeof organizations)[number], (typeof organizations)[number]];
const draft = offers.find((offer) => offer.status === 'DRAFT')!;
const published = offers.find((offer) => offer.status === 'PUBLISHED' && offer.organizationId === acme.id)!;
const demoUser = (role: string) => users.find((user) => user.roles.includes(role as never))!;

const memberOf = (organizationId: string, role: MembershipRole = 'RECRUITER') =>
  testUser(randomUUID(), { roles: ['RECRUITER'], memberships: [{ organizationId, role }] });
const partnerOf = (organizationId: string): Viewer => ({
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId,
  roles: ['PARTNER'],
});
const admin = testUser(demoUser('ADMIN').id, { roles: ['ADMIN'] });
const moderator = testUser(demoUser('MODERATOR').id, { roles: ['MODERATOR'] });
const candidate = testUser(demoUser('CANDIDATE').id);

async function request<Data = Record<string, unknown>>(
  viewer: Viewer | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  const headers = viewer ? await issuer.headersFor(viewer) : {};
  return graphqlRequest<Data>(subgraph.url, query, variables, headers);
}

const codesOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

/** Those who read Acme's drafts. */
const draftReaders: readonly [string, Viewer][] = [
  ['an OWNER of the organization', memberOf(acme.id, 'OWNER')],
  ['an ADMIN of the organization', memberOf(acme.id, 'ADMIN')],
  ['a RECRUITER of the organization', memberOf(acme.id, 'RECRUITER')],
  ['a partner key of the organization', partnerOf(acme.id)],
  ['a platform admin', admin],
];

/** Signed-in callers who do not read Acme's drafts. */
const outsiders: readonly [string, Viewer][] = [
  ['a member of another organization', memberOf(nordlys.id, 'OWNER')],
  ['a partner key of another organization', partnerOf(nordlys.id)],
  ['a candidate', candidate],
  ['a moderator', moderator],
  ['a recruiter whose token names no membership', testUser(randomUUID(), { roles: ['RECRUITER'] })],
];

describe('a draft by id and by reference', () => {
  const QUERY = `query ($id: ID!, $representations: [_Any!]!) {
    offer(id: $id) { id status }
    _entities(representations: $representations) { ... on Offer { id status } }
  }`;
  const variables = { id: draft.id, representations: [{ __typename: 'Offer', id: draft.id }] };

  it.each(draftReaders)('is read by %s on both paths', async (_who, viewer) => {
    const response = await request(viewer, QUERY, variables);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      offer: { id: draft.id, status: 'DRAFT' },
      _entities: [{ id: draft.id, status: 'DRAFT' }],
    });
  });

  it.each([...outsiders, ['an anonymous caller', null] as [string, null]])(
    'is null for %s on both paths, exactly like a missing offer',
    async (_who, viewer) => {
      const response = await request(viewer, QUERY, variables);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ offer: null, _entities: [null] });
    },
  );

  it('leaves a published offer readable by everyone', async () => {
    for (const [, viewer] of [...draftReaders, ...outsiders, ['anonymous', null] as const]) {
      const response = await request(viewer, 'query ($id: ID!) { offer(id: $id) { id } }', {
        id: published.id,
      });
      expect(response.data).toEqual({ offer: { id: published.id } });
    }
  });
});

describe('Organization.offers(status: DRAFT)', () => {
  const DRAFTS = `query ($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Organization {
        id
        offers(status: DRAFT, first: $first, after: $after) {
          totalCount edges { node { id title status } } pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`;
  type Drafts = {
    _entities: ({
      id: string;
      offers: {
        totalCount: number;
        edges: { node: { id: string; title: string; status: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null)[];
  };
  const representationsOf = (...ids: string[]) => ids.map((id) => ({ __typename: 'Organization', id }));

  it.each(draftReaders)("lists the organization's drafts for %s", async (_who, viewer) => {
    const response = await request<Drafts>(viewer, DRAFTS, { representations: representationsOf(acme.id) });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]!.offers.edges.map((edge) => edge.node)).toEqual([
      { id: draft.id, title: draft.title, status: 'DRAFT' },
    ]);
    expect(response.data!._entities[0]!.offers.totalCount).toBe(1);
  });

  it.each(outsiders)('refuses %s with FORBIDDEN, listing nothing', async (_who, viewer) => {
    const response = await request<Drafts>(viewer, DRAFTS, { representations: representationsOf(acme.id) });
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0]!.path).toEqual(['_entities', 0, 'offers']);
    expect(response.data!._entities).toEqual([null]);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED, listing nothing', async () => {
    const response = await request<Drafts>(null, DRAFTS, { representations: representationsOf(acme.id) });
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data!._entities).toEqual([null]);
  });

  it('answers a member of one organization for that one only, when asked about two', async () => {
    const response = await request<Drafts>(memberOf(acme.id), DRAFTS, {
      representations: representationsOf(acme.id, nordlys.id),
    });
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
    expect(response.data!._entities[0]!.offers.totalCount).toBe(1);
    expect(response.data!._entities[1]).toBeNull();
  });

  it('lists drafts most recently changed first, page after page', async () => {
    const member = memberOf(draftsOrganizationId, 'OWNER');
    const representations = representationsOf(draftsOrganizationId);
    const first = await request<Drafts>(member, DRAFTS, { representations, first: 2 });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data!._entities[0]!.offers;
    expect(firstPage.totalCount).toBe(writtenDrafts.length);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const second = await request<Drafts>(member, DRAFTS, {
      representations,
      first: 2,
      after: firstPage.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    const secondPage = second.data!._entities[0]!.offers;
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect([...firstPage.edges, ...secondPage.edges].map((edge) => edge.node.title)).toEqual(
      writtenDrafts.map((written) => written.title),
    );
  });

  it('lists the drafts of every organization a member belongs to in one query', async () => {
    const memberOfAll = testUser(randomUUID(), {
      roles: ['RECRUITER'],
      memberships: [acme, nordlys, { id: draftsOrganizationId }].map(({ id }) => ({
        organizationId: id,
        role: 'RECRUITER' as const,
      })),
    });
    statements = [];
    const response = await request<Drafts>(memberOfAll, DRAFTS, {
      representations: representationsOf(acme.id, nordlys.id, draftsOrganizationId),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities.map((entity) => entity!.offers.totalCount)).toEqual([
      1,
      0,
      writtenDrafts.length,
    ]);
    const selects = statements.filter((line) => /^\[query\] select\b/i.test(stripVTControlCharacters(line)));
    expect(selects).toHaveLength(1);
  });
});

describe('listings that stay public', () => {
  it("keeps drafts out of an organization's default listing, even for its members", async () => {
    const response = await request<{ _entities: { offers: { edges: { node: { status: string } }[] } }[] }>(
      memberOf(acme.id, 'OWNER'),
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Organization { offers { edges { node { status } } } } }
      }`,
      { representations: [{ __typename: 'Organization', id: acme.id }] },
    );
    expect(response.errors).toBeUndefined();
    const statuses = response.data!._entities[0]!.offers.edges.map((edge) => edge.node.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).not.toContain('DRAFT');
  });

  it('keeps the catalogue published-only for every caller', async () => {
    for (const [, viewer] of draftReaders) {
      const response = await request<{ offers: { edges: { node: { id: string; status: string } }[] } }>(
        viewer,
        '{ offers(first: 100) { edges { node { id status } } } }',
      );
      expect(response.errors).toBeUndefined();
      const listed = response.data!.offers.edges;
      expect(listed.map((edge) => edge.node.id)).not.toContain(draft.id);
      expect(listed.every((edge) => edge.node.status === 'PUBLISHED')).toBe(true);
    }
  });
});

describe('forged identity', () => {
  it('refuses a token signed by a key the subgraph does not trust with UNAUTHENTICATED, before any resolver', async () => {
    const forger = await createTestIssuer();
    const response = await graphqlRequest(
      subgraph.url,
      'query ($id: ID!) { offer(id: $id) { id } }',
      { id: draft.id },
      await forger.headersFor(memberOf(acme.id, 'OWNER')),
    );
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });
});
