import { forbidden } from '@talentgraph/auth';
import type { SubgraphContext } from '@talentgraph/platform';
import { ApiKeySchema } from '../entities/ApiKey.ts';
import { InvitationSchema } from '../entities/Invitation.ts';
import { MembershipSchema } from '../entities/Membership.ts';
import { OrganizationSchema } from '../entities/Organization.ts';
import { UserSchema } from '../entities/User.ts';
import type {
  MutationResolvers,
  OrganizationInvitationResolvers,
  OrganizationMembershipResolvers,
  OrganizationResolvers,
} from '../generated/resolvers-types.ts';
import { actorIn, requireViewer } from '../organizations/access.ts';
import { acceptInvitation, inviteMember, revokeInvitation } from '../organizations/invitations.ts';
import { changeMemberRole, leaveOrganization, removeMember } from '../organizations/members.ts';
import {
  changeOrganizationPlan,
  createOrganization,
  updateOrganization,
} from '../organizations/organizations.ts';

import { decideOrganizationAction, type OrganizationAction } from '../organizations/permissions.ts';
import type { QuotaStatus } from '../quotas/plans.ts';
import { quotaStatuses } from '../quotas/quota-store.ts';

type OrganizationMutation =
  | 'createOrganization'
  | 'updateOrganization'
  | 'changeOrganizationPlan'
  | 'inviteMember'
  | 'revokeInvitation'
  | 'acceptInvitation'
  | 'changeMemberRole'
  | 'removeMember'
  | 'leaveOrganization';

export const organizationMutations: Pick<MutationResolvers, OrganizationMutation> = {
  createOrganization: (_parent, { input }, { em, viewer }) =>
    createOrganization(em, requireViewer(viewer), input),
  updateOrganization: (_parent, { input }, { em, viewer }) =>
    updateOrganization(em, requireViewer(viewer), input),
  changeOrganizationPlan: (_parent, { input }, { em, viewer }) =>
    changeOrganizationPlan(em, requireViewer(viewer), input),
  inviteMember: (_parent, { input }, { em, viewer, now }) =>
    inviteMember(em, requireViewer(viewer), input, now),
  revokeInvitation: (_parent, { input }, { em, viewer, now }) =>
    revokeInvitation(em, requireViewer(viewer), input, now),
  acceptInvitation: (_parent, { input }, { em, viewer, now }) =>
    acceptInvitation(em, requireViewer(viewer), input, now),
  changeMemberRole: (_parent, { input }, { em, viewer, now }) =>
    changeMemberRole(em, requireViewer(viewer), input, now),
  removeMember: (_parent, { input }, { em, viewer, now }) =>
    removeMember(em, requireViewer(viewer), input, now),
  leaveOrganization: (_parent, { input }, { em, viewer, now }) =>
    leaveOrganization(em, requireViewer(viewer), input, now),
};

const QUOTAS_BY_ORGANIZATION = Symbol('quotas by organization');

/**
 * Guards the private fields of an organization. They are checked here, on the field, so that every way
 * of reaching an organization (a query, a nested selection, federation's `_entities`) is checked alike.
 */
async function requireRight(
  context: SubgraphContext,
  organizationId: string,
  action: OrganizationAction,
  refusal: string,
): Promise<void> {
  const actor = await actorIn(context.em, context.viewer, organizationId, context.loaders);
  if (!decideOrganizationAction(actor, action).allowed) throw forbidden(refusal);
}

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(OrganizationSchema).load(reference.id),

  plan: async (organization, _args, context) => {
    await requireRight(context, organization.id, 'VIEW_PLAN_AND_QUOTAS', 'Only members see the plan.');
    return organization.plan;
  },

  quotas: async (organization, _args, context) => {
    await requireRight(context, organization.id, 'VIEW_PLAN_AND_QUOTAS', 'Only members see the quotas.');
    const { em, loaders, now } = context;
    const statuses = await loaders
      .custom<string, QuotaStatus[] | null>(QUOTAS_BY_ORGANIZATION, (ids) => quotaStatuses(em, ids, now))
      .load(organization.id);
    return statuses ?? [];
  },

  members: async (organization, { first, after }, context) => {
    await requireRight(context, organization.id, 'VIEW_MEMBERS', 'Only members see the team.');
    return context.loaders
      .pageOfChildren(MembershipSchema, {
        parentProperty: 'organization',
        where: {},
        orderBy: { joinedAt: 'asc', id: 'asc' },
        page: { first, after },
      })
      .load(organization.id);
  },

  invitations: async (organization, { first, after }, context) => {
    await requireRight(
      context,
      organization.id,
      'VIEW_INVITATIONS',
      'Only OWNERs and ADMINs see invitations.',
    );
    return context.loaders
      .pageOfChildren(InvitationSchema, {
        parentProperty: 'organization',
        where: { acceptedAt: null, revokedAt: null, expiresAt: { $gt: context.now } },
        orderBy: { createdAt: 'desc', id: 'desc' },
        page: { first, after },
      })
      .load(organization.id);
  },

  apiKeys: async (organization, { first, after }, context) => {
    await requireRight(context, organization.id, 'MANAGE_API_KEYS', 'Only OWNERs and ADMINs see API keys.');
    return context.loaders
      .pageOfChildren(ApiKeySchema, {
        parentProperty: 'organization',
        where: {},
        orderBy: { createdAt: 'desc', id: 'desc' },
        page: { first, after },
      })
      .load(organization.id);
  },
};

export const OrganizationMembership: OrganizationMembershipResolvers = {
  user: async (membership, _args, { loaders }) => (await loaders.byId(UserSchema).load(membership.user.id))!,
  organization: async (membership, _args, { loaders }) =>
    (await loaders.byId(OrganizationSchema).load(membership.organization.id))!,
};

export const OrganizationInvitation: OrganizationInvitationResolvers = {
  invitedBy: (invitation, _args, { loaders }) =>
    invitation.invitedBy ? loaders.byId(UserSchema).load(invitation.invitedBy.id) : null,
};
