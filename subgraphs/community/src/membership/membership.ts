import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { recordDomainEvent, requireId, type EntityManager } from '@talentgraph/platform';
import type { CommunityMemberRole } from '../domain/community.ts';
import {
  decideAddMember,
  decideJoin,
  decideLeave,
  decideRemoveMember,
  managesMembers,
} from '../domain/permissions.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { CommunitySchema, type Community } from '../entities/Community.ts';
import { CommunityMemberSchema, type CommunityMember } from '../entities/CommunityMember.ts';
import { actorIn, personOf } from './access.ts';

export interface MembershipPayload {
  readonly membership: CommunityMember | null;
  readonly errors: UserError[];
}

export interface CommunityPayload {
  readonly community: Community | null;
  readonly errors: UserError[];
}

const COMMUNITY_NOT_FOUND = userError('COMMUNITY_NOT_FOUND', 'No community has this id.', 'communityId');

const noMembership = (error: UserError): MembershipPayload => ({ membership: null, errors: [error] });
const noCommunity = (error: UserError): CommunityPayload => ({ community: null, errors: [error] });

/**
 * Runs a membership insertion; the unique (community, person) constraint settles two concurrent
 * insertions for the same person, and the loser gets `alreadyMember` instead of a database error.
 */
async function insertingMembership(
  alreadyMember: UserError,
  work: () => Promise<MembershipPayload>,
): Promise<MembershipPayload> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return noMembership(alreadyMember);
    throw error;
  }
}

/** Joins a public community as a MEMBER (the platform's moderators and admins may join a private one). */
export async function joinCommunity(
  em: EntityManager,
  viewer: Viewer | null,
  input: { readonly communityId: string },
  now: Date,
): Promise<MembershipPayload> {
  const communityId = requireId(input.communityId, 'communityId');
  const person = personOf(viewer);
  const alreadyMember = userError('ALREADY_MEMBER', 'You already belong to this community.', 'communityId');
  return insertingMembership(alreadyMember, () =>
    em.transactional(async (tx) => {
      const community = await tx.findOne(CommunitySchema, { id: communityId });
      if (!community) return noMembership(COMMUNITY_NOT_FOUND);
      const decision = decideJoin(community, await actorIn(tx, person, communityId));
      if (!decision.allowed) {
        if (decision.reason === 'ALREADY_MEMBER') return noMembership(alreadyMember);
        throw forbidden('This community is private: one of its moderators adds its members.');
      }
      const membership = tx.create(CommunityMemberSchema, {
        community,
        userId: person.userId,
        role: 'MEMBER',
        joinedAt: now,
      });
      await tx.flush();
      recordDomainEvent(
        tx,
        { viewer, now },
        {
          type: 'community.MemberJoined',
          version: 1,
          aggregate: { type: 'Community', id: communityId },
          payload: { communityId, userId: person.userId, role: 'MEMBER' },
        },
      );
      return { membership, errors: [] };
    }),
  );
}

export async function leaveCommunity(
  em: EntityManager,
  viewer: Viewer | null,
  input: { readonly communityId: string },
  now: Date,
): Promise<CommunityPayload> {
  const communityId = requireId(input.communityId, 'communityId');
  const person = personOf(viewer);
  return em.transactional(async (tx) => {
    const community = await tx.findOne(CommunitySchema, { id: communityId });
    if (!community) return noCommunity(COMMUNITY_NOT_FOUND);
    const actor = await actorIn(tx, person, communityId);
    const decision = decideLeave(actor);
    if (!decision.allowed) {
      return noCommunity(
        decision.reason === 'OWNER_CANNOT_LEAVE'
          ? userError('OWNER_CANNOT_LEAVE', 'The owner of a community cannot leave it.', 'communityId')
          : userError('NOT_A_MEMBER', 'You do not belong to this community.', 'communityId'),
      );
    }
    tx.remove(actor.membership!);
    await tx.flush();
    recordDomainEvent(
      tx,
      { viewer, now },
      {
        type: 'community.MemberLeft',
        version: 1,
        aggregate: { type: 'Community', id: communityId },
        payload: { communityId, userId: person.userId },
      },
    );
    return { community, errors: [] };
  });
}

