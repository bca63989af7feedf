import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, readConfig, startSubgraph, subgraphSettings } from '@talentgraph/platform';
import {
  createTestDatabase,
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  type TestSubgraph,
} from '@talentgraph/testing';
import { usersSubgraph } from '../src/subgraph.ts';
import {
  GOOD_PASSWORD,
  bearer,
  errorCode,
  fromAddress,
  logIn,
  login,
  mailbox,
  me,
  randomAddress,
  register,
  signUp,
  tokenFromMailbox,
  uniqueEmail,
} from './support/accounts.ts';
import { startTestSmtpServer } from './support/smtp-server.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph, { seed: false });
});

afterAll(async () => {
  await subgraph?.close();
});

const VERIFY = `mutation ($input: VerifyEmailInput!) {
  verifyEmail(input: $input) { account { email emailVerified emailVerifiedAt } errors { code message field } }
}`;
const REQUEST_VERIFICATION = 'mutation { requestEmailVerification { errors { code } } }';
const REQUEST_RESET = `mutation ($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) { errors { code } }
}`;
const RESET = `mutation ($input: ResetPasswordInput!) {
  resetPassword(input: $input) { endedSessionCount errors { code field } }
}`;

type Verify = { verifyEmail: { account: { emailVerified: boolean } | null; errors: { code: string }[] } };
type Reset = { resetPassword: { endedSessionCount: number; errors: { code: string; field: string[] }[] } };

const verify = (token: string) => graphqlRequest<Verify>(subgraph.url, VERIFY, { input: { token } });
const requestReset = (email: string) =>
  graphqlRequest(subgraph.url, REQUEST_RESET, { input: { email } }, fromAddress(randomAddress()));
const reset = (token: string, newPassword: string) =>
  graphqlRequest<Reset>(subgraph.url, RESET, { input: { token, newPassword } }, fromAddress(randomAddress()));

async function outboxRows(email: string) {
  return queryDatabase<{ template: string; body_sealed: string | null; status: string }>(
    subgraph.database.url,
    'select template, body_sealed, status from email_outbox where recipient = $1 order by created_at',
    [email],
  );
}

describe('e-mail verification', () => {
  it('sends a link at sign-up, in the account language, that verifies the address once', async () => {
    const session = await signUp(subgraph.url, { locale: 'FR', displayName: 'Zoé <script>' });
    const [message] = await mailbox(subgraph.url, session.email);
    expect(message).toMatchObject({ template: 'EMAIL_VERIFICATION', locale: 'FR' });
    expect(message!.subject).toBe('Confirmez votre adresse e-mail');
    expect(message!.text).toContain('Bonjour Zoé <script>,');
    expect(message!.html).toContain('Bonjour Zoé &lt;script&gt;,');
    expect(message!.links[0]).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URL(message!.links[0]!).searchParams.get('token')!;

    // Stored as a hash; the queued body is sealed.
    const tokens = await queryDatabase<{ token_hash: string }>(
      subgraph.database.url,
      'select token_hash from account_tokens where email = $1',
      [session.email],
    );
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.token_hash).not.toContain(token);
    const [row] = await outboxRows(session.email);
    expect(row!.body_sealed).toMatch(/^v1\./);
    expect(row!.body_sealed).not.toContain(token);

    const verified = await verify(token);
    expect(verified.data!.verifyEmail.account!.emailVerified).toBe(true);
    expect((await me(subgraph.url, session.accessToken)).data!.me.emailVerified).toBe(true);
    const again = await verify(token);
    expect(again.data!.verifyEmail).toEqual({
      account: null,
      errors: [
        {
          code: 'TOKEN_INVALID',
          message: 'This link is not valid, or was already used.',
          field: ['input', 'token'],
        },
      ],
    });
  });

  it('writes English for an English account', async () => {
    const session = await signUp(subgraph.url);
    const [message] = await mailbox(subgraph.url, session.email);
    expect(message).toMatchObject({ locale: 'EN', subject: 'Confirm your e-mail address' });
    expect(message!.text).toContain('Hello Test Person,');
  });

  it('sends a new link on request, which voids the previous one', async () => {
    const session = await signUp(subgraph.url);
    const first = await tokenFromMailbox(subgraph.url, session.email, 'EMAIL_VERIFICATION');
    const requested = await graphqlRequest(
      subgraph.url,
      REQUEST_VERIFICATION,
      {},
      bearer(session.accessToken),
    );
    expect(requested.data).toEqual({ requestEmailVerification: { errors: [] } });
    const second = await tokenFromMailbox(subgraph.url, session.email, 'EMAIL_VERIFICATION');
    expect(second).not.toBe(first);
    expect((await verify(first)).data!.verifyEmail.errors[0]!.code).toBe('TOKEN_INVALID');
    expect((await verify(second)).data!.verifyEmail.account!.emailVerified).toBe(true);
    const done = await graphqlRequest(subgraph.url, REQUEST_VERIFICATION, {}, bearer(session.accessToken));
    expect(done.data).toEqual({ requestEmailVerification: { errors: [{ code: 'EMAIL_ALREADY_VERIFIED' }] } });
    expect(errorCode(await graphqlRequest(subgraph.url, REQUEST_VERIFICATION))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired or unknown link, verifying nothing', async () => {
    const session = await signUp(subgraph.url);
    const token = await tokenFromMailbox(subgraph.url, session.email, 'EMAIL_VERIFICATION');
    await queryDatabase(
      subgraph.database.url,
      "update account_tokens set expires_at = now() - interval '1 second' where email = $1",
      [session.email],
    );
    expect((await verify(token)).data!.verifyEmail.errors[0]!.code).toBe('TOKEN_EXPIRED');
    expect((await verify(randomBytes(32).toString('base64url'))).data!.verifyEmail.errors[0]!.code).toBe(
      'TOKEN_INVALID',
    );
    expect((await me(subgraph.url, session.accessToken)).data!.me.emailVerified).toBe(false);
  });

  it('queues exactly one e-mail when two sign-ups race for one address (the loser writes nothing)', async () => {
    const email = uniqueEmail();
    const results = await Promise.all([register(subgraph.url, { email }), register(subgraph.url, { email })]);
    expect(results.filter((result) => result.data?.register.session)).toHaveLength(1);
    expect(await outboxRows(email)).toHaveLength(1);
    const [users] = await queryDatabase<{ count: string }>(
      subgraph.database.url,
      'select count(*) from users where email = $1',
      [email],
    );
    expect(users!.count).toBe('1');
  });
});

