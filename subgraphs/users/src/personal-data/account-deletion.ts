import { LockMode } from '@mikro-orm/core';
import { unauthenticated, verifyPassword, type Viewer } from '@talentgraph/auth';
import {
  ACCOUNT_DELETED,
  ORGANIZATION_DELETED,
  recordDomainEvent,
  type AccountDeletedPayload,
  type EntityManager,
  type OrganizationDeletedPayload,
} from '@talentgraph/platform';
import { accountOf, type Outcome } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import type { MembershipRole } from '../domain/organization.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { EmailMessageSchema } from '../entities/EmailMessage.ts';
import { InvitationSchema } from '../entities/Invitation.ts';
import { NotificationSchema } from '../entities/Notification.ts';
import { OrganizationSchema } from '../entities/Organization.ts';
import { SessionSchema } from '../entities/Session.ts';
import { UserSchema, type User } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { renderNotification } from '../notifications/templates.ts';
import { checkSecondFactor } from '../two-factor/two-factor.ts';
import { paramsWithoutActor } from './anonymization-rules.ts';
import {
  RECENT_SIGN_IN_MINUTES,
  isRecentSignIn,
  organizationFates,
  reauthenticationOf,
  type OrganizationStanding,
} from './deletion-rules.ts';

type Person = Extract<Viewer, { kind: 'USER' }>;

export interface DeleteMyAccountInput {
  /** The current password, for an account that has one. */
  readonly password?: string | null;
  /** A code of the authenticator app, or an unused recovery code, when two-factor is on. */
  readonly twoFactorCode?: string | null;
}

const PASSWORD_REQUIRED = userError(
  'PASSWORD_REQUIRED',
  'Enter your password to delete your account.',
  'password',
);
const INVALID_CURRENT_PASSWORD = userError(
  'INVALID_CURRENT_PASSWORD',
  'The password is incorrect.',
  'password',
);
const RECENT_SIGN_IN_REQUIRED = userError(
  'RECENT_SIGN_IN_REQUIRED',
  `Your account has no password: sign in again with your provider, then delete it within ${RECENT_SIGN_IN_MINUTES} minutes.`,
);
const TWO_FACTOR_REQUIRED = userError(
  'TWO_FACTOR_REQUIRED',
  'Enter the code of your authenticator app, or one of your recovery codes.',
  'twoFactorCode',
);

function soleOwner(organizationName: string): UserError {
  return userError(
    'SOLE_OWNER_OF_ORGANIZATION',
    `You are the only owner of ${organizationName}, which has other members: make one of them OWNER (or remove them) first.`,
  );
}

function refused(...errors: UserError[]): { ok: false; errors: UserError[] } {
  return { ok: false, errors };
}

/**
 * Deletes the signed-in person's account, after proving it is them (deletion-rules.ts): the password,
 * or for an account without one a sign-in through its provider within the last minutes; plus a
 * two-factor code when that is on. Refused while they are the only OWNER of an organization that has
 * other members.
 *
 * Everything this subgraph holds about them goes in one transaction (eraseAccount), with the
 * `users.AccountDeleted` event that has every other subgraph erase its part, and an audit entry. Any
 * refusal changes nothing: the second factor is checked last, inside the transaction, so a code is not
 * used up by a deletion refused for another reason.
 */
