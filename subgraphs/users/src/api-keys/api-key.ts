import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashOpaqueToken } from '../encryption/opaque-tokens.ts';

/**
 * Partner API keys read `tgp_<keyId>_<secret>`: the key id (16 hex characters) finds the stored key
 * without scanning, and is safe to show as the key's prefix; the secret (32 random bytes, base64url) is
 * shown once at creation and stored only as its SHA-256, which is enough for a high-entropy secret (no
 * slow KDF is needed: nothing short to brute-force).
 */
export const API_KEY_PREFIX = 'tgp_';
const KEY_ID_BYTES = 8;
const SECRET_BYTES = 32;
const API_KEY_PATTERN = /^tgp_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  readonly keyId: string;
  /** What lists show to recognise a key, e.g. `tgp_3f9a0c1d2b4e5f60`. */
  readonly prefix: string;
  /** The full key, shown to its creator once and never stored. */
  readonly plaintext: string;
  readonly secretHash: string;
}

export function generateApiKey(): NewApiKey {
  const keyId = randomBytes(KEY_ID_BYTES).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return {
    keyId,
    prefix: prefixOf(keyId),
    plaintext: `${API_KEY_PREFIX}${keyId}_${secret}`,
    secretHash: hashSecret(secret),
  };
}

export function prefixOf(keyId: string): string {
  return `${API_KEY_PREFIX}${keyId}`;
}

/** The parts of a presented key, or null when it cannot be one of ours. */
export function parseApiKey(presented: string): { keyId: string; secret: string } | null {
  const match = API_KEY_PATTERN.exec(presented.trim());
  return match ? { keyId: match[1]!, secret: match[2]! } : null;
}

export function hashSecret(secret: string): string {
  return hashOpaqueToken(secret);
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
