import {
  dummyPasswordHash,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  otpauthUri,
  verifyPassword,
  verifyTotp,
  type Viewer,
} from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import { RecoveryCodeSchema } from '../entities/RecoveryCode.ts';
import { UserSchema, type User } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { userError, type UserError } from '../domain/user-error.ts';

/** Name authenticator apps show next to the account. */
export const TOTP_ISSUER = 'talentgraph';
export const RECOVERY_CODE_COUNT = 10;

type Outcome<Success> =
  ({ readonly ok: true } & Success) | { readonly ok: false; readonly errors: UserError[] };

const activeContext = (userId: string) => `totp:${userId}`;
const pendingContext = (userId: string) => `totp-pending:${userId}`;

/** What a person typed as second factor at sign-in. */
export interface SecondFactor {
  readonly totpCode?: string | null;
  readonly recoveryCode?: string | null;
}

const INVALID_CODE = userError('INVALID_TWO_FACTOR_CODE', 'This code is not valid (or was already used).');

/**
 * Accepts a TOTP code of a step after the last one used (a code cannot be replayed, not even within its
 * 30 seconds) or an unused recovery code, each claimed by a conditional update so that two concurrent
 * sign-ins cannot both use it. Limited per account: 5 tries, then one a minute.
 */
async function useSecondFactor(
  em: EntityManager,
  user: User,
  factor: SecondFactor,
  now: Date,
): Promise<boolean> {
  const identity = identityOf(em);
  await identity.rateLimits.enforce('twoFactorPerAccount', user.id);
  let accepted = false;
  if (factor.totpCode && user.totpSecretSealed) {
    const secret = identity.secretBox.open(activeContext(user.id), user.totpSecretSealed);
    const verification = verifyTotp(secret, factor.totpCode, {
      now,
      lastUsedStep: user.totpLastUsedStep ?? null,
    });
    if (verification.valid) {
      const claimed = await em.nativeUpdate(
        UserSchema,
        { id: user.id, $or: [{ totpLastUsedStep: null }, { totpLastUsedStep: { $lt: verification.step } }] },
        { totpLastUsedStep: verification.step },
      );
      accepted = claimed === 1;
      if (accepted) user.totpLastUsedStep = verification.step;
    }
  } else if (factor.recoveryCode) {
    const claimed = await em.nativeUpdate(
      RecoveryCodeSchema,
      { user: user.id, codeHash: hashRecoveryCode(factor.recoveryCode), usedAt: null },
      { usedAt: now },
    );
    accepted = claimed === 1;
  }
  if (accepted) await identity.rateLimits.reset('twoFactorPerAccount', user.id);
  return accepted;
}

/** At sign-in, once the password matched: what two-factor demands, if it is on. */
export async function checkSecondFactor(
  em: EntityManager,
  user: User,
  factor: SecondFactor,
  now: Date,
): Promise<Outcome<Record<never, never>>> {
  if (!user.totpEnabledAt) return { ok: true };
  if (!factor.totpCode && !factor.recoveryCode) {
    return {
      ok: false,
      errors: [
        userError(
          'TWO_FACTOR_REQUIRED',
          'Enter the code of your authenticator app, or one of your recovery codes.',
          'totpCode',
        ),
      ],
    };
  }
  return (await useSecondFactor(em, user, factor, now))
    ? { ok: true }
    : { ok: false, errors: [INVALID_CODE] };
}

async function personOf(em: EntityManager, viewer: Viewer): Promise<User | null> {
  return viewer.kind === 'USER' ? em.findOne(UserSchema, { id: viewer.userId }) : null;
}

const NO_ACCOUNT = userError('ACCOUNT_NOT_FOUND', 'This account no longer exists.');

/**
 * Starts two-factor enrolment: a new secret, kept sealed and pending until a first code proves the
 * authenticator has it. Shown once, here; enrolling again replaces a pending secret.
 */
export async function enrollTotp(
  em: EntityManager,
  viewer: Viewer,
): Promise<Outcome<{ secret: string; otpauthUri: string }>> {
  const user = await personOf(em, viewer);
  if (!user) return { ok: false, errors: [NO_ACCOUNT] };
  if (user.totpEnabledAt) {
    return {
      ok: false,
      errors: [
        userError('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on; turn it off first.'),
      ],
    };
  }
  const secret = generateTotpSecret();
  user.totpPendingSecretSealed = identityOf(em).secretBox.seal(pendingContext(user.id), secret);
  await em.flush();
  return {
    ok: true,
    secret,
    otpauthUri: otpauthUri({ secret, accountName: user.email, issuer: TOTP_ISSUER }),
  };
}

