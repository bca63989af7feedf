import { LockMode } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { recordDomainEvent, requireId, type EntityManager } from '@talentgraph/platform';
import {
  decideContribution,
  decidePostDeletion,
  decidePostEdit,
  type CommunityActor,
} from '../domain/permissions.ts';
import { validateNewPost, validatePostEdit, type PostProblem } from '../domain/post.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { canReadPosts } from '../domain/visibility.ts';
import { CommunitySchema, type Community } from '../entities/Community.ts';
import { PostSchema, type Post } from '../entities/Post.ts';
import { actorIn, personOf, type Person } from '../membership/access.ts';

export interface PostPayload {
  readonly post: Post | null;
  readonly errors: UserError[];
}

export interface DeletedPostPayload {
  readonly deletedPostId: string | null;
  readonly community: Community | null;
  readonly errors: UserError[];
}

const POST_NOT_FOUND = userError('POST_NOT_FOUND', 'No post you can see has this id.', 'postId');

const problemsAsErrors = (problems: readonly PostProblem[]): UserError[] =>
  problems.map((problem) => userError(problem.code, problem.message, problem.field));

/** Refuses, as FORBIDDEN, someone who may not post in the community, telling them how to get the right. */
export function requireContributor(community: Community, actor: CommunityActor, action: string): void {
  if (decideContribution(actor).allowed) return;
  throw forbidden(
    community.visibility === 'PUBLIC'
      ? `Join the community to ${action}.`
      : `Only members ${action} in this private community.`,
  );
}

/** Publishes a post; members of the community only, and the platform's moderators and admins. */
export async function createPost(
  em: EntityManager,
  viewer: Viewer | null,
  input: { readonly communityId: string; readonly title: string; readonly body: string },
  now: Date,
): Promise<PostPayload> {
  const communityId = requireId(input.communityId, 'communityId');
  const author = personOf(viewer);
  return em.transactional(async (tx) => {
    const community = await tx.findOne(CommunitySchema, { id: communityId });
    if (!community) {
      return {
        post: null,
        errors: [userError('COMMUNITY_NOT_FOUND', 'No community has this id.', 'communityId')],
      };
    }
    requireContributor(community, await actorIn(tx, author, communityId, { lock: true }), 'post');
    const validation = validateNewPost(input);
    if (!validation.valid) return { post: null, errors: problemsAsErrors(validation.problems) };
    const post = tx.create(PostSchema, {
      community,
      authorId: author.userId,
      ...validation.post,
      createdAt: now,
      updatedAt: now,
    });
    await tx.flush();
    recordDomainEvent(
      tx,
      { viewer, now },
      {
        type: 'community.PostAdded',
        version: 1,
        aggregate: { type: 'Post', id: post.id },
        payload: { postId: post.id, communityId, authorId: author.userId },
      },
    );
    return { post, errors: [] };
  });
}

/** What a change to an existing post is decided on, read with the post row locked for the transaction. */
async function lockPost(tx: EntityManager, person: Person, postId: string) {
  const post = await tx.findOne(PostSchema, { id: postId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!post) return null;
  const community = await tx.findOneOrFail(CommunitySchema, { id: post.community.id });
  const actor = await actorIn(tx, person, community.id, { lock: true });
  const isAuthor = post.authorId === person.userId;
  // A post the caller may not read is answered as unknown, as `post(id)` does; its author knows it exists.
  const visible = isAuthor || canReadPosts(community, person, actor.membership);
  return visible ? { post, community, actor, isAuthor } : null;
}

/** Edits a post: its author only, while they may still post in the community. */
export async function updatePost(
  em: EntityManager,
  viewer: Viewer | null,
  input: { readonly postId: string; readonly title?: string | null; readonly body?: string | null },
): Promise<PostPayload> {
  const postId = requireId(input.postId, 'postId');
  const person = personOf(viewer);
  return em.transactional(async (tx) => {
    const found = await lockPost(tx, person, postId);
    if (!found) return { post: null, errors: [POST_NOT_FOUND] };
    const { post, actor, isAuthor } = found;
    const decision = decidePostEdit(actor, { isAuthor });
    if (!decision.allowed) {
      throw forbidden(
        decision.reason === 'NOT_THE_AUTHOR'
          ? 'Only its author edits a post.'
          : 'You no longer belong to this community, so your posts in it can no longer be edited.',
      );
    }
    const validation = validatePostEdit(post, input);
    if (validation === null) {
      return {
        post: null,
        errors: [userError('NOTHING_TO_UPDATE', 'Give a new title, a new body, or both.')],
      };
    }
    if (!validation.valid) return { post: null, errors: problemsAsErrors(validation.problems) };
    tx.assign(post, validation.post);
    await tx.flush();
    return { post, errors: [] };
  });
}

/**
 * Deletes a post and, through the database's cascade, its whole comment thread. The event names who
 * deleted it and its author: when they differ, a moderator removed it, which the audit log records.
 */
export async function deletePost(
  em: EntityManager,
  viewer: Viewer | null,
  input: { readonly postId: string },
  now: Date,
): Promise<DeletedPostPayload> {
  const postId = requireId(input.postId, 'postId');
  const person = personOf(viewer);
  return em.transactional(async (tx) => {
    const found = await lockPost(tx, person, postId);
    if (!found) return { deletedPostId: null, community: null, errors: [POST_NOT_FOUND] };
    const { post, community, actor, isAuthor } = found;
    if (!decidePostDeletion(actor, { isAuthor }).allowed) {
      throw forbidden(
        "Only its author, the community's moderators or the platform's moderators delete a post.",
      );
    }
    tx.remove(post);
    await tx.flush();
    recordDomainEvent(
      tx,
      { viewer, now },
      {
        type: 'community.PostDeleted',
        version: 1,
        aggregate: { type: 'Post', id: postId },
        payload: { postId, communityId: community.id, authorId: post.authorId, deletedBy: person.userId },
      },
    );
    return { deletedPostId: postId, community, errors: [] };
  });
}