describe('password reset', () => {
  it('answers the same whether or not the address has an account, sending only to a real one', async () => {
    const session = await signUp(subgraph.url);
    const stranger = uniqueEmail('stranger');
    const known = await requestReset(session.email);
    const unknown = await requestReset(stranger);
    expect(known.data).toEqual({ requestPasswordReset: { errors: [] } });
    expect(unknown.data).toEqual(known.data);
    expect((await mailbox(subgraph.url, session.email)).map((message) => message.template)).toContain(
      'PASSWORD_RESET',
    );
    expect(await mailbox(subgraph.url, stranger)).toEqual([]);
    expect(await outboxRows(stranger)).toEqual([]);
  });

  it('sets a new password once, ends every session and verifies the address', async () => {
    const first = await signUp(subgraph.url);
    const second = await logIn(subgraph.url, first.email, GOOD_PASSWORD);
    await requestReset(first.email);
    const token = await tokenFromMailbox(subgraph.url, first.email, 'PASSWORD_RESET');
    const link = (await mailbox(subgraph.url, first.email))[0]!.links[0]!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=/);

    const weak = await reset(token, 'password123');
    expect(weak.data!.resetPassword.errors).toEqual([
      { code: 'PASSWORD_TOO_COMMON', field: ['input', 'newPassword'] },
    ]);

    const done = await reset(token, 'a-fresh-start-after-reset');
    expect(done.data!.resetPassword).toEqual({ endedSessionCount: 2, errors: [] });
    for (const session of [first, second]) {
      expect(errorCode(await me(subgraph.url, session.accessToken))).toBe('UNAUTHENTICATED');
    }
    const signedIn = await logIn(subgraph.url, first.email, 'a-fresh-start-after-reset');
    expect((await me(subgraph.url, signedIn.accessToken)).data!.me.emailVerified).toBe(true);
    expect(
      (await login(subgraph.url, { email: first.email, password: GOOD_PASSWORD })).data!.login.errors[0]!
        .code,
    ).toBe('INVALID_CREDENTIALS');
    expect((await reset(token, 'yet-another-passphrase')).data!.resetPassword.errors[0]!.code).toBe(
      'TOKEN_INVALID',
    );
    expect((await mailbox(subgraph.url, first.email))[0]!.template).toBe('PASSWORD_CHANGED');
  });

  it('refuses an expired link, changing nothing', async () => {
    const session = await signUp(subgraph.url);
    await requestReset(session.email);
    const token = await tokenFromMailbox(subgraph.url, session.email, 'PASSWORD_RESET');
    await queryDatabase(
      subgraph.database.url,
      "update account_tokens set expires_at = now() - interval '1 second' where purpose = 'PASSWORD_RESET' and email = $1",
      [session.email],
    );
    const expired = await reset(token, 'a-fresh-start-after-reset');
    expect(expired.data!.resetPassword).toEqual({
      endedSessionCount: 0,
      errors: [{ code: 'TOKEN_EXPIRED', field: ['input', 'token'] }],
    });
    expect((await me(subgraph.url, session.accessToken)).data!.me.email).toBe(session.email);
    await logIn(subgraph.url, session.email, GOOD_PASSWORD);
  });

  it('sends nothing to a disabled account', async () => {
    const session = await signUp(subgraph.url);
    await queryDatabase(subgraph.database.url, 'update users set disabled_at = now() where email = $1', [
      session.email,
    ]);
    expect((await requestReset(session.email)).data).toEqual({ requestPasswordReset: { errors: [] } });
    expect((await mailbox(subgraph.url, session.email)).map((message) => message.template)).toEqual([
      'EMAIL_VERIFICATION',
    ]);
  });
});

