import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * Password hashing with scrypt (memory-hard, in node:crypto, run on libuv's thread pool).
 *
 * Parameters: N = 2^15, r = 8, p = 3 — 32 MiB of memory per hash and about 0.35 s of one core on the
 * 2-core CI machines. That is OWASP's Password Storage Cheat Sheet equivalent of its minimum
 * (N = 2^17, r = 8, p = 1) for a 32 MiB memory budget: p multiplies the work without multiplying the
 * memory, which keeps concurrent logins from exhausting RAM. Salt: 16 random bytes; derived key: 64 bytes.
 *
 * Stored format (PHC-like, unpadded standard base64):
 *   `scrypt$N=32768,r=8,p=3$<salt>$<hash>`
 * The parameters travel with each hash, so raising them later only means changing
 * `CURRENT_SCRYPT_PARAMETERS`: old hashes still verify, and `needsRehash` tells login to re-hash the
 * password it has just verified.
 *
 * Passwords are normalized to Unicode NFKC before hashing (NIST SP 800-63B §5.1.1.2), so the same
 * password typed on keyboards that compose accents differently verifies the same.
 */
export interface ScryptParameters {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelization: repeats the work p times in the same memory. */
  readonly p: number;
}

export const CURRENT_SCRYPT_PARAMETERS: ScryptParameters = Object.freeze({ N: 2 ** 15, r: 8, p: 3 });

const SALT_BYTES = 16;
const KEY_BYTES = 64;
const ALGORITHM = 'scrypt';

/**
 * Bounds on parameters read back from storage: a tampered or corrupted hash must not make verification
 * allocate gigabytes or spin for minutes.
 */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

function scryptAsync(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: parameters.N,
    r: parameters.r,
    p: parameters.p,
    // OpenSSL needs 128·r·(N + p + 2) bytes; Node's default ceiling (32 MiB) is just short of N = 2^15, r = 8.
    maxmem: 128 * parameters.r * (parameters.N + parameters.p + 2) + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password for storage. `parameters` is for tests and fixtures that need cheap hashes; anything
 * else uses the current parameters (and `needsRehash` flags hashes made with other ones).
 */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = CURRENT_SCRYPT_PARAMETERS,
): Promise<string> {
  if (!areAcceptableParameters(parameters)) throw new RangeError('Unacceptable scrypt parameters.');
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, parameters);
  return formatStoredHash(parameters, salt, key);
}

function formatStoredHash(parameters: ScryptParameters, salt: Buffer, key: Buffer): string {
  const { N, r, p } = parameters;
  return `${ALGORITHM}$N=${N},r=${r},p=${p}$${salt.toString('base64').replace(/=+$/, '')}$${key
    .toString('base64')
    .replace(/=+$/, '')}`;
}

interface ParsedHash {
  readonly parameters: ScryptParameters;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseStoredHash(stored: string): ParsedHash | null {
  const match = /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    stored,
  );
  if (!match) return null;
  const parameters = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (!areAcceptableParameters(parameters)) return null;
  const salt = decodeUnpaddedBase64(match[4]!);
  const key = decodeUnpaddedBase64(match[5]!);
  if (salt === null || key === null || salt.length < SALT_BYTES || key.length < 32 || key.length > 128) {
    return null;
  }
  return { parameters, salt, key };
}

/** Strict decoding: Node's decoder silently skips junk, so the text must re-encode to itself. */
function decodeUnpaddedBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text ? bytes : null;
}

function areAcceptableParameters({ N, r, p }: ScryptParameters): boolean {
  return (
    Number.isInteger(N) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    N >= 2 &&
    N <= MAX_N &&
    (N & (N - 1)) === 0 &&
    r >= 1 &&
    r <= MAX_R &&
    p >= 1 &&
    p <= MAX_P &&
    128 * r * (N + p + 2) <= MAX_MEMORY_BYTES
  );
}

/**
 * Whether `password` matches the stored hash. Malformed or tampered stored values give false, never an
 * exception; the final comparison takes constant time.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (parsed === null) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.parameters);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash should be replaced (after a successful verification) by one with current parameters. */
