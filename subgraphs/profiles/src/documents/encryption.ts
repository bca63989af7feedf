import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
export const DOCUMENT_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedDocument {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly authTag: Buffer;
  readonly ciphertext: Buffer;
}

/**
 * The keys documents are encrypted with (AES-256-GCM), by key id. New documents are sealed with the
 * current key; a document keeps the id of the key that sealed it and opens with it, so a new key can
 * become current at any time while the older ones stay in the ring to read older documents (rotation:
 * README of the subgraph). The document id is the additional authenticated data: ciphertext copied to
 * another document does not open.
 */
export class DocumentKeyRing {
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: ReadonlyMap<string, Buffer>, currentKeyId: string) {
    for (const [keyId, key] of keys) {
      if (key.length !== DOCUMENT_KEY_BYTES)
        throw new Error(`Document key ${keyId} must be ${DOCUMENT_KEY_BYTES} bytes`);
    }
    if (!keys.has(currentKeyId))
      throw new Error(`The current document key ${currentKeyId} is not in the ring`);
    this.#keys = new Map(keys);
    this.currentKeyId = currentKeyId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  seal(documentId: string, plain: Uint8Array): SealedDocument {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#keys.get(this.currentKeyId)!, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(documentId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { keyId: this.currentKeyId, iv, authTag: cipher.getAuthTag(), ciphertext };
  }

  /** The plain bytes; throws when the key is unknown or the content was altered or moved. */
  open(documentId: string, sealed: SealedDocument): Buffer {
    const key = this.#keys.get(sealed.keyId);
    if (!key) throw new Error(`Document key ${sealed.keyId} is not in the ring`);
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(documentId, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  }
}

/**
 * Parses DOCUMENT_ENCRYPTION_KEYS: `<key id>:<32 bytes in base64>` entries separated by commas, ids of
 * letters, digits, `-` and `_`; undefined when malformed.
 */
export function parseDocumentKeys(raw: string): Map<string, Buffer> | undefined {
  const keys = new Map<string, Buffer>();
  for (const entry of raw.split(',').map((part) => part.trim())) {
    const match = /^([A-Za-z0-9_-]{1,40}):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry);
    if (!match) return undefined;
    const key = Buffer.from(match[2]!.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length !== DOCUMENT_KEY_BYTES || keys.has(match[1]!)) return undefined;
    keys.set(match[1]!, key);
  }
  return keys.size > 0 ? keys : undefined;
}
