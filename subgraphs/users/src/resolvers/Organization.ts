import { OrganizationSchema } from '../entities/Organization.ts';
import type { OrganizationMembershipResolvers, OrganizationResolvers } from '../generated/resolvers-types.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(OrganizationSchema).load(reference.id),
};

export const OrganizationMembership: OrganizationMembershipResolvers = {
  organization: (membership) => membership.organization,
};
