import type { SubgraphContext } from '@talentgraph/platform';
import { createComment } from '../comments/comments.ts';
import { CommentSchema, type Comment as CommentEntity } from '../entities/Comment.ts';
import { PostSchema } from '../entities/Post.ts';
import type { CommentResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { OLDEST_COMMENTS_FIRST, readablePost } from './Post.ts';

/**
 * The comment if it exists and the caller may read its post; otherwise null, as for a post. N comments
 * cost four queries at most: comments, their posts, the posts' communities, the caller's memberships.
 */
export async function readableComment(id: string, context: SubgraphContext): Promise<CommentEntity | null> {
  const comment = await context.loaders.byId(CommentSchema).load(id);
  if (!comment) return null;
  return (await readablePost(comment.post.id, context)) ? comment : null;
}

export const commentMutations: Pick<MutationResolvers, 'createComment'> = {
  createComment: (_parent, { input }, { em, viewer, now }) => createComment(em, viewer, input, now),
};

// A comment is only ever reached through its readable post (Post.comments, replies of a readable comment,
// the parent of one) or checked on the way in (`_entities`), so its fields need no check of their own.
export const Comment: CommentResolvers = {
  __resolveReference: (reference, context) => readableComment(reference.id, context),

  post: async (comment, _args, { loaders }) => {
    const post = await loaders.byId(PostSchema).load(comment.post.id);
    if (!post) throw new Error(`Post ${comment.post.id} of comment ${comment.id} does not exist`);
    return post;
  },

  parent: (comment, _args, { loaders }) =>
    comment.parent ? loaders.byId(CommentSchema).load(comment.parent.id) : null,

  author: (comment) => (comment.authorId == null ? null : { id: comment.authorId }),

  replies: (comment, { first, after }, { loaders }) =>
    loaders
      .pageOfChildren(CommentSchema, {
        parentProperty: 'parent',
        where: {},
        orderBy: OLDEST_COMMENTS_FIRST,
        page: { first, after },
      })
      .load(comment.id),
};
