import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { communities, organizations, posts, users } from '@talentgraph/demo-data';
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
import { communitySubgraph } from '../src/subgraph.ts';

/**
 * Who reads the posts of a private community, on every path that returns a post: `Community.posts`,
 * `post(id)` and `_entities`; and what `Community.viewerMembership` tells each caller. Callers present
 * tokens signed by a test issuer the subgraph trusts, exactly as the gateway forwards them.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;
let statements: string[] = [];

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(communitySubgraph, {
    keySource: issuer.keySource,
    onQuery: (sql) => statements.push(sql),
  });
});

afterAll(async () => {
  await subgraph?.close();
});

const [typescriptFrance, , acmeAlumni] = communities as [
  (typeof communities)[number],
  (typeof communities)[number],
  (typeof communities)[number],
];
const privatePosts = posts.filter((post) => post.communityId === acmeAlumni.id);
const privatePost = privatePosts[0]!;
const demoUser = (role: string) => users.find((user) => user.roles.includes(role as never))!;

const owner = testUser(acmeAlumni.createdById, { roles: ['RECRUITER'] });
const memberId = acmeAlumni.memberIds.find((id) => id !== acmeAlumni.createdById)!;
const member = testUser(memberId);
const outsiderId = typescriptFrance.memberIds.find((id) => !acmeAlumni.memberIds.includes(id))!;
const outsider = testUser(outsiderId);
const moderator = testUser(demoUser('MODERATOR').id, { roles: ['MODERATOR'] });
const admin = testUser(demoUser('ADMIN').id, { roles: ['ADMIN'] });
const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId: organizations[0]!.id,
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

const selectCount = () =>
  statements.filter((line) => /\bselect\b/i.test(stripVTControlCharacters(line))).length;

/** Everyone the rule tells apart, with whether they read the private community's posts. */
const viewers: readonly [string, Viewer | null, boolean][] = [
  ['its owner', owner, true],
  ['a member', member, true],
  ['a platform moderator who is not a member', moderator, true],
  ['a platform admin who is not a member', admin, true],
  ['a member of another community only', outsider, false],
  ['a partner key', partner, false],
  ['an anonymous caller', null, false],
];

describe('posts of a private community', () => {
  const POSTS = `query ($slug: String!) {
    community(slug: $slug) { posts { totalCount edges { node { id community { slug } } } } }
  }`;
  type Posts = {
    community: { posts: { totalCount: number; edges: { node: { id: string } }[] } };
  };

  it.each(viewers)(
    'through Community.posts, read by %s: %s (otherwise empty, total 0)',
    async (_who, viewer, reads) => {
      const response = await request<Posts>(viewer, POSTS, { slug: acmeAlumni.slug });
      expect(response.errors).toBeUndefined();
      const page = response.data!.community.posts;
      expect(page.edges.map((edge) => edge.node.id)).toEqual(
        reads ? privatePosts.map((post) => post.id) : [],
      );
      expect(page.totalCount).toBe(reads ? privatePosts.length : 0);
    },
  );

  it.each(viewers)(
    'through post(id) and _entities, read by %s: %s (otherwise null)',
    async (_who, viewer, reads) => {
      const response = await request(
        viewer,
        `query ($id: ID!, $representations: [_Any!]!) {
        post(id: $id) { id title }
        _entities(representations: $representations) { ... on Post { id title } }
      }`,
        { id: privatePost.id, representations: [{ __typename: 'Post', id: privatePost.id }] },
      );
      expect(response.errors).toBeUndefined();
      const expected = reads ? { id: privatePost.id, title: privatePost.title } : null;
      expect(response.data).toEqual({ post: expected, _entities: [expected] });
    },
  );

  it('leaves the posts of a public community readable by everyone', async () => {
    const publicPost = posts.find((post) => post.communityId === typescriptFrance.id)!;
    for (const [, viewer] of viewers) {
      const response = await request(viewer, 'query ($id: ID!) { post(id: $id) { id } }', {
        id: publicPost.id,
      });
      expect(response.data).toEqual({ post: { id: publicPost.id } });
    }
  });

  it('stops showing the posts to a member as soon as they leave, whatever their token says', async () => {
    const [removed] = await queryDatabase<{ role: string; joined_at: Date }>(
      subgraph.database.url,
      'delete from community_members where community_id = $1 and user_id = $2 returning role, joined_at',
      [acmeAlumni.id, memberId],
    );
    try {
      const response = await request(member, 'query ($id: ID!) { post(id: $id) { id } }', {
        id: privatePost.id,
      });
      expect(response.data).toEqual({ post: null });
    } finally {
      await queryDatabase(
        subgraph.database.url,
        'insert into community_members (id, community_id, user_id, role, joined_at) values ($1, $2, $3, $4, $5)',
        [randomUUID(), acmeAlumni.id, memberId, removed!.role, removed!.joined_at],
      );
    }
  });
});

