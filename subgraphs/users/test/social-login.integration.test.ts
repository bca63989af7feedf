import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  capturingLogger,
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  type TestSubgraph,
} from '@talentgraph/testing';
import { openSecrets, sealSecrets, type AttemptSecrets } from '../src/social-login/attempt.ts';
import { usersSubgraph } from '../src/subgraph.ts';
import { startTestOpenIdProvider, type TestOpenIdProvider } from './support/openid-provider.ts';

/** The client application's callback page: providers send the browser there with code and state. */
const REDIRECT_URI = 'http://localhost:3000/auth/callback';
const PROVIDER = 'local';

let openIdProvider: TestOpenIdProvider;
/** A second provider, which puts the email claims in the ID token itself. */
let directProvider: TestOpenIdProvider;
let subgraph: TestSubgraph;
const logs = capturingLogger('users');

/** A port nothing listens on, for a provider that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  openIdProvider = await startTestOpenIdProvider({ redirectUri: REDIRECT_URI });
  directProvider = await startTestOpenIdProvider({ redirectUri: REDIRECT_URI, claimsInIdToken: true });
  vi.stubEnv('OIDC_PROVIDERS', `${PROVIDER},offline,direct`);
  vi.stubEnv('OIDC_LOCAL_ISSUER', openIdProvider.issuer);
  vi.stubEnv('OIDC_LOCAL_CLIENT_ID', openIdProvider.clientId);
  vi.stubEnv('OIDC_LOCAL_CLIENT_SECRET', openIdProvider.clientSecret);
  vi.stubEnv('OIDC_OFFLINE_ISSUER', `http://127.0.0.1:${await closedPort()}`);
  vi.stubEnv('OIDC_OFFLINE_CLIENT_ID', 'offline');
  vi.stubEnv('OIDC_OFFLINE_CLIENT_SECRET', 'offline-secret');
  vi.stubEnv('OIDC_DIRECT_ISSUER', directProvider.issuer);
  vi.stubEnv('OIDC_DIRECT_CLIENT_ID', directProvider.clientId);
  vi.stubEnv('OIDC_DIRECT_CLIENT_SECRET', directProvider.clientSecret);
  vi.stubEnv('OIDC_REDIRECT_URIS', REDIRECT_URI);
  subgraph = await startTestSubgraph(usersSubgraph, { seed: false, logger: logs.logger });
});

afterAll(async () => {
  await subgraph?.close();
  await openIdProvider?.close();
  await directProvider?.close();
  vi.unstubAllEnvs();
});

interface UserErrorShape {
  code: string;
  field: string[] | null;
}

interface StartPayload {
  startSocialLogin: { authorizationUrl: string | null; expiresAt: string | null; errors: UserErrorShape[] };
}

interface CompletePayload {
  completeSocialLogin: {
    session: {
      accessToken: string;
      refreshToken: string;
      account: {
        id: string;
        email: string;
        emailVerified: boolean;
        user: { displayName: string; roles: string[] };
      };
    } | null;
    errors: UserErrorShape[];
  };
}

const START = `mutation ($input: StartSocialLoginInput!) {
  startSocialLogin(input: $input) { authorizationUrl expiresAt errors { code field } }
}`;

const COMPLETE = `mutation ($input: CompleteSocialLoginInput!) {
  completeSocialLogin(input: $input) {
    session {
      accessToken
      refreshToken
      account { id email emailVerified user { displayName roles } }
    }
    errors { code field }
  }
}`;

async function start(input: { provider?: string; redirectUri?: string } = {}) {
  const response = await graphqlRequest<StartPayload>(subgraph.url, START, {
    input: { provider: PROVIDER, redirectUri: REDIRECT_URI, ...input },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.startSocialLogin;
}

async function complete(input: { provider?: string; state: string; code: string; issuer?: string | null }) {
  const response = await graphqlRequest<CompletePayload>(subgraph.url, COMPLETE, {
    input: { provider: PROVIDER, ...input },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.completeSocialLogin;
}

/** Starts a sign-in and plays the browser at the provider, as `login`; returns the redirect's parameters. */
async function authorizeAs(login: string): Promise<{ state: string; code: string; issuer: string }> {
  const started = await start();
  expect(started.errors).toEqual([]);
  const redirect = await openIdProvider.authorize(started.authorizationUrl!, login);
  return {
    state: redirect.searchParams.get('state')!,
    code: redirect.searchParams.get('code')!,
    issuer: redirect.searchParams.get('iss')!,
  };
}

