import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Offer } from './Offer.ts';
import { Organization } from './Organization.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  CountryCode: scalarResolvers.CountryCode,
  Query,
  Offer,
  Organization,
};
