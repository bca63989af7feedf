import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Organization, OrganizationMembership } from './Organization.ts';
import { Query } from './Query.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  URL: scalarResolvers.URL,
  CountryCode: scalarResolvers.CountryCode,
  Query,
  User,
  Organization,
  OrganizationMembership,
};
