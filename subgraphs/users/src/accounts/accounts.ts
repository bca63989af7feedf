import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  passwordPolicyProblems,
  verifyPassword,
  type Role,
  type Viewer,
} from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { ANONYMOUS_ACTOR, userActor } from '../audit/audit-rules.ts';
import { UserSchema, type User } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { currentClient } from '../sessions/client.ts';
import { endSessionsOf, openSession, type SessionTokens } from '../sessions/sessions.ts';
import { checkSecondFactor, type SecondFactor } from '../two-factor/two-factor.ts';
import { displayNameProblems, normalizeEmail, registrationProblems } from './account-rules.ts';
import type { Locale } from '../domain/roles.ts';
import { enqueueAccountEmail } from '../email/account-emails.ts';

/** One message for an unknown e-mail and a wrong password, so that sign-in does not reveal accounts. */
export const INVALID_CREDENTIALS = userError(
  'INVALID_CREDENTIALS',
  'The e-mail address or the password is incorrect.',
);

export type Outcome<Success> =
  ({ readonly ok: true } & Success) | { readonly ok: false; readonly errors: UserError[] };

function refused(...errors: UserError[]): { ok: false; errors: UserError[] } {
  return { ok: false, errors };
}

export function passwordErrors(
  password: string,
  field: string,
  personal: { readonly email?: string | null; readonly displayName?: string | null },
): UserError[] {
  return passwordPolicyProblems(password, personal).map((problem) =>
    userError(problem.code, problem.message, field),
  );
}

/** The account of a signed-in person; their token was checked, so a missing account is a deleted one. */
export async function accountOf(em: EntityManager, viewer: Viewer | null): Promise<User | null> {
  if (viewer?.kind !== 'USER') return null;
  return em.findOne(UserSchema, { id: viewer.userId });
}

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly locale: Locale;
}

/**
 * Creates an account and its first session, and queues the verification e-mail, in one transaction.
 * An address already registered is refused with the same answer a sign-up form gives anywhere, and
 * nothing more (not the account's name, role or state). The role was checked by the caller.
 */
export async function register(
  em: EntityManager,
  registration: Registration,
  now: Date,
): Promise<Outcome<{ tokens: SessionTokens }>> {
  const email = normalizeEmail(registration.email);
  const displayName = registration.displayName.trim();
  const problems = [
    ...registrationProblems(registration).map((problem) =>
      userError(problem.code, problem.message, problem.field),
    ),
    ...passwordErrors(registration.password, 'password', { email, displayName }),
  ];
  if (problems.length > 0) return refused(...problems);
  await identityOf(em).rateLimits.enforce('signUpPerAddress', currentClient().ip ?? 'unknown');
  const alreadyRegistered = userError(
    'EMAIL_ALREADY_REGISTERED',
    'An account already uses this e-mail address: sign in, or reset the password.',
    'email',
  );
  if ((await em.count(UserSchema, { email })) > 0) return refused(alreadyRegistered);
  const passwordHash = await hashPassword(registration.password);
  try {
    return await em.transactional(async (tx) => {
      const user = tx.create(UserSchema, {
        email,
        displayName,
        roles: [registration.role],
        locale: registration.locale,
        avatarUrl: null,
        passwordHash,
        emailVerifiedAt: null,
        disabledAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.flush();
      await enqueueAccountEmail(tx, user, 'EMAIL_VERIFICATION', now);
      return { ok: true as const, tokens: await openSession(tx, user, now) };
    });
  } catch (error) {
    // Two sign-ups with one address at the same instant: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) return refused(alreadyRegistered);
    throw error;
  }
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
  readonly secondFactor: SecondFactor;
}

/** Which second factor a sign-in used, for the audit log: none while two-factor is off. */
function secondFactorUsed(user: User, factor: SecondFactor): 'TOTP' | 'RECOVERY_CODE' | null {
  if (!user.totpEnabledAt) return null;
  return factor.totpCode ? 'TOTP' : 'RECOVERY_CODE';
}

/**
 * Signs in. Attempts are limited per client address and per e-mail (known or not, so the limit reveals
 * nothing either); an unknown e-mail costs the same password hashing as a wrong password.
 *
 * Every attempt past the limits is audited: `auth.login`, or `auth.login_failed` with the reason and the
 * account it was for when the e-mail has one. Never the typed e-mail (people type passwords into it) nor
 * the password; an attempt refused by the limits is not recorded (they bound what an attacker can write).
 */
export async function login(
  em: EntityManager,
  credentials: Credentials,
  now: Date,
): Promise<Outcome<{ tokens: SessionTokens }>> {
  const { rateLimits } = identityOf(em);
  const email = normalizeEmail(credentials.email);
  await rateLimits.enforce('signInPerAddress', currentClient().ip ?? 'unknown');
  await rateLimits.enforce('signInPerAccount', email);
  const user = await em.findOne(UserSchema, { email });
  const failed = async (error: UserError) => {
    await recordAudit(em, {
      occurredAt: now,
      actor: ANONYMOUS_ACTOR,
      action: 'auth.login_failed',
      target: user ? { type: 'User', id: user.id } : null,
      details: { method: 'PASSWORD', reason: error.code },
    });
    return refused(error);
  };
  const stored = user?.passwordHash ?? (await dummyPasswordHash());
  const passwordMatches = await verifyPassword(credentials.password, stored);
  if (!user || !user.passwordHash || !passwordMatches) return failed(INVALID_CREDENTIALS);
  if (user.disabledAt) {
    return failed(userError('ACCOUNT_DISABLED', 'This account is disabled; contact the support.'));
  }
  const secondFactor = await checkSecondFactor(em, user, credentials.secondFactor, now);
  if (!secondFactor.ok) return failed(secondFactor.errors[0]!);
  await rateLimits.reset('signInPerAccount', email);
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(credentials.password) : null;
  return em.transactional(async (tx) => {
    const account = tx.merge(user);
    if (rehashed) account.passwordHash = rehashed;
    const tokens = await openSession(tx, account, now);
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(account.id),
      action: 'auth.login',
      target: { type: 'User', id: account.id },
      details: {
        method: 'PASSWORD',
        sessionId: tokens.sessionId,
        secondFactor: secondFactorUsed(account, credentials.secondFactor),
      },
    });
    return { ok: true as const, tokens };
  });
}

