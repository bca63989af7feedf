import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { offers, organizations, type DemoOffer } from '@talentgraph/demo-data';
import { graphqlRequest, queryDatabase, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { seedOnce } from '@talentgraph/platform';
import { isInCatalogue } from '../src/domain/visibility.ts';
import { seedDemoData } from '../src/seed.ts';
import { offersSubgraph } from '../src/subgraph.ts';

let subgraph: TestSubgraph;
let statements: string[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(offersSubgraph, { onQuery: (sql) => statements.push(sql) });
});

afterAll(async () => {
  await subgraph?.close();
});

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const [acme, nordlys, institut, horizon] = organizations as [
  (typeof organizations)[number],
  (typeof organizations)[number],
  (typeof organizations)[number],
  (typeof organizations)[number],
];
const demoOffer = (title: string): DemoOffer => offers.find((offer) => offer.title.startsWith(title))!;
const fullStack = demoOffer('Senior full-stack engineer');
const scholarship = demoOffer('Horizon master’s scholarship');
const draft = offers.find((offer) => offer.status === 'DRAFT')!;

const newestFirst = (a: DemoOffer, b: DemoOffer) =>
  b.publishedAt!.localeCompare(a.publishedAt!) || a.id.localeCompare(b.id);

/** What the catalogue must list right now, worked out from the demo data independently of the SQL. */
function expectedCatalogue(keep: (offer: DemoOffer) => boolean = () => true): string[] {
  const now = new Date();
  return offers
    .filter((offer) =>
      isInCatalogue(
        { status: offer.status, expiresAt: offer.expiresAt ? new Date(offer.expiresAt) : null },
        now,
      ),
    )
    .filter(keep)
    .sort(newestFirst)
    .map((offer) => offer.id);
}

