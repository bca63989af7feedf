import { LockMode } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { requireId, type EntityManager } from '@talentgraph/platform';
import { normalizeEmail } from '../accounts/account-rules.ts';
import { hashOpaqueToken, newOpaqueToken } from '../encryption/opaque-tokens.ts';
import type { MembershipRole } from '../domain/organization.ts';
import { InvitationSchema, type Invitation } from '../entities/Invitation.ts';
import { MembershipSchema, type Membership } from '../entities/Membership.ts';
import { OrganizationSchema } from '../entities/Organization.ts';
import { UserSchema } from '../entities/User.ts';
import { notify } from '../notifications/notify.ts';
import { announceInvitation } from './invitation-email.ts';
import { invitationExpiry, invitationState } from './invitation-rules.ts';
import { personOf } from './members.ts';
import { decideInvitation, isInvitableRole } from './permissions.ts';
import { userError, type UserError } from '../domain/user-error.ts';

/** Invitations one organization may send per rolling day: enough for onboarding a team, not for spam. */
export const DAILY_INVITATION_LIMIT = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface InvitationPayload {
  readonly invitation: Invitation | null;
  readonly errors: UserError[];
}

/**
 * Sends an invitation: the token goes only into the email, queued in the outbox within the same
 * transaction as the invitation (both or neither). A newer invitation to the same address replaces the
 * pending one, so only the latest link works. When the address already has an account, the person is
 * also notified in the app (ORGANIZATION_INVITATION), in the same transaction; the notification leads to
 * the organization's page and never carries the token, which stays in the e-mail only.
 */
