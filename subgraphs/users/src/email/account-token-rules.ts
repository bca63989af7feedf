/** What a single-use e-mail link is for, and how long it works. */
export const ACCOUNT_TOKEN_PURPOSES = ['EMAIL_VERIFICATION', 'PASSWORD_RESET'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

const HOUR_MS = 60 * 60 * 1000;

export const ACCOUNT_TOKEN_LIFETIME_HOURS: Record<AccountTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24,
  PASSWORD_RESET: 1,
};

export function accountTokenExpiry(purpose: AccountTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_HOURS[purpose] * HOUR_MS);
}

export type AccountTokenState = 'USABLE' | 'USED' | 'EXPIRED' | 'STALE';

/**
 * A link works once, before it expires, and only for the address it was sent to (a link to verify an
 * address the account no longer has is stale).
 */
export function accountTokenState(
  token: { readonly usedAt?: Date | null; readonly expiresAt: Date; readonly email: string },
  accountEmail: string,
  now: Date,
): AccountTokenState {
  if (token.usedAt) return 'USED';
  if (token.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (token.email !== accountEmail) return 'STALE';
  return 'USABLE';
}
