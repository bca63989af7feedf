import type { Connection, SubgraphContext } from '@talentgraph/platform';
import { CommentSchema, type Comment } from '../entities/Comment.ts';
import { CommunitySchema } from '../entities/Community.ts';
import { PostSchema, type Post as PostEntity } from '../entities/Post.ts';
import type { MutationResolvers, PostResolvers } from '../generated/resolvers-types.ts';
import { createPost, deletePost, updatePost } from '../posts/posts.ts';
import { mayReadPosts } from './Community.ts';

/**
 * The post if it exists and the caller may read it: a post the caller may not read (a private community
 * they are not a member of) is answered as if it did not exist, whether asked for by id or as a federation
 * reference. Every lookup is batched, so N posts cost three queries at most (posts, their communities, the
 * caller's memberships of the private ones).
 */
export async function readablePost(id: string, context: SubgraphContext): Promise<PostEntity | null> {
  const post = await context.loaders.byId(PostSchema).load(id);
  if (!post) return null;
  const community = await context.loaders.byId(CommunitySchema).load(post.community.id);
  return community && (await mayReadPosts(community, context)) ? post : null;
}

/** Conversation order: oldest first; `id` breaks ties between comments of the same instant. */
export const OLDEST_COMMENTS_FIRST = { createdAt: 'asc', id: 'asc' } as const;

const NO_COMMENTS: Connection<Comment> = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
};

export const postMutations: Pick<MutationResolvers, 'createPost' | 'updatePost' | 'deletePost'> = {
  createPost: (_parent, { input }, { em, viewer, now }) => createPost(em, viewer, input, now),
  updatePost: (_parent, { input }, { em, viewer }) => updatePost(em, viewer, input),
  deletePost: (_parent, { input }, { em, viewer, now }) => deletePost(em, viewer, input, now),
};

export const Post: PostResolvers = {
  __resolveReference: (reference, context) => readablePost(reference.id, context),

  community: async (post, _args, { loaders }) => {
    const community = await loaders.byId(CommunitySchema).load(post.community.id);
    if (!community) throw new Error(`Community ${post.community.id} of post ${post.id} does not exist`);
    return community;
  },

  author: (post) => (post.authorId == null ? null : { id: post.authorId }),

  // Every path to a post already checks that the caller reads it; the comments check again, from
  // loaders the request has mostly filled already, so that no new path can ever leak a private thread.
  comments: async (post, { first, after }, context) => {
    const community = await context.loaders.byId(CommunitySchema).load(post.community.id);
    if (!community || !(await mayReadPosts(community, context))) return NO_COMMENTS;
    return context.loaders
      .pageOfChildren(CommentSchema, {
        parentProperty: 'post',
        where: { parent: null },
        orderBy: OLDEST_COMMENTS_FIRST,
        page: { first, after },
      })
      .load(post.id);
  },
};
