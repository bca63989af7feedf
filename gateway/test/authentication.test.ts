import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signAccessToken, type KeySource, type Viewer } from '@talentgraph/auth';
import { TEST_TOKEN_AUDIENCE, createTestIssuer, testUser, type TestIssuer } from '@talentgraph/testing';
import { Authenticator } from '../src/authentication.ts';
import { loadConfig } from '../src/config.ts';

/**
 * The gateway's authenticator against a stand-in for the users subgraph's routes (partner-key exchange,
 * session check) that counts its calls and answers each after a delay, so that concurrent requests are
 * all waiting at once.
 */
const PARTNER: Viewer = {
  kind: 'PARTNER',
  apiKeyId: 'key-1',
  organizationId: 'organization-1',
  roles: ['PARTNER'],
};
const ANSWER_DELAY_MS = 100;

let issuer: TestIssuer;
let server: Server;
let usersUrl: string;
const calls = { exchanges: 0, sessionChecks: 0, keyLookups: 0 };
const behaviour = { keyAccepted: true, sessionActive: true };

beforeAll(async () => {
  issuer = await createTestIssuer();
  server = createServer((request, response) => {
    setTimeout(() => {
      void answer(request.method, request.url ?? '').then(([status, body]) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      );
    }, ANSWER_DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  usersUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

beforeEach(() => {
  calls.exchanges = 0;
  calls.sessionChecks = 0;
  calls.keyLookups = 0;
  behaviour.keyAccepted = true;
  behaviour.sessionActive = true;
});

async function answer(method: string | undefined, path: string): Promise<[number, unknown]> {
  if (method === 'POST' && path === '/auth/partner-token') {
    calls.exchanges += 1;
    if (!behaviour.keyAccepted) return [401, { error: { code: 'UNAUTHENTICATED' } }];
    const { token, expiresAt } = await signAccessToken(issuer.signingKey, PARTNER, TEST_TOKEN_AUDIENCE);
    return [200, { accessToken: token, expiresAt: expiresAt.toISOString() }];
  }
  if (method === 'GET' && path.startsWith('/internal/sessions/')) {
    calls.sessionChecks += 1;
    return [200, { active: behaviour.sessionActive }];
  }
  return [404, {}];
}

/** The issuer's keys, counting how often a signature check looks one up (once per verification). */
const countedKeys: KeySource = (header, token) => {
  calls.keyLookups += 1;
  return issuer.keySource(header, token);
};

function authenticator(sessionCacheMs = 5_000): Authenticator {
  return new Authenticator(
    loadConfig({ USERS_URL: usersUrl, SESSION_CHECK_CACHE_MS: String(sessionCacheMs) }),
    countedKeys,
  );
}

const fifty = <Result>(work: () => Promise<Result>) => Promise.allSettled(Array.from({ length: 50 }, work));

describe('one partner-key exchange at a time', () => {
  it('exchanges the key once for 50 concurrent requests with a cold cache, and all forward the same token', async () => {
    const auth = authenticator();
    const callers = await fifty(() => auth.authenticate({ 'x-api-key': 'tgp_key' }));
    expect(calls.exchanges).toBe(1);
    const authorizations = callers.map(
      (caller) => caller.status === 'fulfilled' && caller.value.authorization,
    );
    expect(new Set(authorizations).size).toBe(1);
    expect(authorizations[0]).toMatch(/^Bearer ey/);
    expect(
      callers.every((caller) => caller.status === 'fulfilled' && caller.value.viewer?.kind === 'PARTNER'),
    ).toBe(true);

    // Once stale (here at once), the next requests exchange it again, once.
    const stale = authenticator(0);
    await fifty(() => stale.authenticate({ 'x-api-key': 'tgp_key' }));
    await fifty(() => stale.authenticate({ 'x-api-key': 'tgp_key' }));
    expect(calls.exchanges).toBe(3);
  });

  it('refuses every waiting request when the key is refused, and asks again for the next one', async () => {
    behaviour.keyAccepted = false;
    const auth = authenticator();
    const callers = await fifty(() => auth.authenticate({ 'x-api-key': 'tgp_revoked' }));
    expect(calls.exchanges).toBe(1);
    for (const caller of callers) {
      expect(caller.status).toBe('rejected');
      expect((caller as PromiseRejectedResult).reason.extensions.code).toBe('UNAUTHENTICATED');
    }
    behaviour.keyAccepted = true;
    const later = await auth.authenticate({ 'x-api-key': 'tgp_revoked' });
    expect(later.viewer?.kind).toBe('PARTNER');
    expect(calls.exchanges).toBe(2);
  });

  it('exchanges different keys separately', async () => {
    const auth = authenticator();
    await Promise.all([
      auth.authenticate({ 'x-api-key': 'tgp_first' }),
      auth.authenticate({ 'x-api-key': 'tgp_second' }),
    ]);
    expect(calls.exchanges).toBe(2);
  });
});

describe('one session check at a time', () => {
  it('checks a session once for 50 concurrent requests with a cold cache', async () => {
    const auth = authenticator();
    const { authorization } = await issuer.headersFor(testUser('user-1', { sessionId: 'session-1' }));
    const callers = await fifty(() => auth.authenticate({ authorization }));
    expect(calls.sessionChecks).toBe(1);
    expect(callers.every((caller) => caller.status === 'fulfilled')).toBe(true);
  });

  it('refuses every waiting request when the session has ended', async () => {
    behaviour.sessionActive = false;
    const auth = authenticator();
    const { authorization } = await issuer.headersFor(testUser('user-2', { sessionId: 'session-2' }));
    const callers = await fifty(() => auth.authenticate({ authorization }));
    expect(calls.sessionChecks).toBe(1);
    for (const caller of callers) {
      expect(caller.status).toBe('rejected');
      expect((caller as PromiseRejectedResult).reason.message).toMatch(/session has ended/);
    }
  });
});

describe('verified access tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("checks a token's signature once, and its session every time the session cache says", async () => {
    const auth = authenticator(0);
    const user = testUser('user-3', { sessionId: 'session-3' });
    const { authorization } = await issuer.headersFor(user);
    for (let request = 0; request < 5; request += 1) {
      expect((await auth.authenticate({ authorization })).viewer).toEqual(user);
    }
    expect(calls.keyLookups).toBe(1);
    expect(calls.sessionChecks).toBe(5);

    const another = await issuer.headersFor(user);
    await auth.authenticate(another);
    expect(calls.keyLookups).toBe(2);

    // A remembered token whose session has ended is refused all the same.
    behaviour.sessionActive = false;
    await expect(auth.authenticate({ authorization })).rejects.toThrow(/session has ended/);
    expect(calls.keyLookups).toBe(2);
  });

  it('verifies a remembered token again once it has expired, and refuses it', async () => {
    const auth = authenticator();
    const { authorization } = await issuer.headersFor(testUser('user-4', { sessionId: 'session-4' }));
    await auth.authenticate({ authorization });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    await expect(auth.authenticate({ authorization })).rejects.toThrow(/expired/);
    expect(calls.keyLookups).toBe(2);
  });

  it('never remembers a token that failed verification', async () => {
    const auth = authenticator();
    const { authorization } = await issuer.headersFor(testUser('user-5'));
    const forged = `${authorization.slice(0, -4)}AAAA`;
    await expect(auth.authenticate({ authorization: forged })).rejects.toThrow(/signature/);
    await expect(auth.authenticate({ authorization: forged })).rejects.toThrow(/signature/);
    expect(calls.keyLookups).toBe(2);
  });

  it("verifies a partner's exchanged token once", async () => {
    const auth = authenticator(0);
    await auth.authenticate({ 'x-api-key': 'tgp_key' });
    await auth.authenticate({ 'x-api-key': 'tgp_key' });
    // Each exchange gives a new token (issued at another time or with another id): one check each.
    expect(calls.exchanges).toBe(2);
    expect(calls.keyLookups).toBe(2);
  });
});