/**
 * Adds a person, as MEMBER or MODERATOR: the way into a private community. The person's account lives
 * in the users subgraph, which this one cannot read: any well-formed id is accepted.
 */
export async function addCommunityMember(
  em: EntityManager,
  viewer: Viewer | null,
  input: {
    readonly communityId: string;
    readonly userId: string;
    readonly role?: CommunityMemberRole | null;
  },
  now: Date,
): Promise<MembershipPayload> {
  const communityId = requireId(input.communityId, 'communityId');
  const userId = requireId(input.userId, 'userId');
  const role = input.role ?? 'MEMBER';
  const person = personOf(viewer);
  const alreadyMember = userError(
    'ALREADY_MEMBER',
    'This person already belongs to the community.',
    'userId',
  );
  return insertingMembership(alreadyMember, () =>
    em.transactional(async (tx) => {
      const community = await tx.findOne(CommunitySchema, { id: communityId });
      if (!community) return noMembership(COMMUNITY_NOT_FOUND);
      const actor = await actorIn(tx, person, communityId);
      if (!managesMembers(actor)) {
        throw forbidden(
          "Only the community's owner and moderators, or the platform's moderators, add members.",
        );
      }
      const target = await tx.findOne(CommunityMemberSchema, { community: communityId, userId });
      const decision = decideAddMember(actor, { role, target });
      if (!decision.allowed) {
        if (decision.reason === 'ALREADY_MEMBER') return noMembership(alreadyMember);
        if (decision.reason === 'ROLE_NOT_GRANTABLE') {
          return noMembership(
            userError(
              'ROLE_NOT_GRANTABLE',
              'Add members as MEMBER or MODERATOR; the OWNER is the creator.',
              'role',
            ),
          );
        }
        throw forbidden("Only the community's owner, or the platform's moderators, add moderators.");
      }
      const membership = tx.create(CommunityMemberSchema, { community, userId, role, joinedAt: now });
      await tx.flush();
      recordDomainEvent(
        tx,
        { viewer, now },
        {
          type: 'community.MemberJoined',
          version: 1,
          aggregate: { type: 'Community', id: communityId },
          payload: { communityId, userId: userId, role },
        },
      );
      return { membership, errors: [] };
    }),
  );
}

export async function removeCommunityMember(
  em: EntityManager,
  viewer: Viewer | null,
  input: { readonly communityId: string; readonly userId: string },
  now: Date,
): Promise<CommunityPayload> {
  const communityId = requireId(input.communityId, 'communityId');
  const userId = requireId(input.userId, 'userId');
  const person = personOf(viewer);
  const self = person.userId === userId;
  return em.transactional(async (tx) => {
    const community = await tx.findOne(CommunitySchema, { id: communityId });
    if (!community) return noCommunity(COMMUNITY_NOT_FOUND);
    const actor = await actorIn(tx, person, communityId);
    // Before anything is said about the target: whoever does not manage members learns nothing of them.
    if (!self && !managesMembers(actor)) {
      throw forbidden(
        "Only the community's owner and moderators, or the platform's moderators, remove members.",
      );
    }
    const target = await tx.findOne(CommunityMemberSchema, { community: communityId, userId });
    if (!target) {
      return noCommunity(
        userError('MEMBER_NOT_FOUND', 'This person does not belong to the community.', 'userId'),
      );
    }
    const decision = decideRemoveMember(actor, { self, target });
    if (!decision.allowed) {
      if (decision.reason === 'OWNER_CANNOT_BE_REMOVED') {
        return noCommunity(
          userError(
            'OWNER_CANNOT_BE_REMOVED',
            'The owner of a community cannot be removed from it.',
            'userId',
          ),
        );
      }
      throw forbidden(
        "A community's moderators remove members; its owner and the platform's moderators remove moderators.",
      );
    }
    tx.remove(target);
    await tx.flush();
    // Removing someone else is moderation, which the audit log records from this event.
    recordDomainEvent(
      tx,
      { viewer, now },
      {
        type: 'community.MemberRemoved',
        version: 1,
        aggregate: { type: 'Community', id: communityId },
        payload: { communityId, userId: userId, role: target.role, removedBy: person.userId },
      },
    );
    return { community, errors: [] };
  });
}
