/**
 * When signing keys rotate and which public keys verifiers must know; plain rules, no storage.
 *
 * One key is active (signs new tokens). Rotation retires it and activates a new one; the retired key's
 * public half stays published while tokens it signed may still be valid, i.e. for an access-token
 * lifetime plus a margin for clock skew and JWKS caches, then disappears.
 */

export type JSONWebKey = Record<string, unknown> & { readonly kid?: string; readonly kty?: string };

export interface KeyLifetime {
  readonly activatedAt?: Date | null;
  readonly retiredAt?: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Time a retired key stays published beyond the access-token lifetime. */
export const PUBLICATION_MARGIN_SECONDS = 5 * 60;

export function isActive(key: KeyLifetime): boolean {
  return key.activatedAt != null && key.retiredAt == null;
}

/** The active key is due for replacement once it has signed for `rotationDays`. */
export function isRotationDue(active: KeyLifetime, now: Date, rotationDays: number): boolean {
  if (!isActive(active)) return false;
  return now.getTime() - active.activatedAt!.getTime() >= rotationDays * DAY_MS;
}

/** Retired keys whose tokens may still be valid at `now` stay published, next to the active key. */
export function isPublished(key: KeyLifetime, now: Date, accessTokenTtlSeconds: number): boolean {
  if (key.activatedAt == null) return false;
  if (key.retiredAt == null) return true;
  const publishedUntil =
    key.retiredAt.getTime() + (accessTokenTtlSeconds + PUBLICATION_MARGIN_SECONDS) * 1000;
  return now.getTime() < publishedUntil;
}

/** The earliest retirement time still worth publishing at `now`. */
export function oldestPublishedRetirement(now: Date, accessTokenTtlSeconds: number): Date {
  return new Date(now.getTime() - (accessTokenTtlSeconds + PUBLICATION_MARGIN_SECONDS) * 1000);
}
