import type { MembershipRole } from '../domain/organization.ts';

/**
 * Who may do what within an organization. Pure rules, decided from facts the caller loads (the actor's
 * membership, the target's role, how many owners remain), so that every path (mutations, member-only
 * fields, `_entities`, the internal quota route) asks the same questions and gets the same answers.
 *
 * The ladder is OWNER > ADMIN > RECRUITER:
 * - every member sees the team, the plan and the quotas, and consumes quota for the organization; the
 *   organization's partner keys see the plan and quotas and consume quota; platform administrators,
 *   who set plans, see the plan and quotas of any organization;
 * - OWNER and ADMIN update the organization, see pending invitations, invite, and manage partner keys;
 * - a role is granted only by someone who may invite it: an OWNER grants any role (co-owners included,
 *   which is how ownership is handed over), an ADMIN grants RECRUITER only;
 * - an OWNER manages every other member, an ADMIN manages RECRUITERs only, a RECRUITER manages nobody;
 * - anyone may keep or lower their own role and leave;
 * - whatever the path, the organization always keeps at least one OWNER.
 */

/** The caller as one organization sees it. */
export type OrganizationActor =
  | { readonly kind: 'MEMBER'; readonly role: MembershipRole }
  /** A partner API key of this very organization (keys of other organizations are outsiders). */
  | { readonly kind: 'PARTNER' }
  /** A platform administrator who is not a member: sets plans, so sees them (support), nothing more. */
  | { readonly kind: 'PLATFORM_ADMIN' }
  /** Anyone else: anonymous, signed in without membership, or another organization's partner key. */
  | { readonly kind: 'OUTSIDER' };

export type Denial =
  /** The caller does not belong to the organization. */
  | 'NOT_A_MEMBER'
  /** The caller belongs to it, but their role does not allow this. */
  | 'ROLE_TOO_LOW'
  /** This would leave the organization without an OWNER. */
  | 'LAST_OWNER'
  /** OWNER is never granted through an invitation: invite, then promote. */
  | 'ROLE_NOT_INVITABLE';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: Denial };

export const ORGANIZATION_ACTIONS = [
  'VIEW_MEMBERS',
  'VIEW_PLAN_AND_QUOTAS',
  'CONSUME_QUOTA',
  'UPDATE_ORGANIZATION',
  'VIEW_INVITATIONS',
  'INVITE_MEMBERS',
  'MANAGE_API_KEYS',
] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];

const ALLOWED: Decision = { allowed: true };
const deny = (reason: Denial): Decision => ({ allowed: false, reason });

const RANK: Record<MembershipRole, number> = { OWNER: 3, ADMIN: 2, RECRUITER: 1 };

/** Actions on the organization as a whole. A partner key reads and consumes its own quotas, nothing more. */
export function decideOrganizationAction(actor: OrganizationActor, action: OrganizationAction): Decision {
  if (actor.kind === 'PARTNER') {
    return action === 'VIEW_PLAN_AND_QUOTAS' || action === 'CONSUME_QUOTA' ? ALLOWED : deny('NOT_A_MEMBER');
  }
  if (actor.kind === 'PLATFORM_ADMIN')
    return action === 'VIEW_PLAN_AND_QUOTAS' ? ALLOWED : deny('NOT_A_MEMBER');
  if (actor.kind === 'OUTSIDER') return deny('NOT_A_MEMBER');
  switch (action) {
    case 'VIEW_MEMBERS':
    case 'VIEW_PLAN_AND_QUOTAS':
    case 'CONSUME_QUOTA':
      return ALLOWED;
    case 'UPDATE_ORGANIZATION':
    case 'VIEW_INVITATIONS':
    case 'INVITE_MEMBERS':
    case 'MANAGE_API_KEYS':
      return actor.role === 'RECRUITER' ? deny('ROLE_TOO_LOW') : ALLOWED;
  }
}

/** Roles the actor may hand to someone else (through an invitation or a role change). */
function grantableBy(role: MembershipRole): readonly MembershipRole[] {
  if (role === 'OWNER') return ['OWNER', 'ADMIN', 'RECRUITER'];
  if (role === 'ADMIN') return ['RECRUITER'];
  return [];
}

/** Whether `actor` manages a member who currently holds `target` (another person). */
function manages(actor: MembershipRole, target: MembershipRole): boolean {
  if (actor === 'OWNER') return true;
  return actor === 'ADMIN' && target === 'RECRUITER';
}

export const INVITABLE_ROLES = ['ADMIN', 'RECRUITER'] as const satisfies readonly MembershipRole[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export function isInvitableRole(role: MembershipRole): role is InvitableRole {
  return (INVITABLE_ROLES as readonly MembershipRole[]).includes(role);
}

export function decideInvitation(actor: OrganizationActor, invitedRole: MembershipRole): Decision {
  const basic = decideOrganizationAction(actor, 'INVITE_MEMBERS');
  if (!basic.allowed || actor.kind !== 'MEMBER') return basic;
  if (!isInvitableRole(invitedRole)) return deny('ROLE_NOT_INVITABLE');
  return grantableBy(actor.role).includes(invitedRole) ? ALLOWED : deny('ROLE_TOO_LOW');
}

export interface MemberChange {
  /** Whether the actor acts on their own membership. */
  readonly self: boolean;
  /** The target's current role (the actor's own role when `self`). */
  readonly targetRole: MembershipRole;
  /** How many OWNERs the organization has right now, the target included. */
  readonly ownerCount: number;
}

function wouldRemoveLastOwner(change: MemberChange, targetKeepsOwnership: boolean): boolean {
  return change.targetRole === 'OWNER' && !targetKeepsOwnership && change.ownerCount <= 1;
}

export function decideRoleChange(
  actor: OrganizationActor,
  change: MemberChange & { readonly newRole: MembershipRole },
): Decision {
  if (actor.kind !== 'MEMBER') return deny('NOT_A_MEMBER');
  const permitted = change.self
    ? RANK[change.newRole] <= RANK[actor.role]
    : manages(actor.role, change.targetRole) &&
      (change.newRole === change.targetRole || grantableBy(actor.role).includes(change.newRole));
  if (!permitted) return deny('ROLE_TOO_LOW');
  if (wouldRemoveLastOwner(change, change.newRole === 'OWNER')) return deny('LAST_OWNER');
  return ALLOWED;
}

/** Removing a member; removing oneself is leaving. */
export function decideRemoval(actor: OrganizationActor, change: MemberChange): Decision {
  if (actor.kind !== 'MEMBER') return deny('NOT_A_MEMBER');
  if (!change.self && !manages(actor.role, change.targetRole)) return deny('ROLE_TOO_LOW');
  if (wouldRemoveLastOwner(change, false)) return deny('LAST_OWNER');
  return ALLOWED;
}

export function decideLeave(actor: OrganizationActor, ownerCount: number): Decision {
  if (actor.kind !== 'MEMBER') return deny('NOT_A_MEMBER');
  return decideRemoval(actor, { self: true, targetRole: actor.role, ownerCount });
}

/** Platform-level rules (the caller's platform roles, not a membership). */
export function mayCreateOrganization(platformRoles: readonly string[]): boolean {
  return platformRoles.includes('RECRUITER');
}

/** Plans are changed by platform administrators until billing exists. */
export function mayChangePlan(platformRoles: readonly string[]): boolean {
  return platformRoles.includes('ADMIN');
}