/**
 * Turns two-factor on with a first valid code of the pending secret, and returns recovery codes: shown
 * this once, stored only as hashes.
 */
export async function confirmTotp(
  em: EntityManager,
  viewer: Viewer,
  code: string,
  now: Date,
): Promise<Outcome<{ recoveryCodes: string[]; account: User }>> {
  const user = await personOf(em, viewer);
  if (!user) return { ok: false, errors: [NO_ACCOUNT] };
  if (user.totpEnabledAt) {
    return {
      ok: false,
      errors: [userError('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on.')],
    };
  }
  if (!user.totpPendingSecretSealed) {
    return {
      ok: false,
      errors: [userError('TWO_FACTOR_NOT_ENROLLED', 'Start with enrollTotp to get a secret for your app.')],
    };
  }
  const identity = identityOf(em);
  await identity.rateLimits.enforce('twoFactorPerAccount', user.id);
  const secret = identity.secretBox.open(pendingContext(user.id), user.totpPendingSecretSealed);
  const verification = verifyTotp(secret, code, { now });
  if (!verification.valid) return { ok: false, errors: [{ ...INVALID_CODE, field: ['input', 'code'] }] };
  await identity.rateLimits.reset('twoFactorPerAccount', user.id);
  const recoveryCodes = generateRecoveryCodes(RECOVERY_CODE_COUNT);
  await em.transactional(async (tx) => {
    const account = tx.merge(user);
    account.totpSecretSealed = identity.secretBox.seal(activeContext(user.id), secret);
    account.totpPendingSecretSealed = null;
    account.totpEnabledAt = now;
    account.totpLastUsedStep = verification.step;
    await tx.nativeDelete(RecoveryCodeSchema, { user: user.id });
    for (const recoveryCode of recoveryCodes) {
      tx.create(RecoveryCodeSchema, {
        user: account,
        codeHash: hashRecoveryCode(recoveryCode),
        createdAt: now,
        usedAt: null,
      });
    }
    await tx.flush();
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(user.id),
      action: 'auth.two_factor_enabled',
      target: { type: 'User', id: user.id },
    });
  });
  return { ok: true, recoveryCodes, account: user };
}

/** Turns two-factor off: needs the password and a current code (TOTP or recovery code). */
export async function disableTotp(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly password: string; readonly code: string },
  now: Date,
): Promise<Outcome<{ account: User }>> {
  const user = await personOf(em, viewer);
  if (!user) return { ok: false, errors: [NO_ACCOUNT] };
  if (!user.totpEnabledAt) {
    return { ok: false, errors: [userError('TWO_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not on.')] };
  }
  const identity = identityOf(em);
  await identity.rateLimits.enforce('signInPerAccount', user.email);
  const passwordMatches = await verifyPassword(
    input.password,
    user.passwordHash ?? (await dummyPasswordHash()),
  );
  if (!user.passwordHash || !passwordMatches) {
    return {
      ok: false,
      errors: [userError('INVALID_CURRENT_PASSWORD', 'The password is incorrect.', 'password')],
    };
  }
  const isTotp = /^\s*\d{3}\s?\d{3}\s*$/.test(input.code);
  const factor = isTotp ? { totpCode: input.code } : { recoveryCode: input.code };
  if (!(await useSecondFactor(em, user, factor, now))) {
    return { ok: false, errors: [{ ...INVALID_CODE, field: ['input', 'code'] }] };
  }
  await em.transactional(async (tx) => {
    const account = tx.merge(user);
    account.totpSecretSealed = null;
    account.totpPendingSecretSealed = null;
    account.totpEnabledAt = null;
    account.totpLastUsedStep = null;
    await tx.nativeDelete(RecoveryCodeSchema, { user: user.id });
    await tx.flush();
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(user.id),
      action: 'auth.two_factor_disabled',
      target: { type: 'User', id: user.id },
      details: { proof: isTotp ? 'TOTP' : 'RECOVERY_CODE' },
    });
  });
  return { ok: true, account: user };
}
