import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Community } from './Community.ts';
import { Post } from './Post.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Query,
  Community,
  Post,
};
