import { describe, expect, it } from 'vitest';
import { ConfigError } from '@talentgraph/platform';
import {
  LOGIN_ATTEMPT_TTL_MS,
  attemptExpiresAt,
  hashState,
  isAttemptExpired,
  newAttemptSecrets,
  openSecrets,
  sealSecrets,
} from '../src/social-login/attempt.ts';
import { loadConfig } from '../src/config.ts';
import { isAcceptableRedirectUri, readSocialLoginConfig } from '../src/social-login/config.ts';
import {
  decideSocialLogin,
  displayNameForNewAccount,
  identityFromClaims,
  isEmailVerifiedClaim,
  type ProviderIdentity,
} from '../src/social-login/identity.ts';

describe('social login attempt secrets', () => {
  it('are fresh 256-bit base64url values, distinct from each other and between attempts', () => {
    const first = newAttemptSecrets();
    const second = newAttemptSecrets();
    for (const value of [first.state, first.nonce, first.codeVerifier]) {
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(new Set([first.state, first.nonce, first.codeVerifier, second.state]).size).toBe(4);
  });

  it('store the state only as its SHA-256', () => {
    expect(hashState('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('seal the nonce and verifier so that only the state opens them', () => {
    const secrets = newAttemptSecrets();
    const sealed = sealSecrets(secrets);
    expect(sealed).not.toContain(secrets.nonce);
    expect(sealed).not.toContain(secrets.codeVerifier);
    expect(openSecrets(secrets.state, sealed)).toEqual(secrets);
    expect(() => openSecrets(newAttemptSecrets().state, sealed)).toThrow();
  });

  it('refuse sealed secrets that were tampered with', () => {
    const secrets = newAttemptSecrets();
    const parts = sealSecrets(secrets).split('.');
    const ciphertext = Buffer.from(parts[2]!, 'base64url');
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[2] = ciphertext.toString('base64url');
    expect(() => openSecrets(secrets.state, parts.join('.'))).toThrow();
  });

  it('expire ten minutes after the attempt starts', () => {
    const start = new Date('2026-11-23T10:00:00Z');
    const expiresAt = attemptExpiresAt(start);
    expect(expiresAt.getTime() - start.getTime()).toBe(LOGIN_ATTEMPT_TTL_MS);
    expect(LOGIN_ATTEMPT_TTL_MS).toBe(600_000);
    expect(isAttemptExpired(expiresAt, new Date(expiresAt.getTime() - 1))).toBe(false);
    expect(isAttemptExpired(expiresAt, expiresAt)).toBe(true);
  });
});

describe('social login configuration', () => {
  const google = {
    OIDC_PROVIDERS: 'Google, linkedin',
    OIDC_GOOGLE_CLIENT_ID: 'google-id',
    OIDC_GOOGLE_CLIENT_SECRET: 'google-secret',
    OIDC_LINKEDIN_CLIENT_ID: 'linkedin-id',
    OIDC_LINKEDIN_CLIENT_SECRET: 'linkedin-secret',
    OIDC_REDIRECT_URIS: 'https://app.talentgraph.example/auth/callback, http://localhost:3000',
  };

  it('is off by default: no provider, no redirect URI', () => {
    const config = readSocialLoginConfig({});
    expect(config.providers.size).toBe(0);
    expect(config.redirectUris).toEqual([]);
  });

  it('knows the issuers of Google and LinkedIn and normalizes names and redirect URIs', () => {
    const config = readSocialLoginConfig(google);
    expect([...config.providers.keys()]).toEqual(['google', 'linkedin']);
    expect(config.providers.get('google')).toEqual({
      name: 'google',
      issuer: 'https://accounts.google.com',
      clientId: 'google-id',
      clientSecret: 'google-secret',
      scopes: ['openid', 'email', 'profile'],
    });
    expect(config.providers.get('linkedin')!.issuer).toBe('https://www.linkedin.com/oauth');
    expect(config.redirectUris).toEqual([
      'https://app.talentgraph.example/auth/callback',
      'http://localhost:3000/',
    ]);
  });

  it('works for any provider that names its issuer', () => {
    const config = readSocialLoginConfig({
      OIDC_PROVIDERS: 'keycloak',
      OIDC_KEYCLOAK_ISSUER: 'https://sso.example.com/realms/talent',
      OIDC_KEYCLOAK_CLIENT_ID: 'id',
      OIDC_KEYCLOAK_CLIENT_SECRET: 'secret',
      OIDC_KEYCLOAK_SCOPES: 'openid,email',
      OIDC_REDIRECT_URIS: 'com.talentgraph.app:/oauth/callback',
    });
    expect(config.providers.get('keycloak')).toMatchObject({
      issuer: 'https://sso.example.com/realms/talent',
      scopes: ['openid', 'email'],
    });
  });

  it('lists every problem at once: unknown issuer, missing client, missing redirect URIs, bad scopes', () => {
    let error: unknown;
    try {
      readSocialLoginConfig({ OIDC_PROVIDERS: 'acme', OIDC_ACME_SCOPES: 'profile' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('OIDC_REDIRECT_URIS is required');
    expect(problems).toContain('OIDC_ACME_ISSUER is required');
    expect(problems).toContain('OIDC_ACME_CLIENT_ID is required');
    expect(problems).toContain('OIDC_ACME_CLIENT_SECRET is required');
    expect(problems).toContain('OIDC_ACME_SCOPES="profile" is invalid');
  });

  it('is checked when the users subgraph starts, with its other settings', () => {
    expect(() => loadConfig({ OIDC_PROVIDERS: 'google', PORT: 'x' })).toThrow(
      /OIDC_REDIRECT_URIS is required[\s\S]*OIDC_GOOGLE_CLIENT_ID is required[\s\S]*PORT="x" is invalid/,
    );
    expect(() => loadConfig(google)).not.toThrow();
  });

  it('refuses provider names that cannot be part of a variable name', () => {
    expect(() => readSocialLoginConfig({ OIDC_PROVIDERS: 'my-idp' })).toThrow(/OIDC_PROVIDERS="my-idp"/);
  });

  it('refuses plain-http issuers and redirect URIs to other hosts in production', () => {
    const env = {
      ...google,
      NODE_ENV: 'production',
      OIDC_GOOGLE_ISSUER: 'http://accounts.google.com',
      OIDC_REDIRECT_URIS: 'http://app.talentgraph.example/callback',
    };
    expect(() => readSocialLoginConfig(env)).toThrow(
      /OIDC_GOOGLE_ISSUER[\s\S]*OIDC_REDIRECT_URIS|OIDC_REDIRECT_URIS[\s\S]*OIDC_GOOGLE_ISSUER/,
    );
    expect(readSocialLoginConfig({ ...google, NODE_ENV: 'production' }).allowInsecureIssuers).toBe(false);
    expect(readSocialLoginConfig(google).allowInsecureIssuers).toBe(true);
  });

  it('accepts https, loopback http and app-scheme redirect URIs, never with a query or fragment', () => {
    expect(isAcceptableRedirectUri('https://app.example/cb', true)).toBe(true);
    expect(isAcceptableRedirectUri('http://127.0.0.1:8080/cb', true)).toBe(true);
    expect(isAcceptableRedirectUri('com.talentgraph.app:/cb', true)).toBe(true);
    expect(isAcceptableRedirectUri('http://app.example/cb', true)).toBe(false);
    expect(isAcceptableRedirectUri('http://app.example/cb', false)).toBe(true);
    expect(isAcceptableRedirectUri('https://app.example/cb?next=/', false)).toBe(false);
    expect(isAcceptableRedirectUri('https://app.example/cb#top', false)).toBe(false);
    expect(isAcceptableRedirectUri('javascript:alert(1)', false)).toBe(false);
    expect(isAcceptableRedirectUri('not a uri', false)).toBe(false);
  });
});

describe('provider identity', () => {
  it('reads subject, lower-cased email, verification, name, locale and an https picture', () => {
    expect(
      identityFromClaims({
        sub: '1234',
        email: ' Claire.Dubois@Example.COM ',
        email_verified: true,
        given_name: 'Claire',
        family_name: 'Dubois',
        locale: 'fr-FR',
        picture: 'https://cdn.example/claire.png',
      }),
    ).toEqual({
      subject: '1234',
      email: 'claire.dubois@example.com',
      emailVerified: true,
      displayName: 'Claire Dubois',
      locale: 'FR',
      avatarUrl: 'https://cdn.example/claire.png',
    });
  });

  it('treats only true (or the string "true") as a verified email', () => {
    expect(isEmailVerifiedClaim(true)).toBe(true);
    expect(isEmailVerifiedClaim('true')).toBe(true);
    for (const value of [false, 'false', 1, 'yes', undefined, null])
      expect(isEmailVerifiedClaim(value)).toBe(false);
  });

  it('drops what it cannot use: malformed email, http picture, unknown locale', () => {
    expect(
      identityFromClaims({
        sub: 'x',
        email: 'not-an-email',
        picture: 'http://cdn.example/a.png',
        locale: 'de',
      }),
    ).toEqual({
      subject: 'x',
      email: null,
      emailVerified: false,
      displayName: null,
      locale: null,
      avatarUrl: null,
    });
  });

  it('needs a subject', () => {
    expect(() => identityFromClaims({ email: 'a@b.c' })).toThrow(/subject/);
  });

  it('names a new account after the person, else after the email', () => {
    const identity = identityFromClaims({ sub: 'x', email: 'sam@example.com', email_verified: true });
    expect(displayNameForNewAccount({ ...identity, email: 'sam@example.com' })).toBe('sam');
    expect(displayNameForNewAccount({ ...identity, displayName: 'Sam Lee', email: 'sam@example.com' })).toBe(
      'Sam Lee',
    );
  });
});

describe('decideSocialLogin', () => {
  const verified: ProviderIdentity = {
    subject: 'subject-1',
    email: 'claire@example.com',
    emailVerified: true,
    displayName: 'Claire',
    locale: null,
    avatarUrl: null,
  };
  const account = { id: 'user-1', disabled: false, emailVerified: true, subjectAtProvider: null };
  const linked = { id: 'user-9', disabled: false };

  it('signs in the account already linked to this subject', () => {
    expect(decideSocialLogin({ identity: verified, linkedAccount: linked, accountWithEmail: null })).toEqual({
      kind: 'SIGN_IN',
      userId: 'user-9',
    });
  });

  it('links the account with the same verified email', () => {
    expect(decideSocialLogin({ identity: verified, linkedAccount: null, accountWithEmail: account })).toEqual(
      {
        kind: 'LINK_ACCOUNT',
        userId: 'user-1',
      },
    );
  });

  it('creates an account when nobody has the email', () => {
    expect(decideSocialLogin({ identity: verified, linkedAccount: null, accountWithEmail: null })).toEqual({
      kind: 'CREATE_ACCOUNT',
      email: 'claire@example.com',
    });
  });

  it('refuses an email the provider has not verified, even for a linked subject', () => {
    for (const identity of [
      { ...verified, emailVerified: false },
      { ...verified, email: null },
    ]) {
      for (const linkedAccount of [linked, null]) {
        expect(decideSocialLogin({ identity, linkedAccount, accountWithEmail: account })).toEqual({
          kind: 'REFUSE',
          reason: 'EMAIL_NOT_VERIFIED',
        });
      }
    }
  });

  it('refuses another subject for an account already linked at this provider', () => {
    expect(
      decideSocialLogin({
        identity: verified,
        linkedAccount: null,
        accountWithEmail: { ...account, subjectAtProvider: 'subject-0' },
      }),
    ).toEqual({ kind: 'REFUSE', reason: 'IDENTITY_CONFLICT' });
  });

  it('refuses to link an account that has not verified its own email', () => {
    expect(
      decideSocialLogin({
        identity: verified,
        linkedAccount: null,
        accountWithEmail: { ...account, emailVerified: false },
      }),
    ).toEqual({ kind: 'REFUSE', reason: 'ACCOUNT_EMAIL_UNVERIFIED' });
  });

  it('refuses disabled accounts, linked or matched by email', () => {
    const refusal = { kind: 'REFUSE', reason: 'ACCOUNT_DISABLED' };
    expect(
      decideSocialLogin({
        identity: verified,
        linkedAccount: { ...linked, disabled: true },
        accountWithEmail: null,
      }),
    ).toEqual(refusal);
    expect(
      decideSocialLogin({
        identity: verified,
        linkedAccount: null,
        accountWithEmail: { ...account, disabled: true },
      }),
    ).toEqual(refusal);
  });
});