type Connection = {
  totalCount: number;
  edges: { cursor: string; node: { id: string; status?: string; organization?: { id: string } } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
};

const idsOf = (connection: Connection) => connection.edges.map((edge) => edge.node.id);

describe('offer(id)', () => {
  it('returns every field of a published offer', async () => {
    const response = await graphqlRequest<{ offer: Record<string, unknown> }>(
      subgraph.url,
      `query ($id: ID!) {
        offer(id: $id) {
          id organization { id } author { id } kind title description contractType
          location { city countryCode } remotePolicy
          salary { minimum { amount currency } maximum { amount currency } period }
          requiredSkills niceToHaveSkills minYearsOfExperience status publishedAt expiresAt createdAt updatedAt
        }
      }`,
      { id: fullStack.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.offer).toEqual({
      id: fullStack.id,
      organization: { id: acme.id },
      author: { id: fullStack.authorId },
      kind: 'JOB',
      title: 'Senior full-stack engineer (TypeScript, GraphQL)',
      description: fullStack.description,
      contractType: 'PERMANENT',
      location: { city: 'Lyon', countryCode: 'FR' },
      remotePolicy: 'HYBRID',
      salary: {
        minimum: { amount: 55_000, currency: 'EUR' },
        maximum: { amount: 70_000, currency: 'EUR' },
        period: 'YEAR',
      },
      requiredSkills: ['TypeScript', 'React', 'GraphQL'],
      niceToHaveSkills: ['PostgreSQL', 'Node.js'],
      minYearsOfExperience: 4,
      status: new Date() < new Date(fullStack.expiresAt!) ? 'PUBLISHED' : 'EXPIRED',
      publishedAt: '2026-11-02T09:00:00.000Z',
      expiresAt: '2027-01-31T23:59:59.000Z',
      createdAt: '2026-11-02T09:00:00.000Z',
      updatedAt: '2026-11-02T09:00:00.000Z',
    });
  });

  it('has no contract type for a scholarship', async () => {
    const response = await graphqlRequest<{ offer: { kind: string; contractType: string | null } }>(
      subgraph.url,
      `{ offer(id: "${scholarship.id}") { kind contractType salary { minimum { amount } maximum { amount } } } }`,
    );
    expect(response.data!.offer).toEqual({
      kind: 'SCHOLARSHIP',
      contractType: null,
      salary: { minimum: { amount: 12_000 }, maximum: { amount: 12_000 } },
    });
  });

  it('hides the draft, answers null for an unknown id and rejects a malformed one', async () => {
    const response = await graphqlRequest<Record<string, unknown>>(
      subgraph.url,
      `{
        draft: offer(id: "${draft.id}") { id }
        unknown: offer(id: "${UNKNOWN_ID}") { id }
      }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ draft: null, unknown: null });
    const malformed = await graphqlRequest(subgraph.url, '{ offer(id: "not-an-offer-id") { id } }');
    expect(malformed.data).toEqual({ offer: null });
    expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });
});

describe('offers (public catalogue)', () => {
  const catalogueQuery = `query ($first: Int, $after: String, $kind: OfferKind, $remotePolicy: RemotePolicy,
      $countryCode: CountryCode, $skill: String) {
    offers(first: $first, after: $after, kind: $kind, remotePolicy: $remotePolicy, countryCode: $countryCode,
        skill: $skill) {
      totalCount
      edges { cursor node { id status } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;
  const catalogue = async (variables: Record<string, unknown> = {}) => {
    const response = await graphqlRequest<{ offers: Connection }>(subgraph.url, catalogueQuery, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.offers;
  };

  it('lists published, unexpired offers newest first, and never the draft', async () => {
    const page = await catalogue();
    const expected = expectedCatalogue();
    expect(idsOf(page)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
    expect(idsOf(page)).not.toContain(draft.id);
    expect(page.edges.every((edge) => edge.node.status === 'PUBLISHED')).toBe(true);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages through the catalogue with stable cursors', async () => {
    const expected = expectedCatalogue();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Connection = await catalogue({ first: 2, after });
      expect(page.totalCount).toBe(expected.length);
      seen.push(...idsOf(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
  });

  it.each([
    ['kind', { kind: 'FREELANCE_MISSION' }, (offer: DemoOffer) => offer.kind === 'FREELANCE_MISSION'],
    ['remote policy', { remotePolicy: 'REMOTE' }, (offer: DemoOffer) => offer.remotePolicy === 'REMOTE'],
    ['country', { countryCode: 'FR' }, (offer: DemoOffer) => offer.countryCode === 'FR'],
    ['country without offers', { countryCode: 'DE' }, () => false],
    ['country, in lower case', { countryCode: 'fr' }, (offer: DemoOffer) => offer.countryCode === 'FR'],
    [
      'skill, case-insensitively, required or nice to have',
      { skill: 'python' },
      (offer: DemoOffer) => [...offer.requiredSkills, ...offer.niceToHaveSkills].includes('Python'),
    ],
    [
      'several filters at once',
      { kind: 'JOB', skill: ' PYTHON ' },
      (offer: DemoOffer) => offer.kind === 'JOB' && offer.niceToHaveSkills.includes('Python'),
    ],
  ])('filters by %s', async (_case, variables, keep) => {
    const page = await catalogue(variables);
    expect(idsOf(page)).toEqual(expectedCatalogue(keep));
    expect(page.totalCount).toBe(expectedCatalogue(keep).length);
  });

  it('finds the demo offers behind a skill', async () => {
    expect(idsOf(await catalogue({ skill: 'Python' })).toSorted()).toEqual(
      expectedCatalogue((offer) =>
        ['Robotics software', 'Data platform', 'Horizon', 'Machine-learning'].some((title) =>
          offer.title.startsWith(title),
        ),
      ).toSorted(),
    );
    // Only the draft asks for Leadership.
    expect(idsOf(await catalogue({ skill: 'leadership' }))).toEqual([]);
  });
});

describe('_entities', () => {
  const entitiesQuery = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Offer { id title status }
      ... on Organization {
        id
        offers(first: 2) { totalCount edges { node { id status organization { id } } } pageInfo { hasNextPage } }
      }
    }
  }`;

  it('resolves offers, null for the draft, unknown and malformed ids', async () => {
    const response = await graphqlRequest<{ _entities: unknown[] }>(subgraph.url, entitiesQuery, {
      representations: [
        { __typename: 'Offer', id: fullStack.id },
        { __typename: 'Offer', id: draft.id },
        { __typename: 'Offer', id: UNKNOWN_ID },
        { __typename: 'Offer', id: 'not-an-offer-id' },
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { id: fullStack.id, title: fullStack.title, status: expect.stringMatching(/^(PUBLISHED|EXPIRED)$/) },
      null,
      null,
      null,
    ]);
  });

  it("lists each organization's public offers, most recently published first", async () => {
    const response = await graphqlRequest<{ _entities: ({ id: string; offers: Connection } | null)[] }>(
      subgraph.url,
      entitiesQuery,
      {
        representations: [acme, nordlys, institut, horizon, { id: UNKNOWN_ID }, { id: 'not-an-id' }].map(
          ({ id }) => ({ __typename: 'Organization', id }),
        ),
      },
    );
    expect(response.errors).toBeUndefined();
    const [acmeOffers, nordlysOffers, institutOffers, horizonOffers, unknown, malformed] =
      response.data!._entities;
    const publicOffersOf = (organizationId: string) =>
      offers
        .filter((offer) => offer.organizationId === organizationId && offer.status !== 'DRAFT')
        .sort(newestFirst);
    // Acme: the ML internship (15 Nov), the robotics job (5 Nov), then the full-stack job (2 Nov); the draft is hidden.
    expect(publicOffersOf(acme.id).map((offer) => offer.title.split(' ')[0])).toEqual([
      'Machine-learning',
      'Robotics',
      'Senior',
    ]);
    expect(idsOf(acmeOffers!.offers)).toEqual(
      publicOffersOf(acme.id)
        .slice(0, 2)
        .map((offer) => offer.id),
    );
    expect(acmeOffers!.offers.totalCount).toBe(3);
    expect(acmeOffers!.offers.pageInfo.hasNextPage).toBe(true);
    expect(acmeOffers!.offers.edges.every((edge) => edge.node.organization?.id === acme.id)).toBe(true);
    expect(idsOf(nordlysOffers!.offers)).toEqual(publicOffersOf(nordlys.id).map((offer) => offer.id));
    expect(nordlysOffers!.offers.pageInfo.hasNextPage).toBe(false);
    expect(institutOffers!.offers.totalCount).toBe(1);
    expect(horizonOffers!.offers.totalCount).toBe(1);
    expect(unknown).toEqual({
      id: UNKNOWN_ID,
      offers: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } },
    });
    expect(malformed).toBeNull();
  });

  it("continues an organization's offers after a cursor", async () => {
    const query = `query ($representations: [_Any!]!, $after: String) {
      _entities(representations: $representations) {
        ... on Organization { offers(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }
      }
    }`;
    const representations = [{ __typename: 'Organization', id: acme.id }];
    type Page = { _entities: { offers: Connection }[] };
    const first = await graphqlRequest<Page>(subgraph.url, query, { representations });
    const second = await graphqlRequest<Page>(subgraph.url, query, {
      representations,
      after: first.data!._entities[0]!.offers.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    const expected = offers
      .filter((offer) => offer.organizationId === acme.id && offer.status !== 'DRAFT')
      .sort(newestFirst)
      .map((offer) => offer.id);
    expect([...idsOf(first.data!._entities[0]!.offers), ...idsOf(second.data!._entities[0]!.offers)]).toEqual(
      expected,
    );
    expect(second.data!._entities[0]!.offers.pageInfo.hasNextPage).toBe(false);
  });

  it("filters an organization's offers by status", async () => {
    const response = await graphqlRequest<{ _entities: { published: Connection; closed: Connection }[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Organization {
            published: offers(status: PUBLISHED) { totalCount }
            closed: offers(status: CLOSED) { totalCount }
          }
        }
      }`,
      { representations: [{ __typename: 'Organization', id: acme.id }] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]!.published.totalCount).toBe(
      expectedCatalogue((o) => o.organizationId === acme.id).length,
    );
    expect(response.data!._entities[0]!.closed.totalCount).toBe(0);
  });
});

describe('batching', () => {
  beforeEach(() => {
    statements = [];
  });

  // The ORM's query log is colored; without the escape codes each entry reads "[query] select …".
  const selects = () =>
    statements.map(stripVTControlCharacters).filter((sql) => /^\[query\] select\b/i.test(sql));

  it('lists the offers of many organizations in one query', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Organization { offers(first: 5) { totalCount edges { node { id title status } } } }
      }
    }`;
    const response = await graphqlRequest(subgraph.url, query, {
      representations: organizations.map(({ id }) => ({ __typename: 'Organization', id })),
    });
    expect(response.errors).toBeUndefined();
    expect(selects()).toHaveLength(1);

    statements = [];
    await graphqlRequest(subgraph.url, query, {
      representations: [{ __typename: 'Organization', id: acme.id }],
    });
    expect(selects()).toHaveLength(1);
  });

  it('resolves many offer references in one query', async () => {
    const response = await graphqlRequest<{ _entities: unknown[] }>(
      subgraph.url,
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Offer { id } } }',
      { representations: offers.map(({ id }) => ({ __typename: 'Offer', id })) },
    );
    expect(response.data!._entities).toHaveLength(offers.length);
    expect(selects()).toHaveLength(1);
  });
});

describe('rejects bad arguments with BAD_USER_INPUT', () => {
  const organizationOffers = (args: string) => `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Organization { offers(${args}) { totalCount } } }
  }`;
  const acmeRepresentation = { representations: [{ __typename: 'Organization', id: acme.id }] };

  it.each([
    ['a catalogue page larger than 100', '{ offers(first: 101) { totalCount } }', {}, 'first'],
    ['an empty catalogue page', '{ offers(first: 0) { totalCount } }', {}, 'first'],
    ['a forged catalogue cursor', '{ offers(after: "bm90LWEtY3Vyc29y") { totalCount } }', {}, 'after'],
    ['a blank skill', '{ offers(skill: "   ") { totalCount } }', {}, 'skill'],
    ['an overlong skill', `{ offers(skill: "${'x'.repeat(101)}") { totalCount } }`, {}, 'skill'],
    ["an organization's page larger than 100", organizationOffers('first: 101'), acmeRepresentation, 'first'],
    [
      "a forged organization's cursor",
      organizationOffers('after: "bm90LWEtY3Vyc29y"'),
      acmeRepresentation,
      'after',
    ],
  ])('%s', async (_case, query, variables, argumentName) => {
    const response = await graphqlRequest(subgraph.url, query, variables);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it("no longer for an anonymous caller asking for an organization's drafts: members may list them now, so it is UNAUTHENTICATED", async () => {
    const response = await graphqlRequest(
      subgraph.url,
      organizationOffers('status: DRAFT'),
      acmeRepresentation,
    );
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a country code that is not ISO 3166-1 alpha-2', async () => {
    const response = await graphqlRequest(
      subgraph.url,
      'query ($c: CountryCode) { offers(countryCode: $c) { totalCount } }',
      {
        c: 'France',
      },
    );
    expect(response.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
  });
});

describe('demo data', () => {
  it('is seeded once, draft included', async () => {
    const ranAgain = await seedOnce(subgraph.orm, 'offers-demo-data', seedDemoData);
    expect(ranAgain).toBe(false);
    const rows = await queryDatabase<{ status: string; count: string }>(
      subgraph.database.url,
      'select status, count(*) from offers group by status order by status',
    );
    expect(rows).toEqual([
      { status: 'DRAFT', count: '1' },
      { status: 'PUBLISHED', count: String(offers.length - 1) },
    ]);
  });

  it('stores amounts as exact decimals', async () => {
    const rows = await queryDatabase<{
      salary_minimum: string;
      salary_currency: string;
      salary_period: string;
    }>(
      subgraph.database.url,
      'select salary_minimum, salary_currency, salary_period from offers where id = $1',
      [fullStack.id],
    );
    expect(rows).toEqual([{ salary_minimum: '55000.0000', salary_currency: 'EUR', salary_period: 'YEAR' }]);
  });
});