describe('Community.viewerMembership', () => {
  const MEMBERSHIP = `query ($slug: String!) { community(slug: $slug) { viewerMembership { role joinedAt } } }`;
  type Membership = { community: { viewerMembership: { role: string; joinedAt: string } | null } };

  it.each([
    ['its owner', owner, 'OWNER'],
    ['a member', member, 'MEMBER'],
  ])('gives %s their role and the day they joined', async (_who, viewer, role) => {
    const response = await request<Membership>(viewer, MEMBERSHIP, { slug: acmeAlumni.slug });
    expect(response.errors).toBeUndefined();
    const [row] = await queryDatabase<{ joined_at: Date }>(
      subgraph.database.url,
      'select joined_at from community_members where community_id = $1 and user_id = $2',
      [acmeAlumni.id, (viewer as { userId: string }).userId],
    );
    expect(response.data!.community.viewerMembership).toEqual({
      role,
      joinedAt: row!.joined_at.toISOString(),
    });
  });

  it.each([
    ['a non-member', outsider],
    ['a platform moderator, who reads the posts without being a member', moderator],
    ['a partner key', partner],
    ['an anonymous caller', null],
  ])('is null for %s', async (_who, viewer) => {
    const response = await request<Membership>(viewer, MEMBERSHIP, { slug: acmeAlumni.slug });
    expect(response.errors).toBeUndefined();
    expect(response.data!.community.viewerMembership).toBeNull();
  });

  it('tells a member of a public community their role too', async () => {
    const response = await request<Membership>(outsider, MEMBERSHIP, { slug: typescriptFrance.slug });
    expect(response.data!.community.viewerMembership?.role).toBe('MEMBER');
  });
});

describe('batching for a signed-in caller', () => {
  it('lists every community with its posts and the viewer membership in a constant number of queries', async () => {
    const query = `query ($search: String) {
      communities(search: $search) {
        edges { node { viewerMembership { role } posts(first: 1) { totalCount edges { node { title } } } } }
      }
    }`;
    const count = async (search: string | null) => {
      statements = [];
      const response = await request(owner, query, { search });
      expect(response.errors).toBeUndefined();
      return selectCount();
    };
    // "engineers" finds the private community and one public community; no search finds all three.
    const forTwo = await count('engineers');
    const forAll = await count(null);
    expect(forAll).toBe(forTwo);
    // Page and total, memberships, the first pages of posts of the public communities, then those of the
    // private ones, which wait for the membership.
    expect(forAll).toBe(5);
  });

  it('resolves N post references in a constant number of queries', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Post { title } }
    }`;
    const count = async (ids: string[]) => {
      statements = [];
      const response = await request<{ _entities: unknown[] }>(member, query, {
        representations: ids.map((id) => ({ __typename: 'Post', id })),
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities.every((entity) => entity !== null)).toBe(true);
      return selectCount();
    };
    const forOne = await count([privatePost.id]);
    const forAll = await count(posts.map((post) => post.id));
    expect(forAll).toBe(forOne);
    // Posts, their communities, the caller's memberships of the private ones.
    expect(forAll).toBe(3);
  });
});

describe('forged identity', () => {
  it('refuses a token signed by a key the subgraph does not trust with UNAUTHENTICATED, before any resolver', async () => {
    const forger = await createTestIssuer();
    const response = await graphqlRequest(
      subgraph.url,
      'query ($id: ID!) { post(id: $id) { id } }',
      { id: privatePost.id },
      await forger.headersFor(testUser(acmeAlumni.createdById, { roles: ['ADMIN'] })),
    );
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors!.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
  });
});
