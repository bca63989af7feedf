import type { LoaderRegistry } from '@talentgraph/platform';
import { canReadPosts } from '../domain/visibility.ts';
import { CommunitySchema } from '../entities/Community.ts';
import { PostSchema, type Post as PostEntity } from '../entities/Post.ts';
import type { PostResolvers } from '../generated/resolvers-types.ts';

/**
 * The post if it exists and the caller may read it: a post of a private community is answered as if it
 * did not exist, whether asked for by id or as a federation reference. Both lookups are batched, so N
 * posts cost two queries.
 */
export async function readablePost(loaders: LoaderRegistry, id: string): Promise<PostEntity | null> {
  const post = await loaders.byId(PostSchema).load(id);
  if (!post) return null;
  const community = await loaders.byId(CommunitySchema).load(post.community.id);
  return community && canReadPosts(community.visibility) ? post : null;
}

export const Post: PostResolvers = {
  __resolveReference: (reference, { loaders }) => readablePost(loaders, reference.id),

  community: async (post, _args, { loaders }) => {
    const community = await loaders.byId(CommunitySchema).load(post.community.id);
    if (!community) throw new Error(`Community ${post.community.id} of post ${post.id} does not exist`);
    return community;
  },

  author: (post) => ({ id: post.authorId }),
};
