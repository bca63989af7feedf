import * as openid from 'openid-client';
import type { AttemptSecrets } from './attempt.ts';
import type { OpenIdProviderSettings, SocialLoginConfig } from './config.ts';

/**
 * Why a provider call failed, short and safe to log: the OAuth error code or the check that failed, never
 * the tokens, claims or secrets that the library's error details may carry.
 */
function reasonOf(error: unknown): string {
  if (error instanceof openid.ResponseBodyError || error instanceof openid.AuthorizationResponseError) {
    return [error.error, error.error_description].filter(Boolean).join(': ');
  }
  if (error instanceof openid.ClientError) {
    // The wrapped error names the failed check (e.g. 'unexpected ID Token "nonce" claim value').
    const check = error.cause instanceof Error ? error.cause.message : null;
    return [error.code, error.message, check].filter(Boolean).join(': ');
  }
  if (error instanceof Error) {
    const cause = (error.cause as { code?: unknown } | undefined)?.code;
    return [error.name, error.message, typeof cause === 'string' ? cause : null].filter(Boolean).join(': ');
  }
  return String(error);
}

/** The provider could not be reached or answered nonsense: try again later. */
export class ProviderUnavailableError extends Error {
  readonly reason: string;

  constructor(provider: string, failure: unknown) {
    super(`The ${provider} sign-in service is unavailable.`);
    this.name = 'ProviderUnavailableError';
    this.reason = reasonOf(failure);
  }
}

/** The provider, or our checks of its answer, refused the authorization (bad code, state, nonce, token). */
export class AuthorizationRejectedError extends Error {
  readonly reason: string;

  constructor(provider: string, failure: unknown) {
    super(`The ${provider} sign-in could not be verified.`);
    this.name = 'AuthorizationRejectedError';
    this.reason = reasonOf(failure);
  }
}

export interface AuthorizationResponse {
  readonly redirectUri: string;
  readonly code: string;
  /** The `iss` parameter of the redirect (RFC 9207), when the client passed it on. */
  readonly issuer: string | null;
  readonly secrets: AttemptSecrets;
}

/** One configured OpenID provider, reached with openid-client (authorization-code flow with PKCE). */
export interface OpenIdProvider {
  readonly name: string;
  authorizationUrl(redirectUri: string, secrets: AttemptSecrets): Promise<string>;
  /**
   * Redeems the code at the token endpoint with the PKCE verifier and returns the claims of the validated
   * ID token (signature, issuer, audience, expiry, nonce), completed by UserInfo when the ID token lacks
   * the email claims.
   */
  redeemCode(response: AuthorizationResponse): Promise<Record<string, unknown>>;
}

export interface OpenIdProviders {
  /** The provider of that name, or null when it is not configured. */
  get(name: string): OpenIdProvider | null;
}

const HTTP_TIMEOUT_SECONDS = 10;

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  return error instanceof TypeError && error.message === 'fetch failed';
}

function isRejection(error: unknown): boolean {
  return (
    error instanceof openid.ResponseBodyError ||
    error instanceof openid.AuthorizationResponseError ||
    error instanceof openid.ClientError
  );
}

function providerFrom(settings: OpenIdProviderSettings, allowInsecureIssuers: boolean): OpenIdProvider {
  let discovered: Promise<openid.Configuration> | undefined;

  /** Discovery happens at first use and is kept; a failed discovery is retried by the next request. */
  function configuration(): Promise<openid.Configuration> {
    discovered ??= openid
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        timeout: HTTP_TIMEOUT_SECONDS,
        execute: [
          // Verify ID token signatures against the provider's JWKS even over TLS (defence in depth).
          openid.enableNonRepudiationChecks,
          ...(allowInsecureIssuers && new URL(settings.issuer).protocol === 'http:'
            ? [openid.allowInsecureRequests]
            : []),
        ],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw new ProviderUnavailableError(settings.name, error);
      });
    return discovered;
  }

  async function claimsOf(
    config: openid.Configuration,
    tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>,
  ): Promise<Record<string, unknown>> {
    const idToken = tokens.claims();
    if (idToken === undefined) {
      throw new AuthorizationRejectedError(settings.name, 'the provider returned no ID token');
    }
    const hasEmailClaims = typeof idToken['email'] === 'string' && idToken['email_verified'] !== undefined;
    if (hasEmailClaims || config.serverMetadata().userinfo_endpoint === undefined) return { ...idToken };
    // Many providers (and the OpenID Connect defaults) put scope claims in UserInfo, not the ID token.
    const userInfo = await openid.fetchUserInfo(config, tokens.access_token, idToken.sub);
    return { ...userInfo, ...idToken };
  }

  return {
    name: settings.name,

    async authorizationUrl(redirectUri, secrets) {
      const config = await configuration();
      const url = openid.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes.join(' '),
        state: secrets.state,
        nonce: secrets.nonce,
        code_challenge: await openid.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: 'S256',
      });
      return url.href;
    },

    async redeemCode({ redirectUri, code, issuer, secrets }) {
      const config = await configuration();
      const callback = new URL(redirectUri);
      callback.searchParams.set('code', code);
      callback.searchParams.set('state', secrets.state);
      // The attempt is bound to this provider server-side, which is what the `iss` parameter protects
      // (mix-up attacks); a client that did not pass it on is therefore not refused for that alone.
      const metadata = config.serverMetadata();
      const responseIssuer =
        issuer ?? (metadata.authorization_response_iss_parameter_supported ? metadata.issuer : null);
      if (responseIssuer !== null) callback.searchParams.set('iss', responseIssuer);
      try {
        const tokens = await openid.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: secrets.codeVerifier,
          expectedState: secrets.state,
          expectedNonce: secrets.nonce,
          idTokenExpected: true,
        });
        return await claimsOf(config, tokens);
      } catch (error) {
        if (isNetworkFailure(error)) throw new ProviderUnavailableError(settings.name, error);
        if (error instanceof AuthorizationRejectedError) throw error;
        if (isRejection(error)) throw new AuthorizationRejectedError(settings.name, error);
        throw error;
      }
    },
  };
}

/** The configured providers, each discovered lazily at its first use and then cached. */
export function openIdProviders(config: SocialLoginConfig): OpenIdProviders {
  const providers = new Map(
    [...config.providers.values()].map((settings) => [
      settings.name,
      providerFrom(settings, config.allowInsecureIssuers),
    ]),
  );
  return { get: (name) => providers.get(name.toLowerCase()) ?? null };
}
