import { unauthenticated } from '@talentgraph/auth';
import { exportSection, type EntityManager } from '@talentgraph/platform';
import { AccountTokenSchema } from '../entities/AccountToken.ts';
import { ApiKeySchema } from '../entities/ApiKey.ts';
import { AuditEntrySchema } from '../entities/AuditEntry.ts';
import { EmailMessageSchema } from '../entities/EmailMessage.ts';
import { InvitationSchema } from '../entities/Invitation.ts';
import { MembershipSchema } from '../entities/Membership.ts';
import { NotificationSchema } from '../entities/Notification.ts';
import { RecoveryCodeSchema } from '../entities/RecoveryCode.ts';
import { SessionSchema } from '../entities/Session.ts';
import { SocialIdentitySchema } from '../entities/SocialIdentity.ts';
import { UserSchema } from '../entities/User.ts';
import { preferencesOf } from '../notifications/notifications.ts';

/**
 * Everything the users subgraph holds about one person, for their export: the account, sign-in
 * sessions and linked identities, organizations, invitations, partner keys they created, notifications
 * and their settings, the e-mails sent to them and the audit entries about them. Never a secret: no
 * password or token hash, no TOTP secret, no recovery code (only how many are left), no e-mail body.
 * Other people appear by id only (an invitation they sent names the organization, not the invitee).
 */
export async function usersSectionOf(em: EntityManager, userId: string): Promise<Record<string, unknown>> {
  const user = await em.findOne(UserSchema, { id: userId });
  if (!user) throw unauthenticated('This account no longer exists.');
  const sessions = await em.find(SessionSchema, { user: userId }, { orderBy: { createdAt: 'asc' } });
  const identities = await em.find(SocialIdentitySchema, { user: userId }, { orderBy: { linkedAt: 'asc' } });
  const memberships = await em.find(
    MembershipSchema,
    { user: userId },
    { populate: ['organization'], orderBy: { joinedAt: 'asc' } },
  );
  const received = await em.find(
    InvitationSchema,
    { $or: [{ email: user.email }, { acceptedBy: userId }] },
    { orderBy: { createdAt: 'asc' } },
  );
  const sent = await em.find(InvitationSchema, { invitedBy: userId }, { orderBy: { createdAt: 'asc' } });
  const apiKeys = await em.find(ApiKeySchema, { createdBy: userId }, { orderBy: { createdAt: 'asc' } });
  const notifications = await em.find(
    NotificationSchema,
    { recipient: userId },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const [preferences] = await preferencesOf(em, [userId]);
  const emails = await em.find(
    EmailMessageSchema,
    { recipient: user.email },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const links = await em.find(AccountTokenSchema, { user: userId }, { orderBy: { createdAt: 'asc' } });
  const recoveryCodes = await em.find(RecoveryCodeSchema, { user: userId });
  const auditTrail = await em.find(
    AuditEntrySchema,
    {
      $or: [
        { actorKind: 'USER', actorId: userId },
        { targetType: 'User', targetId: userId },
        { details: { userId } },
      ],
    },
    { orderBy: { occurredAt: 'asc', id: 'asc' } },
  );
  return exportSection({
    account: {
      id: user.id,
      email: user.email,
      emailVerifiedAt: user.emailVerifiedAt,
      displayName: user.displayName,
      roles: user.roles,
      locale: user.locale,
      avatarUrl: user.avatarUrl,
      signsInWithPassword: user.passwordHash !== null,
      twoFactorEnabledAt: user.totpEnabledAt,
      recoveryCodesLeft: user.totpEnabledAt
        ? recoveryCodes.filter((code) => code.usedAt === null).length
        : null,
      disabledAt: user.disabledAt,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    sessions: sessions.map((session) => ({
      id: session.id,
      openedAt: session.createdAt,
      lastRefreshedAt: session.lastRefreshedAt,
      expiresAt: session.expiresAt,
      endedAt: session.revokedAt,
      endReason: session.endReason,
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
    })),
    linkedSignInProviders: identities.map((identity) => ({
      provider: identity.provider,
      subject: identity.subject,
      email: identity.email,
      linkedAt: identity.linkedAt,
      lastSignInAt: identity.lastSignInAt,
    })),
    organizationMemberships: memberships.map((membership) => ({
      organizationId: membership.organization.id,
      organizationName: membership.organization.name,
      role: membership.role,
      joinedAt: membership.joinedAt,
    })),
    invitationsReceived: received.map((invitation) => ({
      organizationId: invitation.organization.id,
      role: invitation.role,
      sentAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      acceptedAt: invitation.acceptedAt,
      revokedAt: invitation.revokedAt,
    })),
    invitationsSent: sent.map((invitation) => ({
      organizationId: invitation.organization.id,
      role: invitation.role,
      sentAt: invitation.createdAt,
      acceptedAt: invitation.acceptedAt,
      revokedAt: invitation.revokedAt,
    })),
    apiKeysCreated: apiKeys.map((key) => ({
      id: key.id,
      organizationId: key.organization.id,
      name: key.name,
      createdAt: key.createdAt,
      lastUsedAt: key.lastUsedAt,
      revokedAt: key.revokedAt,
    })),
    notifications: notifications.map((notification) => ({
      id: notification.id,
      type: notification.type,
      title: notification.title,
      body: notification.body,
      link: notification.link,
      data: notification.data,
      shownInApp: notification.inApp,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    })),
    notificationPreferences: (preferences ?? []).map(({ type, inApp, email }) => ({ type, inApp, email })),
    emailsSent: emails.map((email) => ({
      id: email.id,
      template: email.template,
      subject: email.subject,
      status: email.status,
      queuedAt: email.createdAt,
      sentAt: email.sentAt,
    })),
    emailLinks: links.map((link) => ({
      purpose: link.purpose,
      sentTo: link.email,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      usedAt: link.usedAt,
    })),
    auditTrail: auditTrail.map((entry) => ({
      id: entry.id,
      occurredAt: entry.occurredAt,
      action: entry.action,
      actor: { kind: entry.actorKind, id: entry.actorId },
      target: entry.targetType === null ? null : { type: entry.targetType, id: entry.targetId },
      recordedBy: entry.subgraph,
      requestId: entry.requestId,
      ip: entry.ip,
      details: entry.details,
    })),
  });
}
