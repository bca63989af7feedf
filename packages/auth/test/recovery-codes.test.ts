import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from '../src/recovery-codes.ts';

describe('generateRecoveryCodes', () => {
  it('makes ten distinct xxxx-xxxx-xxxx codes of unambiguous characters by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('makes the number asked for and refuses nonsense', () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
    expect(() => generateRecoveryCodes(0)).toThrow(RangeError);
    expect(() => generateRecoveryCodes(1.5)).toThrow(RangeError);
  });

  it('uses the whole 32-symbol alphabet (5 bits per character, 60 bits per code)', () => {
    const characters = new Set(generateRecoveryCodes(100).join('').replace(/-/g, ''));
    // 1,200 draws from 32 symbols miss one with probability below 1e-12.
    expect(characters.size).toBe(32);
  });
});

describe('hashRecoveryCode', () => {
  it('is the SHA-256 hex of the normalized code', () => {
    expect(hashRecoveryCode('ab12-cd34-ef56')).toBe(
      createHash('sha256').update('ab12cd34ef56').digest('hex'),
    );
  });

  it('ignores case, hyphens and spaces, and reads look-alike letters as digits', () => {
    const hash = hashRecoveryCode('ab10-cd34-ef56');
    expect(hashRecoveryCode('AB10CD34EF56')).toBe(hash);
    expect(hashRecoveryCode(' ab10 cd34 ef56 ')).toBe(hash);
    expect(hashRecoveryCode('abIO-cd34-ef56')).toBe(hash);
    expect(hashRecoveryCode('abl0-cd34-ef56')).toBe(hash);
    expect(normalizeRecoveryCode('AbLo-Cd34-Ef56')).toBe('ab10cd34ef56');
  });

  it('tells different codes apart', () => {
    expect(hashRecoveryCode('ab10-cd34-ef56')).not.toBe(hashRecoveryCode('ab10-cd34-ef57'));
    const [first, second] = generateRecoveryCodes(2) as [string, string];
    expect(hashRecoveryCode(first)).not.toBe(hashRecoveryCode(second));
  });
});
