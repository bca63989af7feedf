import { LockMode } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { requireId, type EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import type { MembershipRole } from '../domain/organization.ts';
import { MembershipSchema, type Membership } from '../entities/Membership.ts';
import { OrganizationSchema, type Organization } from '../entities/Organization.ts';
import {
  decideLeave,
  decideRemoval,
  decideRoleChange,
  type Decision,
  type OrganizationActor,
} from './permissions.ts';
import { userError, type UserError } from '../domain/user-error.ts';

type Transaction = EntityManager;

/** What a membership change is decided on, read under a lock on the organization row. */
interface TeamFacts {
  readonly organization: Organization;
  readonly actor: OrganizationActor;
  readonly ownerCount: number;
}

/**
 * Locks the organization, then reads the facts. Every membership change of an organization goes through
 * this lock, so two OWNERs demoting each other at the same moment are serialized and the second one sees
 * that only one OWNER is left.
 */
async function lockTeam(tx: Transaction, actorId: string, organizationId: string): Promise<TeamFacts | null> {
  const organization = await tx.findOne(
    OrganizationSchema,
    { id: organizationId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!organization) return null;
  const own = await tx.findOne(MembershipSchema, { organization: organizationId, user: actorId });
  const ownerCount = await tx.count(MembershipSchema, { organization: organizationId, role: 'OWNER' });
  return { organization, actor: own ? { kind: 'MEMBER', role: own.role } : { kind: 'OUTSIDER' }, ownerCount };
}

/** Memberships are managed by people; a partner key manages nothing. */
export function personOf(viewer: Viewer): string {
  if (viewer.kind !== 'USER') throw forbidden('Partner keys do not manage organization members.');
  return viewer.userId;
}

const ORGANIZATION_NOT_FOUND = userError(
  'ORGANIZATION_NOT_FOUND',
  'No organization has this id.',
  'organizationId',
);
const MEMBER_NOT_FOUND = userError(
  'MEMBER_NOT_FOUND',
  'This person is not a member of the organization.',
  'userId',
);

/** A denial becomes FORBIDDEN, except the last-owner rule, which the person can fix (a typed error). */
function enforce(decision: Decision, lastOwnerField: string | undefined, refusal: string): UserError | null {
  if (decision.allowed) return null;
  if (decision.reason === 'LAST_OWNER') {
    return userError(
      'LAST_OWNER',
      'An organization keeps at least one OWNER: make another member OWNER first.',
      lastOwnerField,
    );
  }
  throw forbidden(refusal);
}

export interface MembershipPayload {
  readonly membership: Membership | null;
  readonly errors: UserError[];
}

export async function changeMemberRole(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly organizationId: string; readonly userId: string; readonly role: MembershipRole },
  now: Date,
): Promise<MembershipPayload> {
  const organizationId = requireId(input.organizationId, 'organizationId');
  const userId = requireId(input.userId, 'userId');
  const actorId = personOf(viewer);
  return em.transactional(async (tx) => {
    const team = await lockTeam(tx, actorId, organizationId);
    if (!team) return { membership: null, errors: [ORGANIZATION_NOT_FOUND] };
    if (team.actor.kind === 'OUTSIDER') throw forbidden('You are not a member of this organization.');
    const target = await tx.findOne(MembershipSchema, { organization: organizationId, user: userId });
    if (!target) return { membership: null, errors: [MEMBER_NOT_FOUND] };
    const error = enforce(
      decideRoleChange(team.actor, {
        self: actorId === userId,
        targetRole: target.role,
        newRole: input.role,
        ownerCount: team.ownerCount,
      }),
      'role',
      'Your role in this organization does not allow this change.',
    );
    if (error) return { membership: null, errors: [error] };
    const previousRole = target.role;
    target.role = input.role;
    if (previousRole !== input.role) {
      await recordAudit(tx, {
        occurredAt: now,
        actor: userActor(actorId),
        action: 'organization.member_role_changed',
        target: { type: 'Organization', id: organizationId },
        details: { userId, previousRole, role: input.role },
      });
    }
    return { membership: target, errors: [] };
  });
}

export interface LeavePayload {
  readonly organization: Organization | null;
  readonly errors: UserError[];
}

export async function removeMember(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly organizationId: string; readonly userId: string },
  now: Date,
): Promise<LeavePayload> {
  const organizationId = requireId(input.organizationId, 'organizationId');
  const userId = requireId(input.userId, 'userId');
  const actorId = personOf(viewer);
  return em.transactional(async (tx) => {
    const team = await lockTeam(tx, actorId, organizationId);
    if (!team) return { organization: null, errors: [ORGANIZATION_NOT_FOUND] };
    if (team.actor.kind === 'OUTSIDER') throw forbidden('You are not a member of this organization.');
    const target = await tx.findOne(MembershipSchema, { organization: organizationId, user: userId });
    if (!target) return { organization: null, errors: [MEMBER_NOT_FOUND] };
    const error = enforce(
      decideRemoval(team.actor, {
        self: actorId === userId,
        targetRole: target.role,
        ownerCount: team.ownerCount,
      }),
      'userId',
      'Your role in this organization does not allow removing this member.',
    );
    if (error) return { organization: null, errors: [error] };
    tx.remove(target);
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(actorId),
      action: actorId === userId ? 'organization.member_left' : 'organization.member_removed',
      target: { type: 'Organization', id: organizationId },
      details: { userId, role: target.role },
    });
    return { organization: team.organization, errors: [] };
  });
}

export async function leaveOrganization(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly organizationId: string },
  now: Date,
): Promise<LeavePayload> {
  const organizationId = requireId(input.organizationId, 'organizationId');
  const actorId = personOf(viewer);
  return em.transactional(async (tx) => {
    const team = await lockTeam(tx, actorId, organizationId);
    if (!team) return { organization: null, errors: [ORGANIZATION_NOT_FOUND] };
    const error = enforce(
      decideLeave(team.actor, team.ownerCount),
      'organizationId',
      'You are not a member of this organization.',
    );
    if (error) return { organization: null, errors: [error] };
    await tx.nativeDelete(MembershipSchema, { organization: organizationId, user: actorId });
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(actorId),
      action: 'organization.member_left',
      target: { type: 'Organization', id: organizationId },
      details: { userId: actorId, role: team.actor.kind === 'MEMBER' ? team.actor.role : null },
    });
    return { organization: team.organization, errors: [] };
  });
}
