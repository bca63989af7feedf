import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import type { Viewer } from '@talentgraph/auth';
import { organizations } from '@talentgraph/demo-data';
import { POST_BODY_MAX_LENGTH, POST_TITLE_MAX_LENGTH } from '../src/domain/post.ts';
import {
  UNKNOWN_ID,
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

const world = startForTests(startCommunityWorld);

const CREATE = `mutation ($input: CreatePostInput!) {
  createPost(input: $input) {
    post { id title body author { id } community { id } createdAt updatedAt comments { totalCount } }
    errors { code message field }
  }
}`;
const UPDATE = `mutation ($input: UpdatePostInput!) {
  updatePost(input: $input) { post { id title body createdAt updatedAt } errors { code message field } }
}`;
const DELETE = `mutation ($input: DeletePostInput!) {
  deletePost(input: $input) { deletedPostId community { id } errors { code message field } }
}`;

type PostOf = {
  id: string;
  title: string;
  body: string;
  author?: { id: string };
  community?: { id: string };
  createdAt: string;
  updatedAt: string;
  comments?: { totalCount: number };
};
type CreatePayload = { createPost: { post: PostOf | null; errors: UserErrorOf[] } };
type UpdatePayload = { updatePost: { post: PostOf | null; errors: UserErrorOf[] } };
type DeletePayload = {
  deletePost: { deletedPostId: string | null; community: { id: string } | null; errors: UserErrorOf[] };
};

const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId: organizations[0]!.id,
  roles: ['PARTNER'],
};

async function refusedWithoutWriting<Data>(viewer: Viewer | null, mutation: string, input: object) {
  const before = await everything(world);
  const response = await request<Data>(world, viewer, mutation, { input });
  expect(await everything(world)).toEqual(before);
  return response;
}

const postRow = async (id: string) =>
  (
    await rows<{ title: string; body: string; author_id: string; created_at: Date; updated_at: Date }>(
      world,
      'select title, body, author_id, created_at, updated_at from posts where id = $1',
      [id],
    )
  )[0] ?? null;

const validPost = { title: 'Hiring in Lyon', body: 'Two backend roles, hybrid.' };