export async function inviteMember(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly organizationId: string; readonly email: string; readonly role: MembershipRole },
  now: Date,
): Promise<InvitationPayload> {
  const organizationId = requireId(input.organizationId, 'organizationId');
  const inviterId = personOf(viewer);
  const email = normalizeEmail(input.email);
  return em.transactional(async (tx) => {
    const organization = await tx.findOne(
      OrganizationSchema,
      { id: organizationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!organization) {
      return {
        invitation: null,
        errors: [userError('ORGANIZATION_NOT_FOUND', 'No organization has this id.', 'organizationId')],
      };
    }
    const own = await tx.findOne(MembershipSchema, { organization: organizationId, user: inviterId });
    const decision = decideInvitation(
      own ? { kind: 'MEMBER', role: own.role } : { kind: 'OUTSIDER' },
      input.role,
    );
    const role = input.role;
    if (!decision.allowed || !isInvitableRole(role)) {
      if (!decision.allowed && decision.reason !== 'ROLE_NOT_INVITABLE') {
        throw forbidden(
          input.role === 'ADMIN' && own
            ? 'Only an OWNER invites an ADMIN.'
            : 'Only an OWNER or ADMIN of the organization invites members.',
        );
      }
      return {
        invitation: null,
        errors: [
          userError(
            'ROLE_NOT_INVITABLE',
            'Invite as ADMIN or RECRUITER, then make the member OWNER.',
            'role',
          ),
        ],
      };
    }
    const invitee = await tx.findOne(UserSchema, { email });
    if (
      invitee &&
      (await tx.count(MembershipSchema, { organization: organizationId, user: invitee.id })) > 0
    ) {
      return {
        invitation: null,
        errors: [
          userError('ALREADY_MEMBER', 'This person is already a member of the organization.', 'email'),
        ],
      };
    }
    const sentToday = await tx.count(InvitationSchema, {
      organization: organizationId,
      createdAt: { $gt: new Date(now.getTime() - DAY_MS) },
    });
    if (sentToday >= DAILY_INVITATION_LIMIT) {
      return {
        invitation: null,
        errors: [
          userError(
            'TOO_MANY_INVITATIONS',
            `An organization sends at most ${DAILY_INVITATION_LIMIT} invitations a day; try again tomorrow.`,
          ),
        ],
      };
    }
    await tx.nativeUpdate(
      InvitationSchema,
      { organization: organizationId, email, acceptedAt: null, revokedAt: null },
      { revokedAt: now },
    );
    const { token, tokenHash } = newOpaqueToken();
    const invitation = tx.create(InvitationSchema, {
      organization,
      email,
      role,
      tokenHash,
      invitedBy: inviterId,
      createdAt: now,
      expiresAt: invitationExpiry(now),
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    });
    const inviter = await tx.findOneOrFail(UserSchema, { id: inviterId });
    await announceInvitation(
      tx,
      {
        to: email,
        locale: invitee?.locale ?? inviter.locale,
        organizationName: organization.name,
        inviterId,
        inviterName: inviter.displayName,
        role,
        token,
      },
      now,
    );
    if (invitee) {
      await tx.flush();
      await notify(
        tx,
        {
          recipientId: invitee.id,
          actorId: inviterId,
          type: 'ORGANIZATION_INVITATION',
          params: {
            organizationId,
            organizationName: organization.name,
            inviterName: inviter.displayName,
            role,
          },
          link: `/organizations/${organization.slug}`,
          idempotencyKey: `invitation:${invitation.id}`,
        },
        now,
      );
    }
    return { invitation, errors: [] };
  });
}

export interface AcceptancePayload {
  readonly membership: Membership | null;
  readonly errors: UserError[];
}

const refused = (code: string, message: string): AcceptancePayload => ({
  membership: null,
  errors: [userError(code, message, 'token')],
});

/**
 * Joins with an invitation's token. The invitation row is locked, so the same token accepted twice at
 * once yields one membership and one INVITATION_ALREADY_USED. Joining also grants the RECRUITER platform
 * role, which members need to work on their organization's offers: the inviter decided it, not the invitee.
 */
export async function acceptInvitation(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly token: string },
  now: Date,
): Promise<AcceptancePayload> {
  const userId = personOf(viewer);
  return em.transactional(async (tx) => {
    const invitation = await tx.findOne(
      InvitationSchema,
      { tokenHash: hashOpaqueToken(input.token.trim()) },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!invitation) return refused('INVITATION_NOT_FOUND', 'This invitation link is not valid.');
    switch (invitationState(invitation, now)) {
      case 'ACCEPTED':
        return refused('INVITATION_ALREADY_USED', 'This invitation has already been accepted.');
      case 'REVOKED':
        return refused('INVITATION_REVOKED', 'This invitation was withdrawn or replaced by a newer one.');
      case 'EXPIRED':
        return refused('INVITATION_EXPIRED', 'This invitation has expired: ask for a new one.');
      case 'PENDING':
        break;
    }
    const user = await tx.findOne(UserSchema, { id: userId });
    if (!user || normalizeEmail(user.email) !== invitation.email) {
      return refused(
        'INVITATION_EMAIL_MISMATCH',
        'This invitation was sent to another email address: sign in with the account of that address.',
      );
    }
    const organizationId = invitation.organization.id;
    await tx.findOne(OrganizationSchema, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if ((await tx.count(MembershipSchema, { organization: organizationId, user: userId })) > 0) {
      return refused('ALREADY_MEMBER', 'You are already a member of this organization.');
    }
    invitation.acceptedAt = now;
    invitation.acceptedBy = user;
    if (!user.roles.includes('RECRUITER')) user.roles = [...user.roles, 'RECRUITER'];
    const membership = tx.create(MembershipSchema, {
      user,
      organization: organizationId,
      role: invitation.role,
      joinedAt: now,
    });
    return { membership, errors: [] };
  });
}

export async function revokeInvitation(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly invitationId: string },
  now: Date,
): Promise<InvitationPayload> {
  const invitationId = requireId(input.invitationId, 'invitationId');
  const actorId = personOf(viewer);
  return em.transactional(async (tx) => {
    const invitation = await tx.findOne(
      InvitationSchema,
      { id: invitationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!invitation) {
      return {
        invitation: null,
        errors: [userError('INVITATION_NOT_FOUND', 'No invitation has this id.', 'invitationId')],
      };
    }
    const own = await tx.findOne(MembershipSchema, {
      organization: invitation.organization.id,
      user: actorId,
    });
    const actor = own ? ({ kind: 'MEMBER', role: own.role } as const) : ({ kind: 'OUTSIDER' } as const);
    if (!decideInvitation(actor, invitation.role).allowed) {
      throw forbidden(
        'Only whoever may send this invitation (an OWNER, or an ADMIN for RECRUITERs) withdraws it.',
      );
    }
    if (invitationState(invitation, now) !== 'PENDING') {
      return {
        invitation: null,
        errors: [
          userError(
            'INVITATION_NOT_PENDING',
            'This invitation was already accepted, withdrawn or has expired.',
            'invitationId',
          ),
        ],
      };
    }
    invitation.revokedAt = now;
    return { invitation, errors: [] };
  });
}
