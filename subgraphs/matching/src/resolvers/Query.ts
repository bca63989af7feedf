import { MatchSchema } from '../entities/Match.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { requireId } from '@talentgraph/platform';

export const Query: QueryResolvers = {
  match: (_parent, { id }, { loaders }) => loaders.byId(MatchSchema).load(requireId(id)),
};
