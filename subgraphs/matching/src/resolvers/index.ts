import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Match } from './Match.ts';
import { Offer } from './Offer.ts';
import { PersonalDataExport } from './PersonalDataExport.ts';
import { Profile } from './Profile.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSONObject: scalarResolvers.JSONObject,
  Query,
  Match,
  Profile,
  Offer,
  PersonalDataExport,
};
