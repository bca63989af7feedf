/**
 * Sessions and refresh-token rotation, as plain rules.
 *
 * A session is one sign-in on one device: a family of refresh tokens of which only the newest is
 * current. Each refresh spends the current token and hands out the next one. A spent token presented
 * again means two parties hold the family (the token was stolen, or replayed by an attacker after the
 * owner moved on): the whole session is then revoked, which logs out both, and the owner signs in again.
 */

export const SESSION_END_REASONS = [
  'LOGOUT',
  'LOGOUT_EVERYWHERE',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'REFRESH_TOKEN_REUSE',
  'ACCOUNT_DISABLED',
  'ROLE_REVOKED',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionState {
  readonly revokedAt?: Date | null;
  readonly expiresAt: Date;
}

export interface AccountState {
  readonly disabledAt?: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A session ends when revoked, after `lifetimeDays` without refresh, or when its account is disabled. */
export function isSessionLive(session: SessionState, account: AccountState, now: Date): boolean {
  return (
    session.revokedAt == null && session.expiresAt.getTime() > now.getTime() && account.disabledAt == null
  );
}

/** Every refresh pushes the end of the session `lifetimeDays` further. */
export function sessionExpiry(now: Date, lifetimeDays: number): Date {
  return new Date(now.getTime() + lifetimeDays * DAY_MS);
}

export type RefreshDecision =
  /** Spend the token and hand out the next one. */
  | { readonly kind: 'ROTATE' }
  /** A spent token came back: revoke the whole family. */
  | { readonly kind: 'REVOKE_FAMILY' }
  /** Refuse, changing nothing. */
  | { readonly kind: 'REFUSE'; readonly reason: 'UNKNOWN_TOKEN' | 'SESSION_ENDED' };

/**
 * What to do with a presented refresh token: `found` is null when no token has this hash; `spent`
 * tells whether it had already been exchanged before this attempt.
 */
export function decideRefresh(
  found: {
    readonly spent: boolean;
    readonly session: SessionState;
    readonly account: AccountState;
  } | null,
  now: Date,
): RefreshDecision {
  if (found === null) return { kind: 'REFUSE', reason: 'UNKNOWN_TOKEN' };
  if (found.spent) {
    return found.session.revokedAt == null
      ? { kind: 'REVOKE_FAMILY' }
      : { kind: 'REFUSE', reason: 'SESSION_ENDED' };
  }
  if (!isSessionLive(found.session, found.account, now)) return { kind: 'REFUSE', reason: 'SESSION_ENDED' };
  return { kind: 'ROTATE' };
}
