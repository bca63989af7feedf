import { MatchSchema } from '../entities/Match.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { requireId } from '@talentgraph/platform';
import { visibleMatch } from './Match.ts';

export const Query: QueryResolvers = {
  match: async (_parent, { id }, context) =>
    visibleMatch(context, await context.loaders.byId(MatchSchema).load(requireId(id))),
};