export function needsRehash(stored: string): boolean {
  const parsed = parseStoredHash(stored);
  if (parsed === null) return true;
  const { N, r, p } = parsed.parameters;
  return (
    N !== CURRENT_SCRYPT_PARAMETERS.N ||
    r !== CURRENT_SCRYPT_PARAMETERS.r ||
    p !== CURRENT_SCRYPT_PARAMETERS.p ||
    parsed.salt.length !== SALT_BYTES ||
    parsed.key.length !== KEY_BYTES
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * A valid hash, with the current parameters, of a random password nobody knows. Login verifies against it
 * when the email is unknown, so that the answer takes as long as for a known email with a wrong password
 * and timing does not reveal which emails have accounts:
 *
 *   const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
 *   if (!user || !ok) → the same "invalid credentials" error
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** Personal values shorter than this (e.g. an email `jo@…`) are only refused as the whole password. */
const PERSONAL_VALUE_MIN_LENGTH = 4;

export type PasswordPolicyCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_TOO_COMMON'
  | 'PASSWORD_CONTAINS_EMAIL'
  | 'PASSWORD_CONTAINS_NAME';

export interface PasswordPolicyProblem {
  readonly code: PasswordPolicyCode;
  readonly message: string;
}

/**
 * Every reason to refuse a new password (empty when it is acceptable), following NIST SP 800-63B:
 * length counted in Unicode code points after NFKC normalization (10 to 128), not one of the ~49,000
 * most common passwords, and not built on the account's email local part or display name. No
 * composition rules (they make passwords harder to remember, not to guess).
 */
export function passwordPolicyProblems(
  password: string,
  personal: { readonly email?: string | null; readonly displayName?: string | null } = {},
): PasswordPolicyProblem[] {
  const problems: PasswordPolicyProblem[] = [];
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'PASSWORD_TOO_SHORT',
      message: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({
      code: 'PASSWORD_TOO_LONG',
      message: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }
  if (isCommonPassword(normalized)) {
    problems.push({
      code: 'PASSWORD_TOO_COMMON',
      message: 'This password is among the most common ones; choose another.',
    });
  }
  if (personal.email && isBuiltOn(normalized, emailLocalPart(personal.email))) {
    problems.push({
      code: 'PASSWORD_CONTAINS_EMAIL',
      message: 'The password must not contain your email address.',
    });
  }
  if (personal.displayName && isBuiltOn(normalized, personal.displayName)) {
    problems.push({ code: 'PASSWORD_CONTAINS_NAME', message: 'The password must not contain your name.' });
  }
  return problems;
}

/** `jean.dupont+jobs@example.com` → `jean.dupont`: the part a person chose, without a sub-address tag. */
function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at === -1 ? email : email.slice(0, at);
  return local.split('+')[0]!;
}

/**
 * Whether the password is built on a personal value: equal to it, or containing it or one of its words
 * (of at least 4 characters), ignoring case, accents and separators. So `Jean-Dupont-2024` and `dupont1234567`
 * are both caught for the name "Jean Dupont" and for the email `jean.dupont@…`.
 */
function isBuiltOn(password: string, personalValue: string): boolean {
  const compactPassword = compact(password);
  const whole = compact(personalValue);
  if (whole === '') return false;
  if (compactPassword === whole) return true;
  const words = personalValue.split(/[^\p{L}\p{N}]+/u).map(compact);
  return [whole, ...words].some(
    (value) => [...value].length >= PERSONAL_VALUE_MIN_LENGTH && compactPassword.includes(value),
  );
}

/** Lowercase letters and digits only, accents removed: `Élodie M.` → `elodiem`. */
function compact(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

let commonPasswords: ReadonlySet<string> | undefined;

/**
 * The common-password list of @zxcvbn-ts/language-common (MIT licence): 49,233 passwords ranked by
 * frequency in leaked password sets. Loaded on first use only (≈ 50 ms), so services that never check a
 * password do not pay for it.
 */
function commonPasswordSet(): ReadonlySet<string> {
  if (commonPasswords === undefined) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as {
      dictionary: { 'passwords-common': readonly string[] };
    };
    commonPasswords = new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  }
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswordSet().has(password.normalize('NFKC').toLowerCase());
}