/** A new password for a signed-in person who proves they know the current one. */
export async function changePassword(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly currentPassword: string; readonly newPassword: string },
  now: Date,
): Promise<Outcome<{ endedSessionCount: number }>> {
  const user = await accountOf(em, viewer);
  if (!user || viewer.kind !== 'USER') return refused(INVALID_CREDENTIALS);
  await identityOf(em).rateLimits.enforce('signInPerAccount', user.email);
  const currentMatches = await verifyPassword(
    input.currentPassword,
    user.passwordHash ?? (await dummyPasswordHash()),
  );
  if (!user.passwordHash || !currentMatches) {
    return refused(
      userError('INVALID_CURRENT_PASSWORD', 'The current password is incorrect.', 'currentPassword'),
    );
  }
  const problems = passwordErrors(input.newPassword, 'newPassword', user);
  if (problems.length > 0) return refused(...problems);
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessionCount = await em.transactional(async (tx) => {
    const account = tx.merge(user);
    account.passwordHash = passwordHash;
    await tx.flush();
    await enqueueAccountEmail(tx, account, 'PASSWORD_CHANGED', now);
    const ended = await endSessionsOf(tx, account.id, 'PASSWORD_CHANGED', now, { except: viewer.sessionId });
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(account.id),
      action: 'auth.password_changed',
      target: { type: 'User', id: account.id },
      details: { endedSessionCount: ended },
    });
    return ended;
  });
  return { ok: true, endedSessionCount };
}

/** Name, language and avatar: the only things a person changes about their account themselves. */
export async function updateMe(
  em: EntityManager,
  viewer: Viewer,
  changes: {
    readonly displayName?: string | null;
    readonly locale?: Locale | null;
    readonly avatarUrl?: string | null;
  },
): Promise<Outcome<{ account: User }>> {
  const user = await accountOf(em, viewer);
  if (!user) return refused(INVALID_CREDENTIALS);
  if (changes.displayName != null) {
    const problems = displayNameProblems(changes.displayName);
    if (problems.length > 0)
      return refused(...problems.map((problem) => userError(problem.code, problem.message, problem.field)));
    user.displayName = changes.displayName.trim();
  }
  if (changes.locale != null) user.locale = changes.locale;
  if (changes.avatarUrl !== undefined) user.avatarUrl = changes.avatarUrl;
  await em.flush();
  return { ok: true, account: user };
}
