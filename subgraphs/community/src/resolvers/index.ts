import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Comment, commentMutations } from './Comment.ts';
import { Community } from './Community.ts';
import { CommunityMembership, membershipMutations } from './Membership.ts';
import { PersonalDataExport } from './PersonalDataExport.ts';
import { Post, postMutations } from './Post.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSONObject: scalarResolvers.JSONObject,
  Query,
  Mutation: { ...membershipMutations, ...postMutations, ...commentMutations },
  Subscription,
  Community,
  CommunityMembership,
  Post,
  Comment,
  PersonalDataExport,
};