describe('createPost', () => {
  it('publishes the trimmed post of a member, first in the community', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[member, 'MEMBER']]);
    await newPost(world, community.id, community.owner, { createdAt: new Date(Date.now() - 60_000) });
    const response = await request<CreatePayload>(world, member, CREATE, {
      input: {
        communityId: community.id,
        title: '  Hiring in Lyon\t',
        body: '\r\nTwo roles:\r\n\t- backend\r\n',
      },
    });
    expect(response.errors).toBeUndefined();
    const { post, errors } = response.data!.createPost;
    expect(errors).toEqual([]);
    expect(post).toMatchObject({
      title: 'Hiring in Lyon',
      body: 'Two roles:\n\t- backend',
      author: { id: idOf(member) },
      community: { id: community.id },
      comments: { totalCount: 0 },
    });
    expect(post!.updatedAt).toBe(post!.createdAt);
    expect(await postRow(post!.id)).toMatchObject({ title: 'Hiring in Lyon', author_id: idOf(member) });
    const listed = await request<{ community: { posts: { edges: { node: { id: string } }[] } } }>(
      world,
      null,
      'query ($id: ID) { community(id: $id) { posts(first: 1) { edges { node { id } } } } }',
      { id: community.id },
    );
    expect(listed.data!.community.posts.edges[0]!.node.id).toBe(post!.id);
  });

  it.each([
    ['a community moderator', 'MODERATOR'],
    ['the owner', 'OWNER'],
    ['a platform moderator who is not a member', 'PLATFORM_MODERATOR'],
    ['a platform admin who is not a member', 'PLATFORM_ADMIN'],
  ])('lets %s post in a private community', async (_who, kind) => {
    const moderator = newPerson();
    const community = await newCommunity(
      world,
      'PRIVATE',
      kind === 'MODERATOR' ? [[moderator, 'MODERATOR']] : [],
    );
    const author =
      kind === 'OWNER'
        ? community.owner
        : kind === 'PLATFORM_MODERATOR'
          ? newPerson(['MODERATOR'])
          : kind === 'PLATFORM_ADMIN'
            ? newPerson(['ADMIN'])
            : moderator;
    const response = await request<CreatePayload>(world, author, CREATE, {
      input: { communityId: community.id, ...validPost },
    });
    expect(response.data!.createPost.errors).toEqual([]);
    expect(response.data!.createPost.post!.author).toEqual({ id: idOf(author) });
  });

  it.each([
    ['a public community', 'PUBLIC', 'Join the community to post.'],
    ['a private community', 'PRIVATE', 'Only members post in this private community.'],
  ])('refuses a non-member of %s with FORBIDDEN, writing nothing', async (_case, visibility, message) => {
    const community = await newCommunity(world, visibility as 'PUBLIC' | 'PRIVATE');
    const response = await refusedWithoutWriting<CreatePayload>(newPerson(['RECRUITER']), CREATE, {
      communityId: community.id,
      ...validPost,
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0]!.message).toBe(message);
  });

  it('refuses a member removed a moment ago, whatever their token says', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[member, 'MEMBER']]);
    await request(
      world,
      community.owner,
      'mutation ($input: RemoveCommunityMemberInput!) { removeCommunityMember(input: $input) { errors { code } } }',
      {
        input: { communityId: community.id, userId: idOf(member) },
      },
    );
    const response = await refusedWithoutWriting<CreatePayload>(member, CREATE, {
      communityId: community.id,
      ...validPost,
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it.each([
    [
      'a title too long',
      { title: 'a'.repeat(POST_TITLE_MAX_LENGTH + 1) },
      [['TOO_LONG', 'title', `The title may have at most ${POST_TITLE_MAX_LENGTH} characters (it has 201).`]],
    ],
    [
      'a title too short once trimmed',
      { title: '  Hi  ' },
      [['TOO_SHORT', 'title', 'The title needs at least 3 characters (it has 2).']],
    ],
    [
      'a body too long',
      { body: 'a'.repeat(POST_BODY_MAX_LENGTH + 1) },
      [['TOO_LONG', 'body', `The post may have at most ${POST_BODY_MAX_LENGTH} characters (it has 20001).`]],
    ],
    [
      'an empty title and a blank body',
      { title: '', body: ' \n ' },
      [
        ['REQUIRED', 'title', 'Give the post a title.'],
        ['REQUIRED', 'body', 'Write something in the post.'],
      ],
    ],
    [
      'control characters',
      { title: 'Two\nlines', body: 'Bell\u0007' },
      [
        ['CONTROL_CHARACTER', 'title', 'The title must fit on one line and contain no control characters.'],
        [
          'CONTROL_CHARACTER',
          'body',
          'The post may contain line breaks and tabs but no other control characters.',
        ],
      ],
    ],
  ])('answers %s with typed errors, writing nothing', async (_case, change, expected) => {
    const member = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[member, 'MEMBER']]);
    const response = await refusedWithoutWriting<CreatePayload>(member, CREATE, {
      communityId: community.id,
      ...validPost,
      ...change,
    });
    expect(response.data!.createPost).toEqual({
      post: null,
      errors: expected.map(([code, field, message]) => ({ code, message, field: ['input', field] })),
    });
  });

  it('answers COMMUNITY_NOT_FOUND for an unknown community, writing nothing', async () => {
    const response = await refusedWithoutWriting<CreatePayload>(newPerson(['ADMIN']), CREATE, {
      communityId: UNKNOWN_ID,
      ...validPost,
    });
    expect(response.data!.createPost).toEqual({
      post: null,
      errors: [
        {
          code: 'COMMUNITY_NOT_FOUND',
          message: 'No community has this id.',
          field: ['input', 'communityId'],
        },
      ],
    });
  });

  it.each([
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ['a partner key', partner, 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_who, viewer, code) => {
    const community = await newCommunity(world, 'PUBLIC');
    const response = await refusedWithoutWriting<CreatePayload>(viewer, CREATE, {
      communityId: community.id,
      ...validPost,
    });
    expect(errorCodes(response)).toEqual([code]);
  });

  it('refuses a malformed community id with BAD_USER_INPUT', async () => {
    const response = await refusedWithoutWriting<CreatePayload>(newPerson(['ADMIN']), CREATE, {
      communityId: 'typescript-france',
      ...validPost,
    });
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'communityId',
    });
  });
});

