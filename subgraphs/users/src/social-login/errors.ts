import { userError, type UserError } from '../domain/user-error.ts';

/** Expected failures of startSocialLogin / completeSocialLogin, returned in the payload's `errors`. */

export function unknownProvider(provider: string, available: readonly string[]): UserError {
  return userError(
    'UNKNOWN_PROVIDER',
    available.length === 0
      ? `"${provider}" is not offered: social sign-in is not configured.`
      : `"${provider}" is not offered; choose one of ${available.join(', ')}.`,
    'provider',
  );
}

export const SOCIAL_LOGIN_ERRORS = {
  REDIRECT_URI_NOT_ALLOWED: userError(
    'REDIRECT_URI_NOT_ALLOWED',
    'This redirect URI is not one the platform allows (OIDC_REDIRECT_URIS).',
    'redirectUri',
  ),
  PROVIDER_UNAVAILABLE: userError(
    'PROVIDER_UNAVAILABLE',
    'The sign-in provider cannot be reached right now; try again in a moment.',
  ),
  INVALID_STATE: userError(
    'INVALID_STATE',
    'This sign-in is unknown or was already completed; start again.',
    'state',
  ),
  ATTEMPT_EXPIRED: userError(
    'ATTEMPT_EXPIRED',
    'This sign-in took more than 10 minutes; start again.',
    'state',
  ),
  AUTHORIZATION_FAILED: userError(
    'AUTHORIZATION_FAILED',
    'The provider did not confirm this sign-in (invalid or already used code); start again.',
    'code',
  ),
  EMAIL_NOT_VERIFIED: userError(
    'EMAIL_NOT_VERIFIED',
    'The provider did not share a verified e-mail address; verify it there, or sign up with a password.',
  ),
  IDENTITY_CONFLICT: userError(
    'IDENTITY_CONFLICT',
    'The account with this e-mail address is linked to another account of this provider; sign in with that one.',
  ),
  ACCOUNT_EMAIL_UNVERIFIED: userError(
    'ACCOUNT_EMAIL_UNVERIFIED',
    'An account uses this e-mail address but has not verified it yet; sign in with its password and verify the address first.',
  ),
  ACCOUNT_DISABLED: userError('ACCOUNT_DISABLED', 'This account is disabled; contact the support.'),
} as const satisfies Record<string, UserError>;
