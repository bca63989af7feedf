import { CommunitySchema } from '../entities/Community.ts';
import type { CommunityMembershipResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import {
  addCommunityMember,
  joinCommunity,
  leaveCommunity,
  removeCommunityMember,
} from '../membership/membership.ts';
import { forgetMemberships } from './Community.ts';

type MembershipMutation = 'joinCommunity' | 'leaveCommunity' | 'addCommunityMember' | 'removeCommunityMember';

export const membershipMutations: Pick<MutationResolvers, MembershipMutation> = {
  joinCommunity: async (_parent, { input }, context) => {
    const payload = await joinCommunity(context.em, context.viewer, input, context.now);
    forgetMemberships(context);
    return payload;
  },
  leaveCommunity: async (_parent, { input }, context) => {
    const payload = await leaveCommunity(context.em, context.viewer, input, context.now);
    forgetMemberships(context);
    return payload;
  },
  addCommunityMember: async (_parent, { input }, context) => {
    const payload = await addCommunityMember(context.em, context.viewer, input, context.now);
    forgetMemberships(context);
    return payload;
  },
  removeCommunityMember: async (_parent, { input }, context) => {
    const payload = await removeCommunityMember(context.em, context.viewer, input, context.now);
    forgetMemberships(context);
    return payload;
  },
};

export const CommunityMembership: CommunityMembershipResolvers = {
  user: (membership) => ({ id: membership.userId }),

  community: async (membership, _args, { loaders }) => {
    const community = await loaders.byId(CommunitySchema).load(membership.community.id);
    if (!community) throw new Error(`Community ${membership.community.id} of a membership does not exist`);
    return community;
  },
};