describe('the outbox dispatcher', () => {
  it('delivers to the dev mailbox when no SMTP server is configured', async () => {
    const session = await signUp(subgraph.url);
    await expect
      .poll(async () => (await outboxRows(session.email)).map((row) => row.status), { timeout: 10_000 })
      .toEqual(['SENT']);
    const [row] = await queryDatabase<{ transport: string; body_sealed: string | null }>(
      subgraph.database.url,
      'select transport, body_sealed from email_outbox where recipient = $1',
      [session.email],
    );
    expect(row!.transport).toBe('DEV_MAILBOX');
    expect(row!.body_sealed).not.toBeNull();
  });

  it('sends through SMTP_URL with nodemailer, then erases the sealed body', async () => {
    const smtp = await startTestSmtpServer();
    process.env['SMTP_URL'] = smtp.url;
    process.env['EMAIL_DISPATCH_INTERVAL_MS'] = '100';
    let withSmtp: TestSubgraph | undefined;
    try {
      withSmtp = await startTestSubgraph(usersSubgraph, { seed: false });
      const email = uniqueEmail('smtp');
      await register(withSmtp.url, { email });
      await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
      const [mail] = smtp.received;
      expect(mail!.to).toEqual([email]);
      expect(mail!.from).toBe('no-reply@talentgraph.local');
      expect(mail!.data).toContain('Subject: Confirm your e-mail address');
      expect(mail!.data).toMatch(/verify-email\?token=/);
      await expect
        .poll(
          async () =>
            queryDatabase<{ status: string; transport: string; body_sealed: string | null }>(
              withSmtp!.database.url,
              'select status, transport, body_sealed from email_outbox where recipient = $1',
              [email],
            ),
          { timeout: 10_000 },
        )
        .toEqual([{ status: 'SENT', transport: 'SMTP', body_sealed: null }]);
    } finally {
      delete process.env['SMTP_URL'];
      delete process.env['EMAIL_DISPATCH_INTERVAL_MS'];
      await withSmtp?.close();
      await smtp.close();
    }
  });
});

describe('the dev mailbox', () => {
  it('needs an address', async () => {
    const response = await fetch(subgraph.url.replace('/graphql', '/dev/mailbox'));
    expect(response.status).toBe(400);
  });

  it('does not exist in production', async () => {
    const database = await createTestDatabase('users_production');
    process.env['AUTH_KEY_ENCRYPTION_KEY'] = randomBytes(32).toString('base64');
    try {
      const production = await startSubgraph(
        usersSubgraph,
        readConfig(subgraphSettings({ defaultPort: 0, database: 'users' }), {
          DATABASE_URL: database.url,
          PORT: '0',
          NODE_ENV: 'production',
          SHUTDOWN_TIMEOUT_MS: '1000',
        }),
        { logger: createLogger('users', 'silent') },
      );
      try {
        const base = production.url.replace('/graphql', '');
        expect((await fetch(`${base}/dev/mailbox?to=someone@example.com`)).status).toBe(404);
        expect((await fetch(`${base}/.well-known/jwks.json`)).status).toBe(200);
      } finally {
        await production.stop();
      }
    } finally {
      delete process.env['AUTH_KEY_ENCRYPTION_KEY'];
      await database.drop();
    }
  });
});
