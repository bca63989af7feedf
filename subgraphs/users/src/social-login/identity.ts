import { DISPLAY_NAME_MAX_LENGTH, isPlausibleEmail, normalizeEmail } from '../accounts/account-rules.ts';

/** Who the provider says the person is, read from the ID token (and UserInfo) claims. */
export interface ProviderIdentity {
  /** The provider's stable identifier of the person (`sub`); emails change, subjects do not. */
  readonly subject: string;
  /** Lower-cased, or null when the provider shared none. */
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly displayName: string | null;
  readonly locale: 'EN' | 'FR' | null;
  readonly avatarUrl: string | null;
}

const AVATAR_URL_MAX_LENGTH = 2048;

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** OpenID Connect says boolean; some providers send the string "true", which means the same. */
export function isEmailVerifiedClaim(value: unknown): boolean {
  return value === true || value === 'true';
}

function emailOf(claims: Record<string, unknown>): string | null {
  const email = stringClaim(claims, 'email');
  if (email === null) return null;
  const normalized = normalizeEmail(email);
  return isPlausibleEmail(normalized) ? normalized : null;
}

function displayNameOf(claims: Record<string, unknown>): string | null {
  const name =
    stringClaim(claims, 'name') ??
    ([stringClaim(claims, 'given_name'), stringClaim(claims, 'family_name')].filter(Boolean).join(' ') ||
      null);
  return name === null ? null : name.slice(0, DISPLAY_NAME_MAX_LENGTH).trim();
}

function localeOf(claims: Record<string, unknown>): 'EN' | 'FR' | null {
  const locale = stringClaim(claims, 'locale')?.toLowerCase();
  if (locale === undefined) return null;
  if (/^fr(?:[-_]|$)/.test(locale)) return 'FR';
  if (/^en(?:[-_]|$)/.test(locale)) return 'EN';
  return null;
}

function avatarUrlOf(claims: Record<string, unknown>): string | null {
  const picture = stringClaim(claims, 'picture');
  if (picture === null || picture.length > AVATAR_URL_MAX_LENGTH) return null;
  try {
    return new URL(picture).protocol === 'https:' ? picture : null;
  } catch {
    return null;
  }
}

/** Reads the claims that matter here; `sub` is required (validated ID tokens always carry it). */
export function identityFromClaims(claims: Record<string, unknown>): ProviderIdentity {
  const subject = stringClaim(claims, 'sub');
  if (subject === null) throw new Error('The provider returned claims without a subject (sub).');
  return {
    subject,
    email: emailOf(claims),
    emailVerified: isEmailVerifiedClaim(claims['email_verified']),
    displayName: displayNameOf(claims),
    locale: localeOf(claims),
    avatarUrl: avatarUrlOf(claims),
  };
}

/** The display name of an account created from a provider identity: the person's name, else the email's local part. */
export function displayNameForNewAccount(identity: ProviderIdentity & { readonly email: string }): string {
  return identity.displayName || identity.email.split('@')[0]!.slice(0, DISPLAY_NAME_MAX_LENGTH);
}

export type SocialLoginRefusal =
  'EMAIL_NOT_VERIFIED' | 'IDENTITY_CONFLICT' | 'ACCOUNT_EMAIL_UNVERIFIED' | 'ACCOUNT_DISABLED';

export type SocialLoginDecision =
  /** This provider identity is already linked to the account: sign in. */
  | { readonly kind: 'SIGN_IN'; readonly userId: string }
  /** An account has the same verified email: link the identity to it, then sign in. */
  | { readonly kind: 'LINK_ACCOUNT'; readonly userId: string }
  /** Nobody has this email: create a candidate account with it, verified, without a password. */
  | { readonly kind: 'CREATE_ACCOUNT'; readonly email: string }
  | { readonly kind: 'REFUSE'; readonly reason: SocialLoginRefusal };

export interface ExistingAccount {
  readonly id: string;
  /** A disabled account signs in no way, a provider included. */
  readonly disabled: boolean;
}

export interface AccountWithEmail extends ExistingAccount {
  /**
   * Whether the account proved it owns the address. Linking to an unproven one would let whoever
   * registered the address first, with a password of their choosing, into the real owner's account.
   */
  readonly emailVerified: boolean;
  /** The subject this account is already linked to at this provider, if any. */
  readonly subjectAtProvider: string | null;
}

/**
 * What a completed authorization leads to. The provider must vouch for the email (email_verified),
 * whatever happens next; an account is only ever matched by a verified email on both sides, and an
 * account linked to one subject at a provider is never silently re-linked to another.
 */
export function decideSocialLogin(facts: {
  readonly identity: ProviderIdentity;
  /** The account already linked to (provider, subject), if any. */
  readonly linkedAccount: ExistingAccount | null;
  /** The account holding the identity's email, if any. */
  readonly accountWithEmail: AccountWithEmail | null;
}): SocialLoginDecision {
  const { identity, linkedAccount, accountWithEmail } = facts;
  if (identity.email === null || !identity.emailVerified) return refuse('EMAIL_NOT_VERIFIED');
  if (linkedAccount !== null) {
    return linkedAccount.disabled
      ? refuse('ACCOUNT_DISABLED')
      : { kind: 'SIGN_IN', userId: linkedAccount.id };
  }
  if (accountWithEmail === null) return { kind: 'CREATE_ACCOUNT', email: identity.email };
  if (accountWithEmail.subjectAtProvider !== null) return refuse('IDENTITY_CONFLICT');
  if (!accountWithEmail.emailVerified) return refuse('ACCOUNT_EMAIL_UNVERIFIED');
  if (accountWithEmail.disabled) return refuse('ACCOUNT_DISABLED');
  return { kind: 'LINK_ACCOUNT', userId: accountWithEmail.id };
}

function refuse(reason: SocialLoginRefusal): SocialLoginDecision {
  return { kind: 'REFUSE', reason };
}
