import type { EntityManager } from '@talentgraph/platform';
import { hashOpaqueToken, newOpaqueToken } from '../encryption/opaque-tokens.ts';
import { AccountTokenSchema } from '../entities/AccountToken.ts';
import type { User } from '../entities/User.ts';
import { accountTokenExpiry, accountTokenState, type AccountTokenPurpose } from './account-token-rules.ts';

/** A new single-use link token for `user`; earlier unused ones for the same purpose stop working. */
export async function issueAccountToken(
  em: EntityManager,
  user: User,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<string> {
  await em.nativeDelete(AccountTokenSchema, { user: user.id, purpose, usedAt: null });
  const { token, tokenHash } = newOpaqueToken();
  em.create(AccountTokenSchema, {
    user,
    purpose,
    tokenHash,
    email: user.email,
    createdAt: now,
    expiresAt: accountTokenExpiry(purpose, now),
    usedAt: null,
  });
  await em.flush();
  return token;
}

export type Redemption =
  { readonly ok: true; readonly user: User } | { readonly ok: false; readonly reason: 'INVALID' | 'EXPIRED' };

/** Whether a presented link token could be used now, and by whom, without using it. */
export async function checkAccountToken(
  em: EntityManager,
  presented: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<Redemption & { readonly tokenId?: string }> {
  const token = await em.findOne(
    AccountTokenSchema,
    { tokenHash: hashOpaqueToken(presented), purpose },
    { populate: ['user'] },
  );
  if (!token) return { ok: false, reason: 'INVALID' };
  const state = accountTokenState(token, token.user.email, now);
  if (state === 'EXPIRED') return { ok: false, reason: 'EXPIRED' };
  if (state !== 'USABLE') return { ok: false, reason: 'INVALID' };
  return { ok: true, user: token.user, tokenId: token.id };
}

/**
 * Uses a link token once: of two concurrent redemptions only one succeeds (conditional update). Call it
 * inside the transaction that does what the link allows, so a failure there leaves the token usable.
 */
export async function redeemAccountToken(
  em: EntityManager,
  presented: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<Redemption> {
  const checked = await checkAccountToken(em, presented, purpose, now);
  if (!checked.ok) return checked;
  const claimed = await em.nativeUpdate(
    AccountTokenSchema,
    { id: checked.tokenId!, usedAt: null },
    { usedAt: now },
  );
  return claimed === 1 ? { ok: true, user: checked.user } : { ok: false, reason: 'INVALID' };
}
