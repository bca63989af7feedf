import type { SubgraphContext } from '@talentgraph/platform';
import { CommunitySchema } from '../entities/Community.ts';
import { PostSchema, type Post as PostEntity } from '../entities/Post.ts';
import type { PostResolvers } from '../generated/resolvers-types.ts';
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

export const Post: PostResolvers = {
  __resolveReference: (reference, context) => readablePost(reference.id, context),

  community: async (post, _args, { loaders }) => {
    const community = await loaders.byId(CommunitySchema).load(post.community.id);
    if (!community) throw new Error(`Community ${post.community.id} of post ${post.id} does not exist`);
    return community;
  },

  author: (post) => ({ id: post.authorId }),
};