async function countRows(table: 'users' | 'social_identities' | 'social_login_attempts' | 'sessions') {
  const [row] = await queryDatabase<{ count: string }>(
    subgraph.database.url,
    `select count(*) from ${table}`,
  );
  return Number(row!.count);
}

async function accountsWithEmail(email: string) {
  return queryDatabase<{
    id: string;
    password_hash: string | null;
    email_verified_at: Date | null;
    roles: string[];
  }>(
    subgraph.database.url,
    'select id, password_hash, email_verified_at, roles from users where email = $1',
    [email],
  );
}

async function identitiesOf(userId: string) {
  return queryDatabase<{ provider: string; subject: string; email: string }>(
    subgraph.database.url,
    'select provider, subject, email from social_identities where user_id = $1',
    [userId],
  );
}

/** Signs up with a password (the accounts feature), optionally marking the address as verified. */
async function registerAccount(email: string, options: { verified: boolean }): Promise<string> {
  const response = await graphqlRequest<{
    register: { session: { account: { id: string } } | null; errors: UserErrorShape[] };
  }>(
    subgraph.url,
    `mutation ($input: RegisterInput!) {
      register(input: $input) { session { account { id } } errors { code field } }
    }`,
    {
      input: {
        email,
        password: 'a long unusual passphrase 42',
        displayName: 'Existing Person',
        role: 'RECRUITER',
      },
    },
  );
  expect(response.data!.register.errors).toEqual([]);
  const userId = response.data!.register.session!.account.id;
  if (options.verified) {
    await queryDatabase(subgraph.database.url, 'update users set email_verified_at = now() where id = $1', [
      userId,
    ]);
  }
  return userId;
}

/** Proves a session works: its access token reads `me`, and its refresh token gives the next tokens. */
async function expectWorkingSession(
  session: { accessToken: string; refreshToken: string },
  accountId: string,
) {
  const me = await graphqlRequest<{ me: { id: string } }>(
    subgraph.url,
    '{ me { id } }',
    {},
    { authorization: `Bearer ${session.accessToken}` },
  );
  expect(me.errors).toBeUndefined();
  expect(me.data!.me.id).toBe(accountId);
  const refreshed = await graphqlRequest<{ refreshToken: { session: { accessToken: string } | null } }>(
    subgraph.url,
    'mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { session { accessToken } } }',
    { input: { refreshToken: session.refreshToken } },
  );
  expect(refreshed.errors).toBeUndefined();
  expect(refreshed.data!.refreshToken.session!.accessToken).toEqual(expect.any(String));
}