describe('updatePost', () => {
  async function authoredPost(visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC') {
    const author = newPerson();
    const community = await newCommunity(world, visibility, [[author, 'MEMBER']]);
    const postId = await newPost(world, community.id, author, { createdAt: new Date(Date.now() - 60_000) });
    return { author, community, postId };
  }

  it('lets the author change the title, the body or both; updatedAt moves, createdAt stays', async () => {
    const { author, postId } = await authoredPost();
    const before = (await postRow(postId))!;
    const titleOnly = await request<UpdatePayload>(world, author, UPDATE, {
      input: { postId, title: ' A better title ' },
    });
    expect(titleOnly.errors).toBeUndefined();
    expect(titleOnly.data!.updatePost.post).toMatchObject({ title: 'A better title', body: before.body });
    const both = await request<UpdatePayload>(world, author, UPDATE, {
      input: { postId, title: 'Final title', body: 'Final\r\nbody' },
    });
    const post = both.data!.updatePost.post!;
    expect(post).toMatchObject({
      title: 'Final title',
      body: 'Final\nbody',
      createdAt: before.created_at.toISOString(),
    });
    expect(Date.parse(post.updatedAt)).toBeGreaterThan(before.updated_at.getTime());
    expect(await postRow(postId)).toMatchObject({ title: 'Final title', body: 'Final\nbody' });
  });

  it.each([
    ['another member', 'MEMBER'],
    ['a community moderator', 'MODERATOR'],
    ['a platform admin', 'ADMIN'],
  ])('refuses %s with FORBIDDEN: only the author edits, writing nothing', async (_who, role) => {
    const { community, postId } = await authoredPost();
    const other = role === 'ADMIN' ? newPerson(['ADMIN']) : newPerson();
    if (role !== 'ADMIN') {
      await rows(
        world,
        `insert into community_members (id, community_id, user_id, role, joined_at) values ($1, $2, $3, $4, now())`,
        [randomUUID(), community.id, idOf(other), role],
      );
    }
    const response = await refusedWithoutWriting<UpdatePayload>(other, UPDATE, { postId, title: 'Hijacked' });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0]!.message).toBe('Only its author edits a post.');
  });

  it('refuses an author who left the community, writing nothing', async () => {
    const { author, community, postId } = await authoredPost();
    await rows(world, 'delete from community_members where community_id = $1 and user_id = $2', [
      community.id,
      idOf(author),
    ]);
    const response = await refusedWithoutWriting<UpdatePayload>(author, UPDATE, {
      postId,
      title: 'Edited later',
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('answers invalid changes with typed errors, leaving the post as it was', async () => {
    const { author, postId } = await authoredPost();
    const response = await refusedWithoutWriting<UpdatePayload>(author, UPDATE, {
      postId,
      body: 'a'.repeat(POST_BODY_MAX_LENGTH + 1),
    });
    expect(response.data!.updatePost.errors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'TOO_LONG', field: ['input', 'body'] },
    ]);
  });

  it('answers NOTHING_TO_UPDATE when no field is given', async () => {
    const { author, postId } = await authoredPost();
    const response = await refusedWithoutWriting<UpdatePayload>(author, UPDATE, { postId, title: null });
    expect(response.data!.updatePost).toEqual({
      post: null,
      errors: [{ code: 'NOTHING_TO_UPDATE', message: 'Give a new title, a new body, or both.', field: null }],
    });
  });

  it('answers POST_NOT_FOUND for an unknown post, a deleted one, and a private one the caller cannot read', async () => {
    const { author, postId: deleted } = await authoredPost();
    await request(world, author, DELETE, { input: { postId: deleted } });
    const { postId: hidden } = await authoredPost('PRIVATE');
    for (const postId of [UNKNOWN_ID, deleted, hidden]) {
      const response = await refusedWithoutWriting<UpdatePayload>(author, UPDATE, {
        postId,
        title: 'New title',
      });
      expect(response.data!.updatePost).toEqual({
        post: null,
        errors: [
          { code: 'POST_NOT_FOUND', message: 'No post you can see has this id.', field: ['input', 'postId'] },
        ],
      });
    }
  });

  it('refuses a malformed id with BAD_USER_INPUT', async () => {
    const response = await refusedWithoutWriting<UpdatePayload>(newPerson(), UPDATE, {
      postId: '5',
      title: 'abc',
    });
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'postId' });
  });
});

