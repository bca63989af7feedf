import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Offer } from './Offer.ts';
import { Organization } from './Organization.ts';
import { PersonalDataExport } from './PersonalDataExport.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSONObject: scalarResolvers.JSONObject,
  CountryCode: scalarResolvers.CountryCode,
  Query,
  Offer,
  Organization,
  PersonalDataExport,
};
