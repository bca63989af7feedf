import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Profile } from './Profile.ts';
import { Query } from './Query.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Date: scalarResolvers.Date,
  CountryCode: scalarResolvers.CountryCode,
  Query,
  Profile,
  User,
};
