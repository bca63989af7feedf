import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, users } from '@talentgraph/demo-data';
import { graphqlRequest, queryDatabase, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { seedOnce } from '@talentgraph/platform';
import { usersSubgraph } from '../src/subgraph.ts';
import { seedDemoData } from '../src/seed.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph);
});

afterAll(async () => {
  await subgraph?.close();
});

const recruiter = users.find((user) => user.membership?.role === 'OWNER')!;

describe('users subgraph', () => {
  it('pages through organizations by name with stable cursors', async () => {
    const query = `query ($after: String) {
      organizations(first: 3, after: $after) {
        totalCount
        edges { cursor node { name slug kind } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;
    type Page = {
      organizations: {
        totalCount: number;
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await graphqlRequest<Page>(subgraph.url, query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.organizations.totalCount).toBe(organizations.length);
    expect(first.data!.organizations.pageInfo.hasNextPage).toBe(true);
    const second = await graphqlRequest<Page>(subgraph.url, query, {
      after: first.data!.organizations.pageInfo.endCursor,
    });
    const names = [...first.data!.organizations.edges, ...second.data!.organizations.edges].map(
      (edge) => edge.node.name,
    );
    expect(names).toEqual(
      organizations.map((organization) => organization.name).sort((a, b) => a.localeCompare(b, 'en')),
    );
    expect(second.data!.organizations.pageInfo.hasNextPage).toBe(false);
  });

  it('filters organizations by kind', async () => {
    const response = await graphqlRequest<{ organizations: { edges: { node: { kind: string } }[] } }>(
      subgraph.url,
      '{ organizations(kind: IT_SERVICES) { edges { node { kind } } } }',
    );
    expect(response.data!.organizations.edges.map((edge) => edge.node.kind)).toEqual(['IT_SERVICES']);
  });

  it('finds an organization by slug or id, and nothing for an unknown one', async () => {
    const acme = organizations[0]!;
    const response = await graphqlRequest<Record<string, { id: string } | null>>(
      subgraph.url,
      `query ($id: ID!) {
        bySlug: organization(slug: "${acme.slug}") { id }
        byId: organization(id: $id) { id }
        unknown: organization(slug: "no-such-organization") { id }
      }`,
      { id: acme.id },
    );
    expect(response.data).toEqual({ bySlug: { id: acme.id }, byId: { id: acme.id }, unknown: null });
  });

  it('resolves User and Organization references in one batch, null for unknown ids', async () => {
    const response = await graphqlRequest<{ _entities: ({ displayName?: string; name?: string } | null)[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on User { displayName memberships { role organization { slug } } }
          ... on Organization { name }
        }
      }`,
      {
        representations: [
          { __typename: 'User', id: recruiter.id },
          { __typename: 'Organization', id: organizations[1]!.id },
          { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      {
        displayName: recruiter.displayName,
        memberships: [
          {
            role: 'OWNER',
            organization: {
              slug: organizations.find((o) => o.id === recruiter.membership!.organizationId)!.slug,
            },
          },
        ],
      },
      { name: organizations[1]!.name },
      null,
    ]);
  });

  it('does not expose e-mail addresses in the public schema', async () => {
    const response = await graphqlRequest(subgraph.url, `{ user(id: "${recruiter.id}") { email } }`);
    expect(response.status).toBe(400);
    expect(response.errors![0]!.extensions!['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  describe('rejects bad arguments with BAD_USER_INPUT', () => {
    it.each([
      ['a page larger than 100', '{ organizations(first: 101) { totalCount } }', 'first'],
      ['an empty page', '{ organizations(first: 0) { totalCount } }', 'first'],
      ['a forged cursor', '{ organizations(after: "bm90LWEtY3Vyc29y") { totalCount } }', 'after'],
    ])('%s', async (_case, query, argumentName) => {
      const response = await graphqlRequest(subgraph.url, query);
      expect(response.data).toBeNull();
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    });

    it('an organization lookup with both or neither of id and slug', async () => {
      for (const query of [
        `{ organization(id: "${organizations[0]!.id}", slug: "acme-robotics") { id } }`,
        '{ organization { id } }',
      ]) {
        const response = await graphqlRequest(subgraph.url, query);
        expect(response.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
      }
    });
  });

  it('seeds the demo data only once', async () => {
    const ranAgain = await seedOnce(subgraph.orm, 'users-demo-data', seedDemoData);
    expect(ranAgain).toBe(false);
    const rows = await queryDatabase<{ count: string }>(subgraph.database.url, 'select count(*) from users');
    expect(rows).toEqual([{ count: String(users.length) }]);
  });
});
