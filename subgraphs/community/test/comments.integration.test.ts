import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { comments, communities, organizations, posts, users } from '@talentgraph/demo-data';
import { COMMENT_BODY_MAX_LENGTH, MAX_COMMENT_DEPTH } from '../src/domain/comment.ts';
import {
  UNKNOWN_ID,
  countSelects,
  errorCodes,
  everything,
  idOf,
  newComment,
  newCommunity,
  newPerson,
  newPost,
  request,
  rows,
  startCommunityWorld,
  type UserErrorOf,
} from './support/world.ts';
import { startForTests, testUser } from '@talentgraph/testing';

const world = startForTests(startCommunityWorld);

const CREATE = `mutation ($input: CreateCommentInput!) {
  createComment(input: $input) {
    comment { id body depth author { id } post { id } parent { id } createdAt replies { totalCount } }
    errors { code message field }
  }
}`;
type CommentOf = {
  id: string;
  body: string;
  depth: number;
  author: { id: string };
  post: { id: string };
  parent: { id: string } | null;
  createdAt: string;
  replies: { totalCount: number };
};
type CreatePayload = { createComment: { comment: CommentOf | null; errors: UserErrorOf[] } };

const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId: organizations[0]!.id,
  roles: ['PARTNER'],
};

async function refusedWithoutWriting<Data>(viewer: Viewer | null, input: object) {
  const before = await everything(world);
  const response = await request<Data>(world, viewer, CREATE, { input });
  expect(await everything(world)).toEqual(before);
  return response;
}

/** A public community with a post by its owner, and a member who comments. */
async function discussion(visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC') {
  const member = newPerson();
  const community = await newCommunity(world, visibility, [[member, 'MEMBER']]);
  const postId = await newPost(world, community.id, community.owner);
  return { member, community, postId };
}

const refusal = (code: string, message: string, field: string) => ({
  comment: null,
  errors: [{ code, message, field: ['input', field] }],
});

