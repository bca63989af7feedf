import { hashPassword } from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import { enqueueAccountEmail } from '../email/account-emails.ts';
import { checkAccountToken, redeemAccountToken } from '../email/account-tokens.ts';
import { linkError } from '../email/link-errors.ts';
import { UserSchema } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { currentClient } from '../sessions/client.ts';
import { endSessionsOf } from '../sessions/sessions.ts';
import { normalizeEmail } from './account-rules.ts';
import { passwordErrors, type Outcome } from './accounts.ts';

/**
 * Sends a reset link when the address belongs to an account that is not disabled. The caller always gets
 * the same answer, and the limits apply to any address, so neither reveals which addresses have accounts.
 */
export async function requestPasswordReset(em: EntityManager, email: string, now: Date): Promise<void> {
  const { rateLimits } = identityOf(em);
  const address = normalizeEmail(email);
  await rateLimits.enforce('emailPerAddress', currentClient().ip ?? 'unknown');
  await rateLimits.enforce('emailPerAccount', `reset:${address}`);
  const user = await em.findOne(UserSchema, { email: address });
  if (!user || user.disabledAt) return;
  await em.transactional((tx) => enqueueAccountEmail(tx, tx.merge(user), 'PASSWORD_RESET', now));
}

/**
 * Sets a new password with the token of a reset link (once, within an hour). Every session of the
 * account ends; receiving the link also proves the address, which becomes verified.
 */
export async function resetPassword(
  em: EntityManager,
  input: { readonly token: string; readonly newPassword: string },
  now: Date,
): Promise<Outcome<{ endedSessionCount: number }>> {
  await identityOf(em).rateLimits.enforce('tokenRedemptionPerAddress', currentClient().ip ?? 'unknown');
  const checked = await checkAccountToken(em, input.token, 'PASSWORD_RESET', now);
  if (!checked.ok) return { ok: false, errors: [linkError(checked.reason)] };
  const problems = passwordErrors(input.newPassword, 'newPassword', checked.user);
  if (problems.length > 0) return { ok: false, errors: problems };
  const passwordHash = await hashPassword(input.newPassword);
  return em.transactional(async (tx) => {
    const redemption = await redeemAccountToken(tx, input.token, 'PASSWORD_RESET', now);
    if (!redemption.ok) return { ok: false, errors: [linkError(redemption.reason)] };
    const user = redemption.user;
    user.passwordHash = passwordHash;
    user.emailVerifiedAt ??= now;
    await tx.flush();
    await enqueueAccountEmail(tx, user, 'PASSWORD_CHANGED', now);
    const endedSessionCount = await endSessionsOf(tx, user.id, 'PASSWORD_RESET', now);
    // Whoever holds the link proved they read the account's mailbox: the log names the account.
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(user.id),
      action: 'auth.password_reset',
      target: { type: 'User', id: user.id },
      details: { endedSessionCount },
    });
    return { ok: true, endedSessionCount };
  });
}
