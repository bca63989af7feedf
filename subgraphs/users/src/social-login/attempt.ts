import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { SecretBox } from '../encryption/secret-box.ts';

/** How long a person has to come back from the provider before the attempt is refused. */
export const LOGIN_ATTEMPT_TTL_MS = 10 * 60_000;

const SECRET_BYTES = 32;
const KEY_INFO = 'talentgraph social login attempt secrets';

/** The secrets of one authorization request; only the state travels back to the client. */
export interface AttemptSecrets {
  /** Sent to the provider and back through the browser; identifies the attempt. */
  readonly state: string;
  /** Bound into the ID token by the provider, so a token minted for another request is refused. */
  readonly nonce: string;
  /** PKCE code_verifier: proves at the token endpoint that the code is redeemed by who asked for it. */
  readonly codeVerifier: string;
}

function randomToken(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function newAttemptSecrets(): AttemptSecrets {
  return { state: randomToken(), nonce: randomToken(), codeVerifier: randomToken() };
}

/** What the attempts table stores instead of the state: SHA-256, hex (the state has 256 random bits). */
export function hashState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

/** Bound into each sealed value, so secrets sealed for another purpose under the same key never open here. */
const SEALING_CONTEXT = 'social-login-attempt';

function boxFor(state: string): SecretBox {
  return new SecretBox(
    Buffer.from(hkdfSync('sha256', Buffer.from(state, 'utf8'), Buffer.alloc(0), KEY_INFO, 32)),
  );
}

/**
 * Encrypts the nonce and code_verifier (AES-256-GCM) under a key derived from the state. The database
 * then holds nothing that completes a login on its own: opening the secrets needs the state, which only
 * the person's browser has, and the state is stored as a hash.
 */
export function sealSecrets(secrets: AttemptSecrets): string {
  return boxFor(secrets.state).seal(
    SEALING_CONTEXT,
    JSON.stringify({ nonce: secrets.nonce, codeVerifier: secrets.codeVerifier }),
  );
}

/** Opens what `sealSecrets` produced; throws when the state is not the one they were sealed with. */
export function openSecrets(state: string, sealed: string): AttemptSecrets {
  const { nonce, codeVerifier } = JSON.parse(boxFor(state).open(SEALING_CONTEXT, sealed)) as {
    nonce: string;
    codeVerifier: string;
  };
  return { state, nonce, codeVerifier };
}

export function attemptExpiresAt(now: Date): Date {
  return new Date(now.getTime() + LOGIN_ATTEMPT_TTL_MS);
}

export function isAttemptExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}