describe('createComment', () => {
  it('publishes a comment on the post, then a reply to it one level deeper', async () => {
    const { member, community, postId } = await discussion();
    const first = await request<CreatePayload>(world, member, CREATE, {
      input: { postId, body: '  Count me in!\r\n' },
    });
    expect(first.errors).toBeUndefined();
    const comment = first.data!.createComment.comment!;
    expect(first.data!.createComment.errors).toEqual([]);
    expect(comment).toMatchObject({
      body: 'Count me in!',
      depth: 1,
      author: { id: idOf(member) },
      post: { id: postId },
      parent: null,
      replies: { totalCount: 0 },
    });
    const reply = await request<CreatePayload>(world, community.owner, CREATE, {
      input: { postId, body: 'Great, see you there.', parentCommentId: comment.id },
    });
    expect(reply.data!.createComment.comment).toMatchObject({ depth: 2, parent: { id: comment.id } });
    expect(
      await rows(
        world,
        'select parent_id, depth, author_id from comments where post_id = $1 order by depth',
        [postId],
      ),
    ).toEqual([
      { parent_id: null, depth: 1, author_id: idOf(member) },
      { parent_id: comment.id, depth: 2, author_id: idOf(community.owner) },
    ]);
  });

  it('lets the platform moderators and admins comment in a private community they do not belong to', async () => {
    const { postId } = await discussion('PRIVATE');
    for (const staff of [newPerson(['MODERATOR']), newPerson(['ADMIN'])]) {
      const response = await request<CreatePayload>(world, staff, CREATE, {
        input: { postId, body: 'Noted.' },
      });
      expect(response.data!.createComment.errors).toEqual([]);
    }
  });

  it(`takes replies down to depth ${MAX_COMMENT_DEPTH}, then THREAD_TOO_DEEP, writing nothing`, async () => {
    const { member, postId } = await discussion();
    let parentId: string | null = null;
    for (let depth = 1; depth <= MAX_COMMENT_DEPTH; depth += 1) {
      const response: Awaited<ReturnType<typeof request<CreatePayload>>> = await request<CreatePayload>(
        world,
        member,
        CREATE,
        { input: { postId, body: `Level ${depth}`, parentCommentId: parentId } },
      );
      expect(response.data!.createComment.comment!.depth).toBe(depth);
      parentId = response.data!.createComment.comment!.id;
    }
    const tooDeep = await refusedWithoutWriting<CreatePayload>(member, {
      postId,
      body: 'One more',
      parentCommentId: parentId,
    });
    expect(tooDeep.data!.createComment).toEqual(
      refusal(
        'THREAD_TOO_DEEP',
        'Threads are at most 5 levels deep: reply to a comment higher up.',
        'parentCommentId',
      ),
    );
  });

  it('refuses a parent comment of another post, and an unknown one, writing nothing', async () => {
    const { member, community, postId } = await discussion();
    const otherPost = await newPost(world, community.id, member);
    const elsewhere = await newComment(world, otherPost, member);
    for (const parentCommentId of [elsewhere, UNKNOWN_ID]) {
      const response = await refusedWithoutWriting<CreatePayload>(member, {
        postId,
        body: 'Reply',
        parentCommentId,
      });
      expect(response.data!.createComment).toEqual(
        refusal('PARENT_COMMENT_NOT_FOUND', 'No comment of this post has this id.', 'parentCommentId'),
      );
    }
  });

  it.each([
    [
      'too long',
      'a'.repeat(COMMENT_BODY_MAX_LENGTH + 1),
      'TOO_LONG',
      `A comment may have at most ${COMMENT_BODY_MAX_LENGTH} characters (it has ${COMMENT_BODY_MAX_LENGTH + 1}).`,
    ],
    ['blank', ' \r\n\t ', 'REQUIRED', 'Write something.'],
    [
      'with control characters',
      'Bell\u0007',
      'CONTROL_CHARACTER',
      'A comment may contain line breaks and tabs but no other control characters.',
    ],
  ])('answers a body %s with a typed error, writing nothing', async (_case, body, code, message) => {
    const { member, postId } = await discussion();
    const response = await refusedWithoutWriting<CreatePayload>(member, { postId, body });
    expect(response.data!.createComment).toEqual(refusal(code, message, 'body'));
  });

  it('refuses a non-member of a public community with FORBIDDEN, writing nothing', async () => {
    const { postId } = await discussion();
    const response = await refusedWithoutWriting<CreatePayload>(newPerson(['RECRUITER']), {
      postId,
      body: 'Hello',
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0]!.message).toBe('Join the community to comment.');
  });

  it('answers POST_NOT_FOUND for a post of a private community the caller does not read, an unknown and a deleted post', async () => {
    const { postId: hidden } = await discussion('PRIVATE');
    const { member, postId: deleted } = await discussion();
    await rows(world, 'delete from posts where id = $1', [deleted]);
    for (const [caller, postId] of [
      [newPerson(), hidden],
      [member, deleted],
      [member, UNKNOWN_ID],
    ] as const) {
      const response = await refusedWithoutWriting<CreatePayload>(caller, { postId, body: 'Hello' });
      expect(response.data!.createComment).toEqual(
        refusal('POST_NOT_FOUND', 'No post you can see has this id.', 'postId'),
      );
    }
  });

  it('refuses a member removed a moment ago, whatever their token says', async () => {
    const { member, community, postId } = await discussion('PRIVATE');
    await rows(world, 'delete from community_members where community_id = $1 and user_id = $2', [
      community.id,
      idOf(member),
    ]);
    const response = await refusedWithoutWriting<CreatePayload>(member, { postId, body: 'Still here?' });
    expect(response.data!.createComment.errors.map((error) => error.code)).toEqual(['POST_NOT_FOUND']);
  });

  it.each([
    ['postId', { postId: 'post-1', body: 'Hello' }],
    ['parentCommentId', { postId: posts[0]!.id, body: 'Hello', parentCommentId: '7' }],
  ])('refuses a malformed %s with BAD_USER_INPUT, writing nothing', async (argumentName, input) => {
    const response = await refusedWithoutWriting<CreatePayload>(newPerson(['ADMIN']), input);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it.each([
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ['a partner key', partner, 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_who, viewer, code) => {
    const response = await refusedWithoutWriting<CreatePayload>(viewer, {
      postId: posts[0]!.id,
      body: 'Hello',
    });
    expect(errorCodes(response)).toEqual([code]);
  });
});

describe('reading the demo threads', () => {
  const THREAD = `query ($id: ID!) {
    post(id: $id) {
      comments {
        totalCount
        edges { node { id depth author { id } replies { totalCount edges { node { id parent { id } replies { edges { node { id } } } } } } } }
      }
    }
  }`;

  it('lists the comments on a post oldest first, each with its replies', async () => {
    const response = await request<{
      post: {
        comments: {
          totalCount: number;
          edges: {
            node: {
              id: string;
              depth: number;
              replies: {
                totalCount: number;
                edges: {
                  node: {
                    id: string;
                    parent: { id: string };
                    replies: { edges: { node: { id: string } }[] };
                  };
                }[];
              };
            };
          }[];
        };
      };
    }>(world, null, THREAD, { id: posts[0]!.id });
    expect(response.errors).toBeUndefined();
    const [c1, c2, c3, c4] = comments;
    const page = response.data!.post.comments;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((edge) => edge.node.id)).toEqual([c1!.id, c4!.id]);
    expect(page.edges[0]!.node.replies).toEqual({
      totalCount: 1,
      edges: [
        { node: { id: c2!.id, parent: { id: c1!.id }, replies: { edges: [{ node: { id: c3!.id } }] } } },
      ],
    });
  });

  it('pages through comments and replies with first and after', async () => {
    const { member, postId } = await discussion();
    const ids: string[] = [];
    for (let minute = 5; minute >= 1; minute -= 1) {
      ids.push(
        await newComment(world, postId, member, { createdAt: new Date(Date.now() - minute * 60_000) }),
      );
    }
    const query = `query ($id: ID!, $after: String) {
      post(id: $id) { comments(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }
    }`;
    type Page = {
      post: {
        comments: {
          totalCount: number;
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: Awaited<ReturnType<typeof request<Page>>> = await request<Page>(world, null, query, {
        id: postId,
        after,
      });
      const page = response.data!.post.comments;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it.each([
    ['a page larger than 100', 'comments(first: 101)', 'first'],
    ['a forged cursor', 'comments(after: "bm90LWEtY3Vyc29y")', 'after'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, field, argumentName) => {
    const response = await request(
      world,
      null,
      `query ($id: ID!) { post(id: $id) { ${field} { totalCount } } }`,
      {
        id: posts[0]!.id,
      },
    );
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('comments of a private community', () => {
  const acmeAlumni = communities[2]!;
  const privatePost = posts.find((post) => post.communityId === acmeAlumni.id)!;
  const privateComment = comments.find((comment) => comment.postId === privatePost.id)!;
  const demoUser = (role: string) => users.find((user) => user.roles.includes(role as never))!;
  const outsiderId = communities[0]!.memberIds.find((id) => !acmeAlumni.memberIds.includes(id))!;

  const viewers: readonly [string, boolean, Viewer | null][] = [
    ['its owner', true, testUser(acmeAlumni.createdById, { roles: ['RECRUITER'] })],
    ['a member', true, testUser(acmeAlumni.memberIds.find((id) => id !== acmeAlumni.createdById)!)],
    [
      'a platform moderator who is not a member',
      true,
      testUser(demoUser('MODERATOR').id, { roles: ['MODERATOR'] }),
    ],
    ['a platform admin who is not a member', true, testUser(demoUser('ADMIN').id, { roles: ['ADMIN'] })],
    ['a member of another community only', false, testUser(outsiderId)],
    ['a partner key', false, partner],
    ['an anonymous caller', false, null],
  ];

  it.each(viewers)(
    'through Community.posts, post(id), comment(id) and _entities, read by %s: %s (otherwise no comments and null)',
    async (_who, reads, viewer) => {
      const response = await request<Record<string, unknown>>(
        world,
        viewer,
        `query ($slug: String!, $postId: ID!, $commentId: ID!, $representations: [_Any!]!) {
          community(slug: $slug) { posts { edges { node { comments { totalCount edges { node { id body } } } } } } }
          post(id: $postId) { comments { edges { node { id } } } }
          comment(id: $commentId) { id body }
          _entities(representations: $representations) {
            ... on Comment { id body post { id } }
            ... on Post { comments { totalCount } }
          }
        }`,
        {
          slug: acmeAlumni.slug,
          postId: privatePost.id,
          commentId: privateComment.id,
          representations: [
            { __typename: 'Comment', id: privateComment.id },
            { __typename: 'Post', id: privatePost.id },
          ],
        },
      );
      expect(response.errors).toBeUndefined();
      const expected = { id: privateComment.id, body: privateComment.body };
      expect(response.data).toEqual({
        community: {
          posts: {
            edges: reads ? [{ node: { comments: { totalCount: 1, edges: [{ node: expected }] } } }] : [],
          },
        },
        post: reads ? { comments: { edges: [{ node: { id: privateComment.id } }] } } : null,
        comment: reads ? expected : null,
        _entities: reads
          ? [{ ...expected, post: { id: privatePost.id } }, { comments: { totalCount: 1 } }]
          : [null, null],
      });
    },
  );

  it('stops showing the comments to a member as soon as they are removed', async () => {
    const { member, community, postId } = await discussion('PRIVATE');
    const commentId = await newComment(world, postId, member);
    const read = async () =>
      (
        await request<{ _entities: unknown[] }>(
          world,
          member,
          'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Comment { id } } }',
          { r: [{ __typename: 'Comment', id: commentId }] },
        )
      ).data!._entities;
    expect(await read()).toEqual([{ id: commentId }]);
    await request(
      world,
      community.owner,
      'mutation ($input: RemoveCommunityMemberInput!) { removeCommunityMember(input: $input) { errors { code } } }',
      {
        input: { communityId: community.id, userId: idOf(member) },
      },
    );
    expect(await read()).toEqual([null]);
  });

  it('resolves public, unknown and malformed comment references', async () => {
    const publicComment = comments[0]!;
    const response = await request<{ _entities: unknown[] }>(
      world,
      null,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Comment { id author { id } parent { id } } } }',
      {
        r: [
          { __typename: 'Comment', id: publicComment.id },
          { __typename: 'Comment', id: comments[1]!.id },
          { __typename: 'Comment', id: UNKNOWN_ID },
          { __typename: 'Comment', id: 'not-a-uuid' },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { id: publicComment.id, author: { id: publicComment.authorId }, parent: null },
      { id: comments[1]!.id, author: { id: comments[1]!.authorId }, parent: { id: publicComment.id } },
      null,
      null,
    ]);
  });
});

describe('batching', () => {
  const member = testUser(communities[2]!.createdById, { roles: ['RECRUITER'] });

  it('lists N communities with their posts, comments and two levels of replies in a constant number of queries', async () => {
    const query = `query ($search: String) {
      communities(search: $search) { edges { node { posts { edges { node {
        comments(first: 5) { totalCount edges { node { author { id } replies { totalCount edges { node { replies { totalCount } } } } } } }
      } } } } } }
    }`;
    const count = (search: string | null) =>
      countSelects(world, async () => {
        const response = await request(world, member, query, { search });
        expect(response.errors).toBeUndefined();
      });
    // "engineers" finds the private community and one public community; no search finds all three.
    const forTwo = await count('engineers');
    const forAll = await count(null);
    expect(forAll).toBe(forTwo);
    // Page and total, the caller's memberships, then one query per level (posts, comments, replies,
    // replies of replies) for the public communities and again for the private ones, which wait for the
    // membership: the communities the posts need are the ones already listed.
    expect(forAll).toBe(10);
  });

  it('resolves N comment references in a constant number of queries', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Comment { body post { title } } }
    }`;
    const count = (ids: string[]) =>
      countSelects(world, async () => {
        const response = await request<{ _entities: unknown[] }>(world, member, query, {
          representations: ids.map((id) => ({ __typename: 'Comment', id })),
        });
        expect(response.errors).toBeUndefined();
        expect(response.data!._entities.every((entity) => entity !== null)).toBe(true);
      });
    const forOne = await count([comments.at(-1)!.id]);
    const forAll = await count(comments.map((comment) => comment.id));
    expect(forAll).toBe(forOne);
    // Comments, their posts, the posts' communities, the caller's memberships of the private ones.
    expect(forAll).toBe(4);
  });
});
