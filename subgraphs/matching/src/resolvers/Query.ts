import { MatchSchema } from '../entities/Match.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { isUuid } from './identifiers.ts';

export const Query: QueryResolvers = {
  match: (_parent, { id }, { loaders }) => (isUuid(id) ? loaders.byId(MatchSchema).load(id) : null),
};
