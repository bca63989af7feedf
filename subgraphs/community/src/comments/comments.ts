import { LockMode } from '@mikro-orm/core';
import type { Viewer } from '@talentgraph/auth';
import { recordDomainEvent, requireId, type EntityManager } from '@talentgraph/platform';
import { MAX_COMMENT_DEPTH, depthOfNewComment, validateNewComment } from '../domain/comment.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { canReadPosts } from '../domain/visibility.ts';
import { CommentSchema, type Comment } from '../entities/Comment.ts';
import { CommunitySchema } from '../entities/Community.ts';
import { PostSchema } from '../entities/Post.ts';
import { actorIn, personOf } from '../membership/access.ts';
import { requireContributor } from '../posts/posts.ts';

export interface CommentPayload {
  readonly comment: Comment | null;
  readonly errors: UserError[];
}

const refused = (error: UserError): CommentPayload => ({ comment: null, errors: [error] });

/**
 * Comments on a post, or replies to one of its comments. Whoever may post in the post's community may
 * comment; a post the caller may not read is answered as unknown. The post row is share-locked for the
 * transaction, so a post deleted at the same moment either takes the new comment with it or is found
 * gone: never a comment whose post no longer exists.
 */
export async function createComment(
  em: EntityManager,
  viewer: Viewer | null,
  input: { readonly postId: string; readonly body: string; readonly parentCommentId?: string | null },
  now: Date,
): Promise<CommentPayload> {
  const postId = requireId(input.postId, 'postId');
  const parentId = input.parentCommentId == null ? null : requireId(input.parentCommentId, 'parentCommentId');
  const author = personOf(viewer);
  return em.transactional(async (tx) => {
    const post = await tx.findOne(PostSchema, { id: postId }, { lockMode: LockMode.PESSIMISTIC_READ });
    const community = post && (await tx.findOneOrFail(CommunitySchema, { id: post.community.id }));
    const actor = community && (await actorIn(tx, author, community.id, { lock: true }));
    if (!post || !community || !actor || !canReadPosts(community, author, actor.membership)) {
      return refused(userError('POST_NOT_FOUND', 'No post you can see has this id.', 'postId'));
    }
    requireContributor(community, actor, 'comment');
    const parent = parentId === null ? null : await tx.findOne(CommentSchema, { id: parentId, post: postId });
    if (parentId !== null && parent === null) {
      return refused(
        userError('PARENT_COMMENT_NOT_FOUND', 'No comment of this post has this id.', 'parentCommentId'),
      );
    }
    const depth = depthOfNewComment(parent);
    if (depth === null) {
      return refused(
        userError(
          'THREAD_TOO_DEEP',
          `Threads are at most ${MAX_COMMENT_DEPTH} levels deep: reply to a comment higher up.`,
          'parentCommentId',
        ),
      );
    }
    const validation = validateNewComment(input);
    if (!validation.valid) {
      return {
        comment: null,
        errors: validation.problems.map((problem) => userError(problem.code, problem.message, problem.field)),
      };
    }
    const comment = tx.create(CommentSchema, {
      post,
      parent,
      authorId: author.userId,
      body: validation.body,
      depth,
      createdAt: now,
    });
    await tx.flush();
    recordDomainEvent(
      tx,
      { viewer, now },
      {
        type: 'community.CommentAdded',
        version: 1,
        aggregate: { type: 'Comment', id: comment.id },
        payload: {
          commentId: comment.id,
          postId: post.id,
          communityId: post.community.id,
          parentCommentId: parent?.id ?? null,
          authorId: author.userId,
          // What the post's author is told, without asking this subgraph back.
          postAuthorId: post.authorId,
          postTitle: post.title,
          excerpt: excerptOf(comment.body),
        },
      },
    );
    return { comment, errors: [] };
  });
}

const EXCERPT_LENGTH = 140;

/** The start of a comment, cut at a word, for notifications. */
function excerptOf(body: string): string {
  if (body.length <= EXCERPT_LENGTH) return body;
  const cut = body.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