export async function deleteMyAccount(
  em: EntityManager,
  person: Person,
  input: DeleteMyAccountInput,
  now: Date,
): Promise<Outcome<{ deletedUserId: string }>> {
  const user = await accountOf(em, person);
  if (!user) throw unauthenticated('This account no longer exists.');
  const proof = reauthenticationOf({
    hasPassword: user.passwordHash !== null,
    twoFactorEnabled: user.totpEnabledAt !== null,
  });
  if (proof.kind === 'PASSWORD') {
    if (!input.password) return refused(PASSWORD_REQUIRED);
    await identityOf(em).rateLimits.enforce('signInPerAccount', user.email);
    if (!(await verifyPassword(input.password, user.passwordHash!))) return refused(INVALID_CURRENT_PASSWORD);
  } else {
    const session = await em.findOne(SessionSchema, { id: person.sessionId, user: user.id });
    if (!session || !isRecentSignIn(session.createdAt, now)) return refused(RECENT_SIGN_IN_REQUIRED);
  }
  const twoFactorCode = input.twoFactorCode?.trim() ?? '';
  if (proof.secondFactor && twoFactorCode === '') return refused(TWO_FACTOR_REQUIRED);

  return em.transactional(async (tx) => {
    // Serializes two deletions of one account (a double submit): the second finds no account.
    const account = await tx.findOne(UserSchema, { id: user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!account) throw unauthenticated('This account no longer exists.');
    const fates = organizationFates(await lockedStandingsOf(tx, account.id));
    if (fates.blocking.length > 0) {
      return refused(...fates.blocking.map(({ organizationName }) => soleOwner(organizationName)));
    }
    if (proof.secondFactor) {
      const isTotp = /^\d{3}\s?\d{3}$/.test(twoFactorCode);
      const factor = isTotp ? { totpCode: twoFactorCode } : { recoveryCode: twoFactorCode };
      const checked = await checkSecondFactor(tx, account, factor, now);
      if (!checked.ok)
        return refused(...checked.errors.map((error) => ({ ...error, field: ['input', 'twoFactorCode'] })));
    }
    await eraseAccount(tx, account, fates.deleted, { viewer: person, now });
    return { ok: true as const, deletedUserId: account.id };
  });
}

/**
 * The person's standing in each organization they belong to, read under a lock on those organizations
 * (the one every membership change takes, organizations/members.ts), so that nobody leaves or is
 * promoted between this decision and the deletion.
 */
async function lockedStandingsOf(tx: EntityManager, userId: string): Promise<OrganizationStanding[]> {
  const organizationIds = (
    await tx.execute<{ organization_id: string }[]>(
      'select organization_id from memberships where user_id = ? order by organization_id',
      [userId],
    )
  ).map((row) => row.organization_id);
  if (organizationIds.length === 0) return [];
  const organizations = await tx.find(
    OrganizationSchema,
    { id: { $in: organizationIds } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  const rows = await tx.execute<
    { organization_id: string; role: MembershipRole | null; owners: number; members: number }[]
  >(
    `select organization_id,
            max(role) filter (where user_id = ?) as role,
            count(*) filter (where role = 'OWNER')::int as owners,
            count(*)::int as members
     from memberships where organization_id in (${organizationIds.map(() => '?').join(', ')})
     group by organization_id order by organization_id`,
    [userId, ...organizationIds],
  );
  return rows
    .filter((row) => row.role !== null)
    .map((row) => ({
      organizationId: row.organization_id,
      organizationName: organizations.find((organization) => organization.id === row.organization_id)!.name,
      role: row.role!,
      ownerCount: row.owners,
      memberCount: row.members,
    }));
}

/**
 * Erases the person from this subgraph's database, in the caller's transaction:
 * - the organizations whose only member they are, with everything of theirs (members, invitations,
 *   quotas, partner keys), each announced as `users.OrganizationDeleted`;
 * - what other people received about them: notifications naming or quoting them are written again
 *   without them (anonymization-rules.ts); e-mails telling of them, or addressed to them, are deleted;
 * - invitations sent to their address;
 * - the account row itself, and with it (foreign keys) sessions and refresh tokens, e-mail links,
 *   recovery codes, memberships, notifications and their settings, linked provider identities; the
 *   invitations and partner keys they created stay with their organization, without their author.
 * The audit log keeps their id only (audit-rules.ts explains why): it records this erasure too.
 */
async function eraseAccount(
  tx: EntityManager,
  account: User,
  organizationIds: readonly string[],
  cause: { readonly viewer: Person; readonly now: Date },
): Promise<void> {
  if (organizationIds.length > 0) {
    await tx.nativeDelete(OrganizationSchema, { id: { $in: [...organizationIds] } });
    for (const organizationId of organizationIds) {
      recordDomainEvent<OrganizationDeletedPayload>(tx, cause, {
        type: ORGANIZATION_DELETED,
        version: 1,
        aggregate: { type: 'Organization', id: organizationId },
        payload: { organizationId },
      });
    }
  }
  const quoting = await tx.find(NotificationSchema, { actorId: account.id, recipient: { $ne: account.id } });
  for (const notification of quoting) {
    const content = renderNotification(
      notification.type,
      paramsWithoutActor(notification.type, notification.data, notification.locale),
      notification.locale,
    );
    notification.title = content.title;
    notification.body = content.body;
    notification.data = content.data;
    notification.actorId = null;
  }
  await tx.flush();
  await tx.nativeDelete(EmailMessageSchema, { $or: [{ recipient: account.email }, { actorId: account.id }] });
  await tx.nativeDelete(InvitationSchema, { email: account.email });
  tx.remove(account);
  await tx.flush();
  recordDomainEvent<AccountDeletedPayload>(tx, cause, {
    type: ACCOUNT_DELETED,
    version: 1,
    aggregate: { type: 'User', id: account.id },
    payload: { userId: account.id },
  });
  await recordAudit(tx, {
    occurredAt: cause.now,
    actor: userActor(account.id),
    action: 'gdpr.account_deleted',
    target: { type: 'User', id: account.id },
    details: { deletedOrganizationIds: [...organizationIds] },
  });
}
