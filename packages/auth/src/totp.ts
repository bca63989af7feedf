import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), as every authenticator app implements
 * them: HMAC-SHA1, 6 digits, 30-second steps counted from the Unix epoch, 160-bit secrets (RFC 4226
 * §4 recommends 160 bits) exchanged in RFC 4648 base32 without padding.
 *
 * Verification accepts the current step and `window` steps on either side (default 1, i.e. ±30 s of
 * clock drift between the phone and the server), and refuses any step at or before the last one used,
 * so a code cannot be replayed — not even a newer code once a later one was accepted. Store the returned
 * `step` as the account's last used step.
 */
export const TOTP_DIGITS = 6;
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DEFAULT_WINDOW = 1;
const SECRET_BYTES = 20;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new random secret, base32 without padding (32 characters), to store encrypted and show once. */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(SECRET_BYTES));
}

/** The time step (RFC 6238 "T") a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code an authenticator shows at that moment. */
export function totpCode(secret: string, at: Date): string {
  return hotp(decodeBase32(secret), totpStep(at));
}

export type TotpVerification = { readonly valid: true; readonly step: number } | { readonly valid: false };

export function verifyTotp(
  secret: string,
  code: string,
  options: { readonly now: Date; readonly window?: number; readonly lastUsedStep?: number | null },
): TotpVerification {
  const key = decodeBase32(secret);
  const window = options.window ?? TOTP_DEFAULT_WINDOW;
  if (!Number.isInteger(window) || window < 0 || window > 10) throw new RangeError('Invalid TOTP window.');
  // People type "123 456" as shown by their app.
  const typed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(typed)) return { valid: false };
  const typedBytes = Buffer.from(typed);
  const current = totpStep(options.now);
  let matchedStep: number | null = null;
  // Every candidate is computed and compared, without stopping at a match, so timing says nothing about
  // which one matched.
  for (let step = current - window; step <= current + window; step++) {
    const matches = timingSafeEqual(Buffer.from(hotp(key, step)), typedBytes);
    const fresh =
      options.lastUsedStep === undefined || options.lastUsedStep === null || step > options.lastUsedStep;
    if (matches && fresh && matchedStep === null) matchedStep = step;
  }
  return matchedStep === null ? { valid: false } : { valid: true, step: matchedStep };
}

/**
 * The `otpauth://` URI authenticator apps read from a QR code (Google Authenticator key URI format).
 * Neither the issuer nor the account name may contain a colon: it separates them in the label.
 */
export function otpauthUri(options: {
  readonly secret: string;
  readonly accountName: string;
  readonly issuer: string;
}): string {
  const { secret, accountName, issuer } = options;
  if (issuer.includes(':') || accountName.includes(':')) {
    throw new RangeError('The issuer and account name of a TOTP URI cannot contain ":".');
  }
  decodeBase32(secret);
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const parameters = [
    `secret=${secret.toUpperCase().replace(/[\s=-]/g, '')}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${TOTP_DIGITS}`,
    `period=${TOTP_STEP_SECONDS}`,
  ];
  return `otpauth://totp/${label}?${parameters.join('&')}`;
}

/** RFC 4226 §5.3: HMAC-SHA1 of the 8-byte big-endian counter, dynamic truncation, last digits. */
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

export function encodeBase32(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

/**
 * RFC 4648 base32, forgiving about what people copy by hand (case, spaces, hyphens, padding) but not
 * about anything else: an invalid secret throws rather than silently verifying against the wrong key.
 */
export function decodeBase32(text: string): Buffer {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/=+$/, '');
  if (cleaned === '') throw new RangeError('A TOTP secret cannot be empty.');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of cleaned) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value === -1) throw new RangeError('A TOTP secret must be base32 (A–Z, 2–7).');
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}
