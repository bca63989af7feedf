import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP_STEP_SECONDS, totpCode } from '@talentgraph/auth';
import {
  createLogger,
  readConfig,
  startSubgraph,
  subgraphSettings,
  type RunningSubgraph,
} from '@talentgraph/platform';
import {
  graphqlRequest,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@talentgraph/testing';
import { usersSubgraph } from '../src/subgraph.ts';
import {
  GOOD_PASSWORD,
  bearer,
  errorCode,
  fromAddress,
  login,
  randomAddress,
  signUp,
  uniqueEmail,
} from './support/accounts.ts';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

let subgraph: TestSubgraph;
let replica: RunningSubgraph;

beforeAll(async () => {
  // Both replicas count in the same Redis.
  subgraph = await startTestSubgraph(usersSubgraph, { seed: false, env: { REDIS_URL } });
  replica = await startSubgraph(
    usersSubgraph,
    readConfig(subgraphSettings({ defaultPort: 0, database: 'users' }), {
      DATABASE_URL: subgraph.database.url,
      REDIS_URL,
      PORT: '0',
      NODE_ENV: 'test',
      SHUTDOWN_TIMEOUT_MS: '1000',
    }),
    { logger: createLogger('users', 'silent') },
  );
});

afterAll(async () => {
  await replica?.stop();
  await subgraph?.close();
});

function expectRateLimited(response: GraphQLResponse<unknown>): void {
  expect(errorCode(response)).toBe('RATE_LIMITED');
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(response.errors![0]!.extensions!['retryAfterSeconds']).toBe(retryAfter);
  expect(response.errors![0]!.message).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
}

describe('sign-in attempts', () => {
  it('are limited per account, across replicas and client addresses: even the right password waits', async () => {
    const { email } = await signUp(subgraph.url);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const url = attempt % 2 === 0 ? subgraph.url : replica.url;
      const response = await login(url, { email, password: `wrong-password-${attempt}` });
      expect(response.data!.login.errors[0]!.code).toBe('INVALID_CREDENTIALS');
    }
    expectRateLimited(await login(replica.url, { email, password: 'wrong-password-6' }));
    expectRateLimited(await login(subgraph.url, { email, password: GOOD_PASSWORD }));
    // Another account from the same machines is not affected.
    const other = await signUp(subgraph.url);
    expect(
      (await login(subgraph.url, { email: other.email, password: GOOD_PASSWORD })).data!.login.errors,
    ).toEqual([]);
  });

  it('are limited for unknown addresses exactly as for known ones', async () => {
    const email = uniqueEmail('nobody');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await login(subgraph.url, { email, password: GOOD_PASSWORD })).data!.login.errors[0]!.code,
      ).toBe('INVALID_CREDENTIALS');
    }
    expectRateLimited(await login(subgraph.url, { email, password: GOOD_PASSWORD }));
  });

  it('are limited per client address across accounts (the address the gateway forwards)', async () => {
    const address = randomAddress();
    // The limit is taken before the password is hashed, so a burst is decided at once: 30 pass.
    const responses = await Promise.all(
      Array.from({ length: 36 }, () =>
        login(
          subgraph.url,
          { email: uniqueEmail('spray'), password: 'Summer-2026-spray' },
          fromAddress(address),
        ),
      ),
    );
    const refused = responses.filter((response) => errorCode(response) === 'RATE_LIMITED');
    const tried = responses.filter(
      (response) => response.data?.login?.errors[0]?.code === 'INVALID_CREDENTIALS',
    );
    expect(tried).toHaveLength(30);
    expect(refused).toHaveLength(6);
    expectRateLimited(refused[0]!);
    // Another address still gets through.
    const elsewhere = await login(
      subgraph.url,
      { email: uniqueEmail(), password: 'x' },
      fromAddress(randomAddress()),
    );
    expect(elsewhere.data!.login.errors[0]!.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('two-factor codes', () => {
  it('are limited per account: 5 wrong codes, then even a right one waits', async () => {
    const session = await signUp(subgraph.url);
    const enrolled = await graphqlRequest<{ enrollTotp: { secret: string } }>(
      subgraph.url,
      'mutation { enrollTotp { secret } }',
      {},
      bearer(session.accessToken),
    );
    const secret = enrolled.data!.enrollTotp.secret;
    const confirmedAt = new Date();
    await graphqlRequest(
      subgraph.url,
      'mutation ($input: ConfirmTotpInput!) { confirmTotp(input: $input) { errors { code } } }',
      { input: { code: totpCode(secret, confirmedAt) } },
      bearer(session.accessToken),
    );
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await login(subgraph.url, {
        email: session.email,
        password: GOOD_PASSWORD,
        totpCode: '000000',
      });
      expect(wrong.data!.login.errors[0]!.code).toBe('INVALID_TWO_FACTOR_CODE');
    }
    const right = totpCode(secret, new Date(confirmedAt.getTime() + TOTP_STEP_SECONDS * 1000));
    expectRateLimited(
      await login(subgraph.url, { email: session.email, password: GOOD_PASSWORD, totpCode: right }),
    );
  });
});

describe('password reset requests', () => {
  const REQUEST =
    'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { errors { code } } }';

  it('are limited per address, whether or not it has an account', async () => {
    const { email } = await signUp(subgraph.url);
    for (const target of [email, uniqueEmail('ghost')]) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await graphqlRequest(
          subgraph.url,
          REQUEST,
          { input: { email: target } },
          fromAddress(randomAddress()),
        );
        expect(response.data).toEqual({ requestPasswordReset: { errors: [] } });
      }
      expectRateLimited(
        await graphqlRequest(
          subgraph.url,
          REQUEST,
          { input: { email: target } },
          fromAddress(randomAddress()),
        ),
      );
    }
  });

  it('and reset links tried are limited per client address', async () => {
    const address = randomAddress();
    const RESET =
      'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { errors { code } } }';
    const attempt = () =>
      graphqlRequest(
        subgraph.url,
        RESET,
        { input: { token: randomBytes(32).toString('base64url'), newPassword: 'guessing-the-token-now' } },
        fromAddress(address),
      );
    for (let index = 0; index < 10; index += 1) {
      expect(await attempt()).toMatchObject({
        data: { resetPassword: { errors: [{ code: 'TOKEN_INVALID' }] } },
      });
    }
    expectRateLimited(await attempt());
  });
});

describe('the client address', () => {
  it('comes from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    process.env['TRUSTED_PROXIES'] = '192.0.2.1';
    let untrusting: TestSubgraph | undefined;
    try {
      untrusting = await startTestSubgraph(usersSubgraph, { seed: false });
      const spoofed = () =>
        graphqlRequest(
          untrusting!.url,
          'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { errors { code } } }',
          { input: { email: uniqueEmail('spoof') } },
          fromAddress(randomAddress()),
        );
      // Each request claims another address, but they all come from 127.0.0.1: 10 per address.
      for (let index = 0; index < 10; index += 1) expect(errorCode(await spoofed())).toBeUndefined();
      expectRateLimited(await spoofed());
    } finally {
      delete process.env['TRUSTED_PROXIES'];
      await untrusting?.close();
    }
  });
});
