import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets handed to a person (refresh tokens, e-mail verification and password-reset links):
 * 32 random bytes in base64url, stored only as their SHA-256. A leaked table cannot be replayed, and a
 * slow hash would add nothing to 256 random bits. Looking a token up by its hash is not a timing
 * oracle: the caller does not control the hash compared.
 */
export function newOpaqueToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
