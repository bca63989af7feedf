import type { Viewer } from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { accountOf, type Outcome } from '../accounts/accounts.ts';
import type { User } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { userError } from '../domain/user-error.ts';
import { currentClient } from '../sessions/client.ts';
import { enqueueAccountEmail } from './account-emails.ts';
import { redeemAccountToken } from './account-tokens.ts';
import { linkError } from './link-errors.ts';

/** Sends a new verification link to the caller's address (the previous link stops working). */
export async function requestEmailVerification(
  em: EntityManager,
  viewer: Viewer,
  now: Date,
): Promise<Outcome<Record<never, never>>> {
  const user = await accountOf(em, viewer);
  if (!user) return { ok: false, errors: [userError('ACCOUNT_NOT_FOUND', 'This account no longer exists.')] };
  if (user.emailVerifiedAt) {
    return {
      ok: false,
      errors: [userError('EMAIL_ALREADY_VERIFIED', 'This e-mail address is already verified.')],
    };
  }
  await identityOf(em).rateLimits.enforce('emailPerAccount', `verification:${user.id}`);
  await em.transactional((tx) => enqueueAccountEmail(tx, tx.merge(user), 'EMAIL_VERIFICATION', now));
  return { ok: true };
}

/** Marks the address verified with the link's token; the link works once, for 24 hours. */
export async function verifyEmail(
  em: EntityManager,
  token: string,
  now: Date,
): Promise<Outcome<{ account: User }>> {
  await identityOf(em).rateLimits.enforce('tokenRedemptionPerAddress', currentClient().ip ?? 'unknown');
  return em.transactional(async (tx) => {
    const redemption = await redeemAccountToken(tx, token, 'EMAIL_VERIFICATION', now);
    if (!redemption.ok) return { ok: false, errors: [linkError(redemption.reason)] };
    redemption.user.emailVerifiedAt ??= now;
    await tx.flush();
    return { ok: true, account: redemption.user };
  });
}