describe('social login with OpenID Connect', () => {
  it('lists the configured providers', async () => {
    const response = await graphqlRequest<{ socialLoginProviders: string[] }>(
      subgraph.url,
      '{ socialLoginProviders }',
    );
    expect(response.data!.socialLoginProviders).toEqual([PROVIDER, 'offline', 'direct']);
  });

  it('sends the person to the provider with state, nonce and an S256 PKCE challenge, keeping only hashed or sealed secrets', async () => {
    const started = await start();
    expect(started.errors).toEqual([]);
    const url = new URL(started.authorizationUrl!);
    expect(url.origin).toBe(openIdProvider.issuer);
    expect(url.searchParams.get('client_id')).toBe(openIdProvider.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = url.searchParams.get('state')!;
    const nonce = url.searchParams.get('nonce')!;
    expect(new Date(started.expiresAt!).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    const [attempt] = await queryDatabase<Record<string, string | Date>>(
      subgraph.database.url,
      'select * from social_login_attempts where state_hash = $1',
      [createHash('sha256').update(state).digest('hex')],
    );
    expect(attempt).toBeDefined();
    const stored = JSON.stringify(attempt);
    expect(stored).not.toContain(state);
    expect(stored).not.toContain(nonce);
    expect(attempt!['provider']).toBe(PROVIDER);
    expect(attempt!['redirect_uri']).toBe(REDIRECT_URI);
  });

  it('creates a CANDIDATE account with a verified email and no password, and opens a session', async () => {
    openIdProvider.setAccount('new-person', {
      email: 'New.Person@Example.com',
      email_verified: true,
      name: 'Nora Person',
      locale: 'fr-FR',
    });
    const redirect = await authorizeAs('new-person');
    const completed = await complete(redirect);
    expect(completed.errors).toEqual([]);
    const session = completed.session!;
    expect(session.account).toMatchObject({
      email: 'new.person@example.com',
      emailVerified: true,
      user: { displayName: 'Nora Person', roles: ['CANDIDATE'] },
    });
    const [account] = await accountsWithEmail('new.person@example.com');
    expect(account).toMatchObject({ id: session.account.id, password_hash: null, roles: ['CANDIDATE'] });
    expect(account!.email_verified_at).not.toBeNull();
    expect(await identitiesOf(account!.id)).toEqual([
      { provider: PROVIDER, subject: 'new-person', email: 'new.person@example.com' },
    ]);
    await expectWorkingSession(session, account!.id);

    // The next sign-in finds the linked identity: the same account, no new one.
    const users = await countRows('users');
    const again = await complete(await authorizeAs('new-person'));
    expect(again.errors).toEqual([]);
    expect(again.session!.account.id).toBe(account!.id);
    expect(await countRows('users')).toBe(users);
  });

  it('reads the email claims from UserInfo, or from the ID token when the provider puts them there', async () => {
    const userInfoRequests = openIdProvider.userInfoRequests();
    openIdProvider.setAccount('userinfo-person', { email: 'userinfo@example.com', email_verified: true });
    expect((await complete(await authorizeAs('userinfo-person'))).errors).toEqual([]);
    expect(openIdProvider.userInfoRequests()).toBe(userInfoRequests + 1);

    directProvider.setAccount('direct-person', { email: 'direct@example.com', email_verified: true });
    const started = await start({ provider: 'direct' });
    const redirect = await directProvider.authorize(started.authorizationUrl!, 'direct-person');
    const completed = await complete({
      provider: 'direct',
      state: redirect.searchParams.get('state')!,
      code: redirect.searchParams.get('code')!,
      issuer: redirect.searchParams.get('iss'),
    });
    expect(completed.errors).toEqual([]);
    expect(completed.session!.account.email).toBe('direct@example.com');
    expect(directProvider.userInfoRequests()).toBe(0);
    const [account] = await accountsWithEmail('direct@example.com');
    expect(await identitiesOf(account!.id)).toEqual([
      { provider: 'direct', subject: 'direct-person', email: 'direct@example.com' },
    ]);
  });

  it('links the identity to the existing account with the same verified email', async () => {
    const userId = await registerAccount('existing@example.com', { verified: true });
    openIdProvider.setAccount('existing-at-provider', {
      email: 'EXISTING@example.com',
      email_verified: true,
    });
    const users = await countRows('users');
    const completed = await complete(await authorizeAs('existing-at-provider'));
    expect(completed.errors).toEqual([]);
    expect(completed.session!.account.id).toBe(userId);
    expect(completed.session!.account.user.roles).toEqual(['RECRUITER']);
    expect(await countRows('users')).toBe(users);
    expect(await identitiesOf(userId)).toEqual([
      { provider: PROVIDER, subject: 'existing-at-provider', email: 'existing@example.com' },
    ]);
    // The password stays: the person can still sign in either way.
    expect((await accountsWithEmail('existing@example.com'))[0]!.password_hash).not.toBeNull();
    await expectWorkingSession(completed.session!, userId);
  });

  it('refuses an email the provider has not verified, writing nothing', async () => {
    openIdProvider.setAccount('unverified', { email: 'unverified@example.com', email_verified: false });
    const redirect = await authorizeAs('unverified');
    const [users, identities, sessions] = [
      await countRows('users'),
      await countRows('social_identities'),
      await countRows('sessions'),
    ];
    const completed = await complete(redirect);
    expect(completed).toEqual({ session: null, errors: [{ code: 'EMAIL_NOT_VERIFIED', field: null }] });
    expect(await accountsWithEmail('unverified@example.com')).toEqual([]);
    expect(await countRows('users')).toBe(users);
    expect(await countRows('social_identities')).toBe(identities);
    expect(await countRows('sessions')).toBe(sessions);
  });

  it('refuses to link an account that has not verified its own email', async () => {
    const userId = await registerAccount('squatted@example.com', { verified: false });
    openIdProvider.setAccount('real-owner', { email: 'squatted@example.com', email_verified: true });
    const completed = await complete(await authorizeAs('real-owner'));
    expect(completed).toEqual({ session: null, errors: [{ code: 'ACCOUNT_EMAIL_UNVERIFIED', field: null }] });
    expect(await identitiesOf(userId)).toEqual([]);
  });

  it('refuses another subject for an email already linked at this provider', async () => {
    const userId = await registerAccount('linked@example.com', { verified: true });
    openIdProvider.setAccount('first-subject', { email: 'linked@example.com', email_verified: true });
    expect((await complete(await authorizeAs('first-subject'))).errors).toEqual([]);
    openIdProvider.setAccount('second-subject', { email: 'linked@example.com', email_verified: true });
    const completed = await complete(await authorizeAs('second-subject'));
    expect(completed).toEqual({ session: null, errors: [{ code: 'IDENTITY_CONFLICT', field: null }] });
    expect(await identitiesOf(userId)).toEqual([
      { provider: PROVIDER, subject: 'first-subject', email: 'linked@example.com' },
    ]);
  });

  it('refuses an unknown state, and a state used once already', async () => {
    openIdProvider.setAccount('replayer', { email: 'replayer@example.com', email_verified: true });
    const redirect = await authorizeAs('replayer');
    const unknown = await complete({ ...redirect, state: 'x'.repeat(43) });
    expect(unknown).toEqual({
      session: null,
      errors: [{ code: 'INVALID_STATE', field: ['input', 'state'] }],
    });

    expect((await complete(redirect)).errors).toEqual([]);
    const users = await countRows('users');
    const sessions = await countRows('sessions');
    const replayed = await complete(redirect);
    expect(replayed).toEqual({
      session: null,
      errors: [{ code: 'INVALID_STATE', field: ['input', 'state'] }],
    });
    expect(await countRows('users')).toBe(users);
    expect(await countRows('sessions')).toBe(sessions);
  });

  it('refuses a state started with another provider', async () => {
    openIdProvider.setAccount('mixed-up', { email: 'mixed-up@example.com', email_verified: true });
    const redirect = await authorizeAs('mixed-up');
    const completed = await complete({ ...redirect, provider: 'offline' });
    expect(completed.errors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'state'] }]);
  });

  it('refuses an attempt older than 10 minutes, and deletes it', async () => {
    openIdProvider.setAccount('slow', { email: 'slow@example.com', email_verified: true });
    const redirect = await authorizeAs('slow');
    const stateHash = createHash('sha256').update(redirect.state).digest('hex');
    await queryDatabase(
      subgraph.database.url,
      `update social_login_attempts set expires_at = now() - interval '1 second' where state_hash = $1`,
      [stateHash],
    );
    const completed = await complete(redirect);
    expect(completed).toEqual({
      session: null,
      errors: [{ code: 'ATTEMPT_EXPIRED', field: ['input', 'state'] }],
    });
    expect(await accountsWithEmail('slow@example.com')).toEqual([]);
    expect(
      await queryDatabase(
        subgraph.database.url,
        'select id from social_login_attempts where state_hash = $1',
        [stateHash],
      ),
    ).toEqual([]);
  });

  it('refuses a tampered code, and the attempt cannot be retried', async () => {
    openIdProvider.setAccount('tampered', { email: 'tampered@example.com', email_verified: true });
    const redirect = await authorizeAs('tampered');
    const tamperedCode = `${redirect.code.slice(0, -1)}${redirect.code.endsWith('A') ? 'B' : 'A'}`;
    const completed = await complete({ ...redirect, code: tamperedCode });
    expect(completed).toEqual({
      session: null,
      errors: [{ code: 'AUTHORIZATION_FAILED', field: ['input', 'code'] }],
    });
    expect(await accountsWithEmail('tampered@example.com')).toEqual([]);
    const logged = logs.lines.filter((line) => line['msg'] === 'social login authorization rejected');
    expect(logged.at(-1)).toMatchObject({
      provider: PROVIDER,
      reason: expect.stringContaining('invalid_grant'),
    });
    expect((await complete(redirect)).errors).toEqual([{ code: 'INVALID_STATE', field: ['input', 'state'] }]);
  });

  /** Re-seals the stored secrets of a started attempt with one of them changed, as if they were wrong. */
  async function alterStoredSecrets(state: string, change: Partial<AttemptSecrets>): Promise<void> {
    const stateHash = createHash('sha256').update(state).digest('hex');
    const [attempt] = await queryDatabase<{ sealed_secrets: string }>(
      subgraph.database.url,
      'select sealed_secrets from social_login_attempts where state_hash = $1',
      [stateHash],
    );
    const altered = sealSecrets({ ...openSecrets(state, attempt!.sealed_secrets), ...change });
    await queryDatabase(
      subgraph.database.url,
      'update social_login_attempts set sealed_secrets = $1 where state_hash = $2',
      [altered, stateHash],
    );
  }

  it('refuses an ID token whose nonce is not the one of the attempt', async () => {
    openIdProvider.setAccount('wrong-nonce', { email: 'wrong-nonce@example.com', email_verified: true });
    const redirect = await authorizeAs('wrong-nonce');
    await alterStoredSecrets(redirect.state, { nonce: 'n'.repeat(43) });
    const completed = await complete(redirect);
    expect(completed.errors).toEqual([{ code: 'AUTHORIZATION_FAILED', field: ['input', 'code'] }]);
    expect(await accountsWithEmail('wrong-nonce@example.com')).toEqual([]);
    // The log says which check failed, without the claims (the e-mail address) or the secrets.
    const logged = logs.lines.filter((line) => line['msg'] === 'social login authorization rejected');
    expect(logged.at(-1)).toMatchObject({ provider: PROVIDER, reason: expect.stringContaining('nonce') });
    const everything = JSON.stringify(logs.lines);
    expect(everything).not.toContain('wrong-nonce@example.com');
    expect(everything).not.toContain(redirect.state);
    expect(everything).not.toContain(redirect.code);
  });

  it('refuses a code redeemed without the PKCE verifier it was issued for', async () => {
    openIdProvider.setAccount('wrong-verifier', {
      email: 'wrong-verifier@example.com',
      email_verified: true,
    });
    const redirect = await authorizeAs('wrong-verifier');
    await alterStoredSecrets(redirect.state, { codeVerifier: 'v'.repeat(43) });
    const completed = await complete(redirect);
    expect(completed.errors).toEqual([{ code: 'AUTHORIZATION_FAILED', field: ['input', 'code'] }]);
    expect(await accountsWithEmail('wrong-verifier@example.com')).toEqual([]);
  });

  it('refuses a redirect whose iss is another issuer (mix-up)', async () => {
    openIdProvider.setAccount('mix-up', { email: 'mix-up@example.com', email_verified: true });
    const redirect = await authorizeAs('mix-up');
    const completed = await complete({ ...redirect, issuer: 'https://accounts.google.com' });
    expect(completed.errors).toEqual([{ code: 'AUTHORIZATION_FAILED', field: ['input', 'code'] }]);
    expect(await accountsWithEmail('mix-up@example.com')).toEqual([]);
  });

  it('accepts a redirect whose iss the client did not pass on', async () => {
    openIdProvider.setAccount('no-iss', { email: 'no-iss@example.com', email_verified: true });
    const { state, code } = await authorizeAs('no-iss');
    const completed = await complete({ state, code });
    expect(completed.errors).toEqual([]);
    expect(completed.session!.account.email).toBe('no-iss@example.com');
  });

  it('refuses a redirect URI that is not on the allow-list, writing nothing', async () => {
    const attempts = await countRows('social_login_attempts');
    for (const redirectUri of ['https://evil.example/auth/callback', `${REDIRECT_URI}?next=/`, 'not a uri']) {
      expect(await start({ redirectUri })).toEqual({
        authorizationUrl: null,
        expiresAt: null,
        errors: [{ code: 'REDIRECT_URI_NOT_ALLOWED', field: ['input', 'redirectUri'] }],
      });
    }
    expect(await countRows('social_login_attempts')).toBe(attempts);
  });

  it('refuses an unknown provider, writing nothing', async () => {
    const attempts = await countRows('social_login_attempts');
    expect(await start({ provider: 'myspace' })).toEqual({
      authorizationUrl: null,
      expiresAt: null,
      errors: [{ code: 'UNKNOWN_PROVIDER', field: ['input', 'provider'] }],
    });
    expect(await countRows('social_login_attempts')).toBe(attempts);
    expect(await complete({ provider: 'myspace', state: 'state', code: 'code' })).toEqual({
      session: null,
      errors: [{ code: 'UNKNOWN_PROVIDER', field: ['input', 'provider'] }],
    });
  });

  it('says when a provider cannot be reached, writing nothing', async () => {
    const attempts = await countRows('social_login_attempts');
    expect(await start({ provider: 'offline' })).toEqual({
      authorizationUrl: null,
      expiresAt: null,
      errors: [{ code: 'PROVIDER_UNAVAILABLE', field: null }],
    });
    expect(await countRows('social_login_attempts')).toBe(attempts);
  });
});
