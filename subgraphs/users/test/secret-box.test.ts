import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, parseEncryptionKey } from '../src/encryption/secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, with a fresh IV each time', () => {
    const first = box.seal('totp:user-1', 'JBSWY3DPEHPK3PXP');
    const second = box.seal('totp:user-1', 'JBSWY3DPEHPK3PXP');
    expect(first).not.toBe(second);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open('totp:user-1', first)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a value sealed for another context, with another key, or tampered with', () => {
    const sealed = box.seal('signing-key:a', 'secret');
    expect(() => box.open('signing-key:b', sealed)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open('signing-key:a', sealed)).toThrow();
    const [version, iv, ciphertext, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      box.open('signing-key:a', [version, iv, flipped.toString('base64url'), tag].join('.')),
    ).toThrow();
    expect(() => box.open('signing-key:a', 'not sealed')).toThrow('Not a sealed value');
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow('32 bytes');
  });
});

describe('parseEncryptionKey', () => {
  it('reads 32 bytes of standard or URL-safe base64', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('base64url'))).toEqual(key);
  });

  it('refuses other lengths and non-base64 text', () => {
    expect(parseEncryptionKey(randomBytes(31).toString('base64'))).toBeUndefined();
    expect(parseEncryptionKey(randomBytes(33).toString('base64'))).toBeUndefined();
    expect(parseEncryptionKey('correct horse battery staple, not a key')).toBeUndefined();
  });
});
