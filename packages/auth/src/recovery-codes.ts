import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time recovery codes for two-factor accounts that lost their authenticator: `xxxx-xxxx-xxxx`,
 * 12 characters of Crockford's base32 alphabet (digits and lowercase letters without i, l, o, u), so
 * 60 random bits each. Only their SHA-256 is stored: they are random enough that a slow hash adds
 * nothing, and a lookup by hash finds the one used.
 *
 * Typing is forgiving: case, hyphens and spaces do not matter, and the letters Crockford excludes
 * because they look like digits are read as those digits (o → 0, i and l → 1).
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 3;
const GROUP_LENGTH = 4;

export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100)
    throw new RangeError('Invalid recovery code count.');
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

function generateRecoveryCode(): string {
  // 32 symbols divide 256, so taking 5 bits of each byte has no modulo bias.
  const characters = [...randomBytes(GROUPS * GROUP_LENGTH)].map((byte) => ALPHABET[byte & 31]!);
  const groups: string[] = [];
  for (let index = 0; index < GROUPS; index++) {
    groups.push(characters.slice(index * GROUP_LENGTH, (index + 1) * GROUP_LENGTH).join(''));
  }
  return groups.join('-');
}

/** The canonical form of a typed code: lowercase, no separators, look-alike letters read as digits. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

/** SHA-256 (hex) of the normalized code: what is stored, and what a typed code is looked up by. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}
