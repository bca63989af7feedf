import { badUserInput, paginate, requireId } from '@talentgraph/platform';
import { SEARCH_MAX_LENGTH, containsPattern } from '../domain/search.ts';
import { CommunitySchema } from '../entities/Community.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { readableComment } from './Comment.ts';
import { readablePost } from './Post.ts';

export const Query: QueryResolvers = {
  community: (_parent, { id, slug }, { em, loaders }) => {
    if (id != null && slug != null) {
      throw badUserInput('Give exactly one of "id" or "slug", not both', 'slug');
    }
    if (slug != null) return em.findOne(CommunitySchema, { slug: slug.toLowerCase() });
    if (id == null) throw badUserInput('Give exactly one of "id" or "slug"', 'id');
    return loaders.byId(CommunitySchema).load(requireId(id));
  },

  communities: (_parent, { first, after, search }, { em }) => {
    const text = search?.trim() ?? '';
    if (text.length > SEARCH_MAX_LENGTH) {
      throw badUserInput(`"search" may have at most ${SEARCH_MAX_LENGTH} characters`, 'search');
    }
    const pattern = containsPattern(text);
    const matching = { $or: [{ name: { $ilike: pattern } }, { description: { $ilike: pattern } }] };
    return paginate(em, CommunitySchema, {
      where: text === '' ? {} : matching,
      orderBy: { name: 'asc', id: 'asc' },
      page: { first, after },
    });
  },

  post: (_parent, { id }, context) => readablePost(requireId(id), context),

  comment: (_parent, { id }, context) => readableComment(requireId(id), context),
};