describe('deletePost', () => {
  async function threadIn(visibility: 'PUBLIC' | 'PRIVATE') {
    const author = newPerson();
    const commenter = newPerson();
    const community = await newCommunity(world, visibility, [
      [author, 'MEMBER'],
      [commenter, 'MEMBER'],
    ]);
    const postId = await newPost(world, community.id, author);
    const first = await newComment(world, postId, commenter);
    await newComment(world, postId, author, { parentId: first });
    return { author, commenter, community, postId };
  }
  const commentsOf = (postId: string) => rows(world, 'select id from comments where post_id = $1', [postId]);

  it('lets the author delete the post, its comment thread with it', async () => {
    const { author, community, postId } = await threadIn('PUBLIC');
    const response = await request<DeletePayload>(world, author, DELETE, { input: { postId } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.deletePost).toEqual({
      deletedPostId: postId,
      community: { id: community.id },
      errors: [],
    });
    expect(await postRow(postId)).toBeNull();
    expect(await commentsOf(postId)).toEqual([]);
  });

  it.each([
    ['the owner', 'OWNER'],
    ['a community moderator', 'MODERATOR'],
    ['a platform moderator', 'PLATFORM_MODERATOR'],
    ['a platform admin', 'PLATFORM_ADMIN'],
  ])('lets %s delete the post of a member of a private community', async (_who, kind) => {
    const { community, postId } = await threadIn('PRIVATE');
    let caller: Viewer = community.owner;
    if (kind === 'MODERATOR') {
      caller = newPerson();
      await rows(
        world,
        `insert into community_members (id, community_id, user_id, role, joined_at) values ($1, $2, $3, 'MODERATOR', now())`,
        [randomUUID(), community.id, idOf(caller)],
      );
    }
    if (kind === 'PLATFORM_MODERATOR') caller = newPerson(['MODERATOR']);
    if (kind === 'PLATFORM_ADMIN') caller = newPerson(['ADMIN']);
    const response = await request<DeletePayload>(world, caller, DELETE, { input: { postId } });
    expect(response.data!.deletePost.errors).toEqual([]);
    expect(await postRow(postId)).toBeNull();
  });

  it('lets an author removed from a private community still delete their own post', async () => {
    const { author, community, postId } = await threadIn('PRIVATE');
    await rows(world, 'delete from community_members where community_id = $1 and user_id = $2', [
      community.id,
      idOf(author),
    ]);
    const response = await request<DeletePayload>(world, author, DELETE, { input: { postId } });
    expect(response.data!.deletePost.deletedPostId).toBe(postId);
  });

  it('refuses another member with FORBIDDEN, writing nothing', async () => {
    const { commenter, postId } = await threadIn('PUBLIC');
    const response = await refusedWithoutWriting<DeletePayload>(commenter, DELETE, { postId });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('answers POST_NOT_FOUND for an unknown post, an already deleted one, and a private one the caller cannot read', async () => {
    const { author, postId: deleted } = await threadIn('PUBLIC');
    await request(world, author, DELETE, { input: { postId: deleted } });
    const { postId: hidden } = await threadIn('PRIVATE');
    for (const postId of [UNKNOWN_ID, deleted, hidden]) {
      const response = await refusedWithoutWriting<DeletePayload>(newPerson(), DELETE, { postId });
      expect(response.data!.deletePost).toEqual({
        deletedPostId: null,
        community: null,
        errors: [
          { code: 'POST_NOT_FOUND', message: 'No post you can see has this id.', field: ['input', 'postId'] },
        ],
      });
    }
  });

  it('refuses anonymous callers, partner keys and malformed ids, writing nothing', async () => {
    const { postId } = await threadIn('PUBLIC');
    expect(errorCodes(await refusedWithoutWriting(null, DELETE, { postId }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await refusedWithoutWriting(partner, DELETE, { postId }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await refusedWithoutWriting(newPerson(), DELETE, { postId: 'x' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
