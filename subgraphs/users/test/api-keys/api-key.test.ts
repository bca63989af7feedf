import { describe, expect, it } from 'vitest';
import {
  generateApiKey,
  hashSecret,
  parseApiKey,
  prefixOf,
  secretMatches,
} from '../../src/api-keys/api-key.ts';

describe('partner API keys', () => {
  it('reads tgp_<key id>_<secret> with a 16-hex key id and a 32-byte secret', () => {
    const key = generateApiKey();
    expect(key.plaintext).toMatch(/^tgp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(prefixOf(key.keyId));
    expect(key.plaintext.startsWith(`${key.prefix}_`)).toBe(true);
    const parsed = parseApiKey(key.plaintext)!;
    expect(parsed.keyId).toBe(key.keyId);
    expect(Buffer.from(parsed.secret, 'base64url')).toHaveLength(32);
  });

  it('stores only the SHA-256 of the secret', () => {
    const key = generateApiKey();
    const { secret } = parseApiKey(key.plaintext)!;
    expect(key.secretHash).toBe(hashSecret(secret));
    expect(key.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.plaintext).not.toContain(key.secretHash);
  });

  it('never generates the same key twice', () => {
    const keys = Array.from({ length: 200 }, () => generateApiKey());
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(200);
    expect(new Set(keys.map((key) => key.plaintext)).size).toBe(200);
  });

  it('matches the right secret only', () => {
    const key = generateApiKey();
    const { secret } = parseApiKey(key.plaintext)!;
    expect(secretMatches(secret, key.secretHash)).toBe(true);
    const other = parseApiKey(generateApiKey().plaintext)!.secret;
    expect(secretMatches(other, key.secretHash)).toBe(false);
    expect(secretMatches(secret, 'not-a-hash')).toBe(false);
  });

  it.each([
    [''],
    ['tgp_'],
    ['Bearer tgp_0123456789abcdef_' + 'a'.repeat(43)],
    ['tgp_0123456789ABCDEF_' + 'a'.repeat(43)],
    ['tgp_0123456789abcdef_' + 'a'.repeat(42)],
    ['tgx_0123456789abcdef_' + 'a'.repeat(43)],
    ['tgp_0123456789abcdef_' + 'a'.repeat(42) + '!'],
  ])('refuses %j', (presented) => {
    expect(parseApiKey(presented)).toBeNull();
  });
});
