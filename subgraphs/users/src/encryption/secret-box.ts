import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_VERSION = 'v1';

/**
 * Authenticated encryption (AES-256-GCM) of the secrets the subgraph must be able to read back: signing
 * private keys, TOTP secrets, queued e-mails carrying one-time links. Each value is sealed for a
 * `context` (for example `signing-key:<kid>`) bound as additional authenticated data, so a ciphertext
 * copied into another row or column fails to open instead of being silently accepted.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`The encryption key must be ${KEY_BYTES} bytes`);
    this.#key = Buffer.from(key);
  }

  /** `v1.<iv>.<ciphertext>.<tag>`, base64url parts; a fresh random IV for every value. */
  seal(context: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT_VERSION, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plaintext, or an error when the value was tampered with, sealed for another context or key. */
  open(context: string, sealed: string): string {
    const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
    if (version !== FORMAT_VERSION || iv === undefined || ciphertext === undefined || tag === undefined) {
      throw new Error('Not a sealed value');
    }
    if (rest.length > 0) throw new Error('Not a sealed value');
    const decipher = createDecipheriv(ALGORITHM, this.#key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** Parses AUTH_KEY_ENCRYPTION_KEY: standard or URL-safe base64 of exactly 32 bytes. */
export function parseEncryptionKey(raw: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) return undefined;
  const key = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}
