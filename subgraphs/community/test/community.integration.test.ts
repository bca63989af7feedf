import { stripVTControlCharacters } from 'node:util';
import { Kind, parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comments, communities, posts } from '@talentgraph/demo-data';
import { graphqlRequest, queryDatabase, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { seedOnce } from '@talentgraph/platform';
import { communitySubgraph } from '../src/subgraph.ts';
import { seedDemoData } from '../src/seed.ts';

let subgraph: TestSubgraph;
let statements: string[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(communitySubgraph, { onQuery: (sql) => statements.push(sql) });
});

afterAll(async () => {
  await subgraph?.close();
});

const [typescriptFrance, dataCareers, acmeAlumni] = communities as [
  (typeof communities)[number],
  (typeof communities)[number],
  (typeof communities)[number],
];
const postsOf = (communityId: string) =>
  posts
    .filter((post) => post.communityId === communityId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
const privatePost = postsOf(acmeAlumni.id)[0]!;
const unknownId = '00000000-0000-4000-8000-000000000000';

interface PostPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string; title: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

async function selectStatementsOf(query: string, variables: Record<string, unknown> = {}) {
  statements = [];
  const response = await graphqlRequest(subgraph.url, query, variables);
  expect(response.errors).toBeUndefined();
  // The ORM colours its log lines; without stripping, "select" touches the escape code and has no \b.
  return statements.filter((line) => /\bselect\b/i.test(stripVTControlCharacters(line))).length;
}

describe('community subgraph', () => {
  describe('communities', () => {
    const query = `query ($first: Int, $after: String, $search: String) {
      communities(first: $first, after: $after, search: $search) {
        totalCount
        edges { cursor node { slug name } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;
    type Page = {
      communities: {
        totalCount: number;
        edges: { node: { slug: string; name: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
      };
    };
    const slugsOf = (page: Page) => page.communities.edges.map((edge) => edge.node.slug);

    it('pages through every community, public and private, by name', async () => {
      const first = await graphqlRequest<Page>(subgraph.url, query, { first: 2 });
      expect(first.errors).toBeUndefined();
      expect(first.data!.communities.totalCount).toBe(communities.length);
      expect(first.data!.communities.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await graphqlRequest<Page>(subgraph.url, query, {
        first: 2,
        after: first.data!.communities.pageInfo.endCursor,
      });
      expect(second.data!.communities.pageInfo.hasNextPage).toBe(false);
      expect([...slugsOf(first.data!), ...slugsOf(second.data!)]).toEqual([
        acmeAlumni.slug,
        dataCareers.slug,
        typescriptFrance.slug,
      ]);
    });

    it.each([
      ['a name, ignoring case and surrounding spaces', '  typeSCRIPT ', [typescriptFrance.slug]],
      ['a description only', 'private group', [acmeAlumni.slug]],
      [
        'words shared by several communities',
        'ers',
        [acmeAlumni.slug, dataCareers.slug, typescriptFrance.slug],
      ],
      ['nothing', 'kubernetes', []],
      ['a percent sign taken literally', '%', []],
      ['an underscore taken literally', '_', []],
      ['a backslash taken literally', '\\', []],
      ['an empty text, as no filter', '   ', [acmeAlumni.slug, dataCareers.slug, typescriptFrance.slug]],
    ])('searches %s', async (_case, search, expected) => {
      const response = await graphqlRequest<Page>(subgraph.url, query, { search });
      expect(response.errors).toBeUndefined();
      expect(slugsOf(response.data!)).toEqual(expected);
      expect(response.data!.communities.totalCount).toBe(expected.length);
    });

    it('keeps the search while paging', async () => {
      const first = await graphqlRequest<Page>(subgraph.url, query, { search: 'ers', first: 2 });
      const second = await graphqlRequest<Page>(subgraph.url, query, {
        search: 'ers',
        first: 2,
        after: first.data!.communities.pageInfo.endCursor,
      });
      expect(slugsOf(second.data!)).toEqual([typescriptFrance.slug]);
      expect(second.data!.communities.totalCount).toBe(3);
    });
  });

  describe('community', () => {
    it('finds a community by id or by slug in any case, null for an unknown one', async () => {
      const response = await graphqlRequest<Record<string, { id: string } | null>>(
        subgraph.url,
        `query ($id: ID!, $unknownId: ID!) {
          byId: community(id: $id) { id }
          bySlug: community(slug: "${dataCareers.slug.toUpperCase()}") { id }
          unknownSlug: community(slug: "no-such-community") { id }
          unknownId: community(id: $unknownId) { id }
        }`,
        { id: typescriptFrance.id, unknownId },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        byId: { id: typescriptFrance.id },
        bySlug: { id: dataCareers.id },
        unknownSlug: null,
        unknownId: null,
      });
    });

    it('describes a community with its creator, member count and creation date', async () => {
      const response = await graphqlRequest<{ community: Record<string, unknown> }>(
        subgraph.url,
        `{ community(slug: "${typescriptFrance.slug}") {
          slug name description visibility createdBy { id } memberCount createdAt
        } }`,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.community).toEqual({
        slug: typescriptFrance.slug,
        name: typescriptFrance.name,
        description: typescriptFrance.description,
        visibility: 'PUBLIC',
        createdBy: { id: typescriptFrance.createdById },
        memberCount: typescriptFrance.memberIds.length,
        // The seed dates a community from its first post.
        createdAt: postsOf(typescriptFrance.id).at(-1)!.createdAt,
      });
    });

    it('records the creator as owner and the others as members', async () => {
      const rows = await queryDatabase<{ user_id: string; role: string }>(
        subgraph.database.url,
        'select user_id, role from community_members where community_id = $1 order by user_id',
        [dataCareers.id],
      );
      expect(rows).toEqual(
        [...dataCareers.memberIds].sort().map((userId) => ({
          user_id: userId,
          role: userId === dataCareers.createdById ? 'OWNER' : 'MEMBER',
        })),
      );
    });
  });

  describe('posts of a community', () => {
    const query = `query ($slug: String!, $first: Int, $after: String) {
      community(slug: $slug) {
        posts(first: $first, after: $after) {
          totalCount
          edges { cursor node { id title } }
          pageInfo { hasNextPage hasPreviousPage endCursor }
        }
      }
    }`;
    type Response = { community: { posts: PostPage } };

    it('lists the posts newest first, page after page', async () => {
      const expected = postsOf(typescriptFrance.id);
      const first = await graphqlRequest<Response>(subgraph.url, query, {
        slug: typescriptFrance.slug,
        first: 1,
      });
      expect(first.errors).toBeUndefined();
      const firstPage = first.data!.community.posts;
      expect(firstPage.totalCount).toBe(expected.length);
      expect(firstPage.edges.map((edge) => edge.node.id)).toEqual([expected[0]!.id]);
      expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

      const second = await graphqlRequest<Response>(subgraph.url, query, {
        slug: typescriptFrance.slug,
        first: 1,
        after: firstPage.pageInfo.endCursor,
      });
      expect(second.errors).toBeUndefined();
      const secondPage = second.data!.community.posts;
      expect(secondPage.edges.map((edge) => edge.node.id)).toEqual([expected[1]!.id]);
      expect(secondPage.pageInfo.hasNextPage).toBe(false);
    });

    it('shows no post of a private community, not even how many there are', async () => {
      const response = await graphqlRequest<{ community: { memberCount: number; posts: PostPage } }>(
        subgraph.url,
        `{ community(slug: "${acmeAlumni.slug}") { memberCount posts { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
      );
      expect(response.errors).toBeUndefined();
      expect(postsOf(acmeAlumni.id).length).toBeGreaterThan(0);
      expect(response.data!.community).toEqual({
        memberCount: acmeAlumni.memberIds.length,
        posts: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      });
    });
  });

  describe('post', () => {
    it('returns a post with its community, author and dates', async () => {
      const expected = postsOf(dataCareers.id)[0]!;
      const response = await graphqlRequest<{ post: Record<string, unknown> }>(
        subgraph.url,
        `query ($id: ID!) { post(id: $id) { id title body author { id } community { slug } createdAt updatedAt } }`,
        { id: expected.id },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.post).toEqual({
        id: expected.id,
        title: expected.title,
        body: expected.body,
        author: { id: expected.authorId },
        community: { slug: dataCareers.slug },
        createdAt: expected.createdAt,
        updatedAt: expected.createdAt,
      });
    });

    it('answers null for an unknown post and for a post of a private community', async () => {
      const response = await graphqlRequest<Record<string, unknown>>(
        subgraph.url,
        `query ($unknownId: ID!, $privateId: ID!) {
          unknown: post(id: $unknownId) { id }
          private: post(id: $privateId) { id title }
        }`,
        { unknownId, privateId: privatePost.id },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ unknown: null, private: null });
    });
  });

  describe('_entities', () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Community { slug memberCount }
        ... on Post { title community { slug } }
      }
    }`;

    it('resolves communities and posts, null for unknown, malformed and hidden ones', async () => {
      const readablePost = postsOf(typescriptFrance.id)[0]!;
      const response = await graphqlRequest<{ _entities: unknown[] }>(subgraph.url, query, {
        representations: [
          { __typename: 'Community', id: acmeAlumni.id },
          { __typename: 'Post', id: readablePost.id },
          { __typename: 'Post', id: privatePost.id },
          { __typename: 'Community', id: unknownId },
          { __typename: 'Post', id: unknownId },
          { __typename: 'Post', id: 'not-a-uuid' },
          { __typename: 'Community', id: 'not-a-uuid' },
        ],
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!._entities).toEqual([
        { slug: acmeAlumni.slug, memberCount: acmeAlumni.memberIds.length },
        { title: readablePost.title, community: { slug: typescriptFrance.slug } },
        null,
        null,
        null,
        null,
        null,
      ]);
    });
  });

  describe('batching', () => {
    const nestedQuery = `query ($search: String) {
      communities(search: $search) {
        edges { node {
          memberCount
          createdBy { id }
          posts(first: 1) { totalCount edges { node { title author { id } community { name memberCount } } } }
        } }
      }
    }`;

    it('lists N communities with member counts and posts in a constant number of queries', async () => {
      const forOne = await selectStatementsOf(nestedQuery, { search: typescriptFrance.name });
      const forAll = await selectStatementsOf(nestedQuery);
      expect(forAll).toBe(forOne);
      // Page and total, member counts, first pages of posts (whose communities are the ones listed).
      expect(forAll).toBe(4);
    });

    it('resolves N post references in a constant number of queries', async () => {
      const query = `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Post { title community { slug memberCount } } }
      }`;
      const representationsOf = (ids: string[]) => ({
        representations: ids.map((id) => ({ __typename: 'Post', id })),
      });
      const forOne = await selectStatementsOf(query, representationsOf([posts[0]!.id]));
      const forAll = await selectStatementsOf(query, representationsOf(posts.map((post) => post.id)));
      expect(forAll).toBe(forOne);
      // Posts, their communities, member counts.
      expect(forAll).toBe(3);
    });
  });

  describe('rejects bad arguments with BAD_USER_INPUT', () => {
    it.each([
      ['a page larger than 100', '{ communities(first: 101) { totalCount } }', 'first'],
      ['an empty page', '{ communities(first: 0) { totalCount } }', 'first'],
      ['a forged cursor', '{ communities(after: "bm90LWEtY3Vyc29y") { totalCount } }', 'after'],
      [
        'a search longer than 100 characters',
        `{ communities(search: "${'a'.repeat(101)}") { totalCount } }`,
        'search',
      ],
    ])('communities: %s', async (_case, query, argumentName) => {
      const response = await graphqlRequest(subgraph.url, query);
      expect(response.data).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    });

    it.each([
      [
        'a community lookup with both id and slug',
        `{ community(id: "${typescriptFrance.id}", slug: "${typescriptFrance.slug}") { id } }`,
        'slug',
      ],
      ['a community lookup with neither id nor slug', '{ community { id } }', 'id'],
      ['a malformed community id', '{ community(id: "typescript-france") { id } }', 'id'],
      ['a malformed post id', '{ post(id: "42") { id } }', 'id'],
    ])('%s', async (_case, query, argumentName) => {
      const response = await graphqlRequest(subgraph.url, query);
      expect(Object.values(response.data!)).toEqual([null]);
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    });

    it.each([
      ['a page larger than 100', 'posts(first: 101)', 'first'],
      ['an empty page', 'posts(first: 0)', 'first'],
      ['a forged cursor', 'posts(after: "bm90LWEtY3Vyc29y")', 'after'],
    ])('posts of a community: %s', async (_case, field, argumentName) => {
      const response = await graphqlRequest<{ community: null }>(
        subgraph.url,
        `{ community(slug: "${typescriptFrance.slug}") { ${field} { totalCount } } }`,
      );
      expect(response.data).toEqual({ community: null });
      expect(response.errors![0]!.path).toEqual(['community', 'posts']);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    });
  });

  describe('subscriptions', () => {
    it('are refused with a clear message when sent to the subgraph rather than to the gateway', async () => {
      const response = await graphqlRequest(
        subgraph.url,
        'subscription ($id: ID!) { postAdded(communityId: $id) { id } }',
        { id: typescriptFrance.id },
      );
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.message).toBe(
        'Subscriptions are served by the gateway over WebSocket (graphql-ws on its /graphql path), not by the community subgraph.',
      );
      expect(response.errors![0]!.extensions?.['code']).toBe('BAD_REQUEST');
    });

    it('are declared in the schema the subgraph serves to the gateway, with descriptions', async () => {
      const response = await graphqlRequest<{ _service: { sdl: string } }>(
        subgraph.url,
        '{ _service { sdl } }',
      );
      const subscription = parse(response.data!._service.sdl).definitions.find(
        (definition) =>
          definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Subscription',
      ) as ObjectTypeDefinitionNode;
      expect(
        subscription.fields!.map((field) => [field.name.value, print(field.type), field.description?.value]),
      ).toEqual([
        [
          'postAdded',
          'Post!',
          'A post was published in this community; members only for a private community.',
        ],
        ['commentAdded', 'Comment!', 'A comment was added under this post; readers of the post only.'],
      ]);
    });
  });

  it('seeds the demo data only once', async () => {
    const ranAgain = await seedOnce(subgraph.orm, 'community-demo-data', seedDemoData);
    expect(ranAgain).toBe(false);
    const rows = await queryDatabase<{
      communities: number;
      posts: number;
      members: number;
      moderators: number;
      comments: number;
      deepest: number;
    }>(
      subgraph.database.url,
      `select (select count(*)::int from communities) as communities,
              (select count(*)::int from posts) as posts,
              (select count(*)::int from community_members) as members,
              (select count(*)::int from community_members where role = 'MODERATOR') as moderators,
              (select count(*)::int from comments) as comments,
              (select max(depth)::int from comments) as deepest`,
    );
    expect(rows).toEqual([
      {
        communities: communities.length,
        posts: posts.length,
        members: communities.reduce((total, community) => total + community.memberIds.length, 0),
        moderators: communities.reduce((total, community) => total + community.moderatorIds.length, 0),
        comments: comments.length,
        deepest: 3,
      },
    ]);
  });
});
