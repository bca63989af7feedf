import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCRYPT_PARAMETERS,
  PASSWORD_MAX_LENGTH,
  dummyPasswordHash,
  hashPassword,
  isCommonPassword,
  needsRehash,
  passwordPolicyProblems,
  verifyPassword,
} from '../src/passwords.ts';

/** Cheap parameters keep most tests fast; the format and verification do not depend on the cost. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

function codes(password: string, personal?: Parameters<typeof passwordPolicyProblems>[1]): string[] {
  return passwordPolicyProblems(password, personal).map((problem) => problem.code);
}

describe('hashPassword / verifyPassword', () => {
  it('stores the current parameters, a 16-byte salt and a 64-byte key, and verifies the password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const { N, r, p } = CURRENT_SCRYPT_PARAMETERS;
    expect(stored).toMatch(
      new RegExp(`^scrypt\\$N=${N},r=${r},p=${p}\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}$`),
    );
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const first = await hashPassword('same password here', CHEAP);
    const second = await hashPassword('same password here', CHEAP);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password here', first)).toBe(true);
    expect(await verifyPassword('same password here', second)).toBe(true);
  });

  it('refuses a wrong password, including one differing only in case or by a trailing space', async () => {
    const stored = await hashPassword('Tr0ub4dor&3-extra', CHEAP);
    expect(await verifyPassword('Tr0ub4dor&3-extrA', stored)).toBe(false);
    expect(await verifyPassword('tr0ub4dor&3-extra', stored)).toBe(false);
    expect(await verifyPassword('Tr0ub4dor&3-extra ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('refuses when the stored hash was tampered with', async () => {
    const stored = await hashPassword('a long enough secret', CHEAP);
    const [algorithm, parameters, salt, key] = stored.split('$') as [string, string, string, string];
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64').replace(/=+$/, '');
    };
    expect(
      await verifyPassword('a long enough secret', [algorithm, parameters, salt, flip(key)].join('$')),
    ).toBe(false);
    expect(
      await verifyPassword('a long enough secret', [algorithm, parameters, flip(salt), key].join('$')),
    ).toBe(false);
    expect(
      await verifyPassword('a long enough secret', [algorithm, 'N=2048,r=8,p=1', salt, key].join('$')),
    ).toBe(false);
  });

  it('returns false, without throwing, for malformed or abusive stored values', async () => {
    const stored = await hashPassword('a long enough secret', CHEAP);
    const [, , salt, key] = stored.split('$') as [string, string, string, string];
    for (const malformed of [
      '',
      'plaintext password',
      '$2b$12$abcdefghijklmnopqrstuu', // bcrypt
      `argon2id$N=1024,r=8,p=1$${salt}$${key}`,
      `scrypt$N=1000,r=8,p=1$${salt}$${key}`, // N not a power of two
      `scrypt$N=1073741824,r=8,p=1$${salt}$${key}`, // would need 1 TiB
      `scrypt$N=1024,r=8,p=99$${salt}$${key}`,
      `scrypt$N=1024,r=8,p=1$${salt}$`,
      `scrypt$N=1024,r=8,p=1$${salt}$${key}$extra`,
      `scrypt$N=1024,r=8,p=1$c2FsdA$${key}`, // 4-byte salt
      `scrypt$N=1024,r=8,p=1$${salt}$${key.slice(0, 20)}`, // truncated key
      `scrypt$N=1024,r=8,p=1$${salt}=$${key}`,
      `${stored}\n`,
    ]) {
      expect(await verifyPassword('a long enough secret', malformed), malformed).toBe(false);
      expect(needsRehash(malformed), malformed).toBe(true);
    }
  });

  it('handles Unicode passwords and treats composed and decomposed accents as the same password', async () => {
    const composed = 'mot de passe été 東京 🔑'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const stored = await hashPassword(composed, CHEAP);
    expect(await verifyPassword(composed, stored)).toBe(true);
    expect(await verifyPassword(decomposed, stored)).toBe(true);
    expect(await verifyPassword('mot de passe ete 東京 🔑', stored)).toBe(false);
    expect(await verifyPassword('mot de passe été 東京 🔒', stored)).toBe(false);
  });

  it('asks for a rehash of hashes made with other parameters', async () => {
    const weak = await hashPassword('a long enough secret', CHEAP);
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword('a long enough secret', weak)).toBe(true);
  });

  it('refuses to hash with parameters it would refuse to verify', async () => {
    await expect(hashPassword('a long enough secret', { N: 1000, r: 8, p: 1 })).rejects.toThrow(RangeError);
    await expect(hashPassword('a long enough secret', { N: 2 ** 21, r: 8, p: 1 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('dummyPasswordHash', () => {
  it('is one hash with the current parameters (same cost as a real one) that no password matches', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(needsRehash(dummy)).toBe(false);
    expect(await verifyPassword('', dummy)).toBe(false);
    expect(await verifyPassword('password1234', dummy)).toBe(false);
  });
});

describe('passwordPolicyProblems', () => {
  it('accepts a long, uncommon password unrelated to the person', () => {
    expect(
      passwordPolicyProblems('violet-harbour-kettle-42', {
        email: 'jean.dupont@example.com',
        displayName: 'Jean Dupont',
      }),
    ).toEqual([]);
    expect(passwordPolicyProblems('violet-harbour-kettle-42')).toEqual([]);
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    expect(codes('🔑'.repeat(9))).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('🔑'.repeat(10))).toEqual([]);
    expect(codes('é'.normalize('NFD').repeat(10))).toEqual([]);
    expect(codes('é'.normalize('NFD').repeat(9))).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('refuses fewer than 10 and more than 128 characters', () => {
    expect(codes('k9$mWq2!z')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('k9$mWq2!zX')).toEqual([]);
    expect(codes('')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('x7'.repeat(PASSWORD_MAX_LENGTH / 2))).toEqual([]);
    expect(codes(`${'x7'.repeat(PASSWORD_MAX_LENGTH / 2)}y`)).toEqual(['PASSWORD_TOO_LONG']);
    expect(codes('🔑'.repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
  });

  it('refuses common passwords whatever their case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('violet-harbour-kettle-42')).toBe(false);
    expect(codes('1234567890')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('QWERTYUIOP')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('Password123')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('password')).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_COMMON']);
  });

  it('refuses the email local part, alone or inside, ignoring case and separators', () => {
    const email = 'Jean.Dupont+jobs@example.com';
    expect(codes('jean.dupont', { email })).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(codes('JEANDUPONT-2024', { email })).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(codes('my-dupont-password', { email })).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(codes('averylongmailbox', { email: 'averylongmailbox@example.com' })).toEqual([
      'PASSWORD_CONTAINS_EMAIL',
    ]);
    expect(codes('violet-harbour-kettle-42', { email })).toEqual([]);
  });

  it('does not refuse every password containing a very short email local part', () => {
    expect(codes('violet-harbour-kettle-42', { email: 'vi@example.com' })).toEqual([]);
  });

  it('refuses the display name or one of its words, ignoring case and accents', () => {
    const displayName = 'Élodie Martin-Lefèvre';
    expect(codes('élodie martin-lefèvre', { displayName })).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(codes('ELODIE-lefevre', { displayName })).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(codes('ÉLODIE-2024-09-01', { displayName })).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(codes('summer-martin-garden', { displayName })).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(codes('summer-garden-river', { displayName })).toEqual([]);
  });

  it('reports every problem at once with a message', () => {
    const problems = passwordPolicyProblems('jean', { email: 'jean@example.com', displayName: 'Jean' });
    expect(problems.map((problem) => problem.code)).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_TOO_COMMON',
      'PASSWORD_CONTAINS_EMAIL',
      'PASSWORD_CONTAINS_NAME',
    ]);
    for (const problem of problems) expect(problem.message).toMatch(/\S/);
  });
});
