import { describe, expect, it } from 'vitest';
import {
  decodeBase32,
  encodeBase32,
  generateTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
} from '../src/totp.ts';

/** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
const RFC_SECRET = encodeBase32(Buffer.from('12345678901234567890', 'ascii'));

const at = (seconds: number) => new Date(seconds * 1000);

describe('base32 (RFC 4648 §10 test vectors, without padding)', () => {
  it.each([
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%s ⇄ %s', (plain, encoded) => {
    expect(encodeBase32(Buffer.from(plain))).toBe(encoded);
    expect(decodeBase32(encoded).toString()).toBe(plain);
    expect(decodeBase32(`${encoded.toLowerCase()}===`).toString()).toBe(plain);
  });

  it('refuses characters outside the alphabet and an empty secret', () => {
    expect(() => decodeBase32('MZXW1YTB')).toThrow(RangeError);
    expect(() => decodeBase32('MZXW6YT8')).toThrow(RangeError);
    expect(() => decodeBase32('')).toThrow(RangeError);
  });
});

describe('totpCode', () => {
  it('is the RFC 4648 base32 of the RFC seed', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  // RFC 6238 Appendix B, SHA-1 column, keeping the last 6 of the 8 digits.
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('matches RFC 6238 at T = %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, at(seconds))).toBe(code);
  });

  it('matches the RFC 4226 Appendix D HOTP values for counters 0 to 9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => totpCode(RFC_SECRET, at(counter * 30)))).toEqual(expected);
  });

  it('changes every 30 seconds, on the step boundary', () => {
    expect(totpStep(at(59))).toBe(1);
    expect(totpStep(at(60))).toBe(2);
    expect(totpCode(RFC_SECRET, at(60))).toBe(totpCode(RFC_SECRET, at(89.999)));
    expect(totpCode(RFC_SECRET, at(60))).not.toBe(totpCode(RFC_SECRET, at(59.999)));
  });
});

describe('generateTotpSecret', () => {
  it('is 20 random bytes in unpadded base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('verifyTotp', () => {
  const now = at(1111111111);
  const step = totpStep(now);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(RFC_SECRET, '050471', { now })).toEqual({ valid: true, step });
  });

  it('accepts the code as typed with spaces', () => {
    expect(verifyTotp(RFC_SECRET, ' 050 471 ', { now })).toEqual({ valid: true, step });
  });

  it('accepts one step of clock drift either way, not two', () => {
    const previous = totpCode(RFC_SECRET, at(1111111111 - 30));
    const next = totpCode(RFC_SECRET, at(1111111111 + 30));
    expect(verifyTotp(RFC_SECRET, previous, { now })).toEqual({ valid: true, step: step - 1 });
    expect(verifyTotp(RFC_SECRET, next, { now })).toEqual({ valid: true, step: step + 1 });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111111 - 60)), { now })).toEqual({
      valid: false,
    });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111111 + 60)), { now })).toEqual({
      valid: false,
    });
  });

  it('honours a custom window, including none', () => {
    const twoStepsAgo = totpCode(RFC_SECRET, at(1111111111 - 60));
    expect(verifyTotp(RFC_SECRET, twoStepsAgo, { now, window: 2 })).toEqual({ valid: true, step: step - 2 });
    const previous = totpCode(RFC_SECRET, at(1111111111 - 30));
    expect(verifyTotp(RFC_SECRET, previous, { now, window: 0 })).toEqual({ valid: false });
    expect(() => verifyTotp(RFC_SECRET, previous, { now, window: -1 })).toThrow(RangeError);
  });

  it('refuses a replay of the code just used, and any older code', () => {
    const first = verifyTotp(RFC_SECRET, '050471', { now });
    expect(first.valid).toBe(true);
    const lastUsedStep = first.valid ? first.step : -1;
    expect(verifyTotp(RFC_SECRET, '050471', { now, lastUsedStep })).toEqual({ valid: false });
    const previous = totpCode(RFC_SECRET, at(1111111111 - 30));
    expect(verifyTotp(RFC_SECRET, previous, { now, lastUsedStep })).toEqual({ valid: false });
    const next = totpCode(RFC_SECRET, at(1111111111 + 30));
    expect(verifyTotp(RFC_SECRET, next, { now, lastUsedStep })).toEqual({ valid: true, step: step + 1 });
    expect(verifyTotp(RFC_SECRET, '050471', { now, lastUsedStep: step - 1 })).toEqual({ valid: true, step });
    expect(verifyTotp(RFC_SECRET, '050471', { now, lastUsedStep: null })).toEqual({ valid: true, step });
  });

  it('refuses wrong, malformed or differently sized codes', () => {
    for (const code of ['050472', '50471', '0504711', '05O471', '', 'abcdef', '050471\n1', '94287082']) {
      expect(verifyTotp(RFC_SECRET, code, { now }), code).toEqual({ valid: false });
    }
  });

  it('refuses the right code for another secret', () => {
    expect(verifyTotp(generateTotpSecret(), '050471', { now })).toEqual({ valid: false });
  });
});

describe('otpauthUri', () => {
  it('builds the key URI authenticator apps read', () => {
    expect(
      otpauthUri({ secret: RFC_SECRET, accountName: 'élodie+jobs@example.com', issuer: 'TalentGraph Dev' }),
    ).toBe(
      'otpauth://totp/TalentGraph%20Dev:%C3%A9lodie%2Bjobs%40example.com' +
        '?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=TalentGraph%20Dev&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('refuses a colon in the label parts and an invalid secret', () => {
    expect(() =>
      otpauthUri({ secret: RFC_SECRET, accountName: 'a:b@example.com', issuer: 'TalentGraph' }),
    ).toThrow(RangeError);
    expect(() =>
      otpauthUri({ secret: RFC_SECRET, accountName: 'a@example.com', issuer: 'Talent:Graph' }),
    ).toThrow(RangeError);
    expect(() =>
      otpauthUri({ secret: 'not base32!', accountName: 'a@example.com', issuer: 'TalentGraph' }),
    ).toThrow(RangeError);
  });
});
