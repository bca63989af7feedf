import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP_STEP_SECONDS, totpCode } from '@talentgraph/auth';
import { graphqlRequest, queryDatabase, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { usersSubgraph } from '../src/subgraph.ts';
import { GOOD_PASSWORD, bearer, errorCode, login, signUp, type Tokens } from './support/accounts.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph, { seed: false });
});

afterAll(async () => {
  await subgraph?.close();
});

const ENROLL = 'mutation { enrollTotp { secret otpauthUri errors { code } } }';
const CONFIRM = `mutation ($input: ConfirmTotpInput!) {
  confirmTotp(input: $input) { recoveryCodes account { twoFactorEnabled } errors { code field } }
}`;
const DISABLE = `mutation ($input: DisableTotpInput!) {
  disableTotp(input: $input) { account { twoFactorEnabled } errors { code field } }
}`;

type Enroll = {
  enrollTotp: { secret: string | null; otpauthUri: string | null; errors: { code: string }[] };
};
type Confirm = {
  confirmTotp: {
    recoveryCodes: string[] | null;
    account: { twoFactorEnabled: boolean } | null;
    errors: { code: string }[];
  };
};
type Disable = { disableTotp: { account: { twoFactorEnabled: boolean } | null; errors: { code: string }[] } };

async function userRow(email: string) {
  const [row] = await queryDatabase<{
    id: string;
    totp_secret_sealed: string | null;
    totp_pending_secret_sealed: string | null;
    totp_enabled_at: Date | null;
  }>(
    subgraph.database.url,
    'select id, totp_secret_sealed, totp_pending_secret_sealed, totp_enabled_at from users where email = $1',
    [email],
  );
  return row!;
}

/** An account with two-factor on: its secret, recovery codes and the instant of the code that confirmed it. */
async function withTwoFactor(): Promise<{
  session: Tokens & { email: string };
  secret: string;
  recoveryCodes: string[];
  confirmedAt: Date;
}> {
  const session = await signUp(subgraph.url);
  const enrolled = await graphqlRequest<Enroll>(subgraph.url, ENROLL, {}, bearer(session.accessToken));
  const secret = enrolled.data!.enrollTotp.secret!;
  const confirmedAt = new Date();
  const confirmed = await graphqlRequest<Confirm>(
    subgraph.url,
    CONFIRM,
    { input: { code: totpCode(secret, confirmedAt) } },
    bearer(session.accessToken),
  );
  return { session, secret, recoveryCodes: confirmed.data!.confirmTotp.recoveryCodes!, confirmedAt };
}

describe('two-factor enrolment', () => {
  it('gives a secret for the app, kept sealed and pending until a valid code confirms it', async () => {
    const session = await signUp(subgraph.url);
    const enrolled = await graphqlRequest<Enroll>(subgraph.url, ENROLL, {}, bearer(session.accessToken));
    const { secret, otpauthUri } = enrolled.data!.enrollTotp;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(
      `otpauth://totp/talentgraph:${encodeURIComponent(session.email)}?secret=${secret}&issuer=talentgraph&algorithm=SHA1&digits=6&period=30`,
    );
    const pending = await userRow(session.email);
    expect(pending.totp_pending_secret_sealed).toMatch(/^v1\./);
    expect(pending.totp_pending_secret_sealed).not.toContain(secret!);
    expect(pending.totp_enabled_at).toBeNull();
    // Not on yet: the password alone still signs in.
    expect(
      (await login(subgraph.url, { email: session.email, password: GOOD_PASSWORD })).data!.login.errors,
    ).toEqual([]);

    const wrong = await graphqlRequest<Confirm>(
      subgraph.url,
      CONFIRM,
      { input: { code: totpCode(secret!, new Date(Date.now() - 10 * TOTP_STEP_SECONDS * 1000)) } },
      bearer(session.accessToken),
    );
    expect(wrong.data!.confirmTotp).toEqual({
      recoveryCodes: null,
      account: null,
      errors: [{ code: 'INVALID_TWO_FACTOR_CODE', field: ['input', 'code'] }],
    });
    expect((await userRow(session.email)).totp_enabled_at).toBeNull();

    const confirmed = await graphqlRequest<Confirm>(
      subgraph.url,
      CONFIRM,
      { input: { code: totpCode(secret!, new Date()) } },
      bearer(session.accessToken),
    );
    const { recoveryCodes, account } = confirmed.data!.confirmTotp;
    expect(account).toEqual({ twoFactorEnabled: true });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const enabled = await userRow(session.email);
    expect(enabled.totp_pending_secret_sealed).toBeNull();
    expect(enabled.totp_secret_sealed).toMatch(/^v1\./);
    const stored = await queryDatabase<{ code_hash: string }>(
      subgraph.database.url,
      'select code_hash from recovery_codes where user_id = $1',
      [enabled.id],
    );
    expect(stored).toHaveLength(10);
    for (const { code_hash: hash } of stored) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes!.some((code) => hash.includes(code.replace(/-/g, '')))).toBe(false);
    }

    const again = await graphqlRequest<Enroll>(subgraph.url, ENROLL, {}, bearer(session.accessToken));
    expect(again.data!.enrollTotp.errors).toEqual([{ code: 'TWO_FACTOR_ALREADY_ENABLED' }]);
  });

  it('cannot be confirmed without enrolling first, nor by anyone signed out', async () => {
    const session = await signUp(subgraph.url);
    const response = await graphqlRequest<Confirm>(
      subgraph.url,
      CONFIRM,
      { input: { code: '123456' } },
      bearer(session.accessToken),
    );
    expect(response.data!.confirmTotp.errors[0]!.code).toBe('TWO_FACTOR_NOT_ENROLLED');
    expect(errorCode(await graphqlRequest(subgraph.url, ENROLL))).toBe('UNAUTHENTICATED');
  });
});

describe('signing in with two-factor on', () => {
  it('demands a code, refuses wrong and replayed codes, accepts a fresh one', async () => {
    const { session, secret, confirmedAt } = await withTwoFactor();
    const { email } = session;
    const [sessionsBefore] = await queryDatabase<{ count: string }>(
      subgraph.database.url,
      'select count(*) from sessions s join users u on u.id = s.user_id where u.email = $1',
      [email],
    );

    const missing = await login(subgraph.url, { email, password: GOOD_PASSWORD });
    expect(missing.data!.login).toEqual({
      session: null,
      errors: [
        {
          code: 'TWO_FACTOR_REQUIRED',
          message: 'Enter the code of your authenticator app, or one of your recovery codes.',
          field: ['input', 'totpCode'],
        },
      ],
    });
    const wrong = await login(subgraph.url, { email, password: GOOD_PASSWORD, totpCode: '000000' });
    expect(wrong.data!.login.errors[0]!.code).toBe('INVALID_TWO_FACTOR_CODE');
    // The code that confirmed enrolment belongs to a step already used.
    const replayed = await login(subgraph.url, {
      email,
      password: GOOD_PASSWORD,
      totpCode: totpCode(secret, confirmedAt),
    });
    expect(replayed.data!.login.errors[0]!.code).toBe('INVALID_TWO_FACTOR_CODE');
    // A wrong password with a right code is still a wrong password.
    const nextCode = totpCode(secret, new Date(confirmedAt.getTime() + TOTP_STEP_SECONDS * 1000));
    const wrongPassword = await login(subgraph.url, {
      email,
      password: 'not-the-password',
      totpCode: nextCode,
    });
    expect(wrongPassword.data!.login.errors[0]!.code).toBe('INVALID_CREDENTIALS');

    const accepted = await login(subgraph.url, { email, password: GOOD_PASSWORD, totpCode: nextCode });
    expect(accepted.data!.login.errors).toEqual([]);
    expect(accepted.data!.login.session).not.toBeNull();
    const replayedNext = await login(subgraph.url, { email, password: GOOD_PASSWORD, totpCode: nextCode });
    expect(replayedNext.data!.login.errors[0]!.code).toBe('INVALID_TWO_FACTOR_CODE');

    const [sessionsAfter] = await queryDatabase<{ count: string }>(
      subgraph.database.url,
      'select count(*) from sessions s join users u on u.id = s.user_id where u.email = $1',
      [email],
    );
    expect(Number(sessionsAfter!.count)).toBe(Number(sessionsBefore!.count) + 1);
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const { session, recoveryCodes } = await withTwoFactor();
    const [first, second] = recoveryCodes as [string, string];
    const typed = ` ${first.toUpperCase()} `;
    expect(
      (await login(subgraph.url, { email: session.email, password: GOOD_PASSWORD, recoveryCode: typed }))
        .data!.login.errors,
    ).toEqual([]);
    const reused = await login(subgraph.url, {
      email: session.email,
      password: GOOD_PASSWORD,
      recoveryCode: first,
    });
    expect(reused.data!.login.errors[0]!.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect(
      (await login(subgraph.url, { email: session.email, password: GOOD_PASSWORD, recoveryCode: second }))
        .data!.login.errors,
    ).toEqual([]);
  });
});

describe('turning two-factor off', () => {
  it('needs the password and a valid code; then the password alone signs in again', async () => {
    const { session, secret, recoveryCodes } = await withTwoFactor();
    const disable = (input: { password: string; code: string }) =>
      graphqlRequest<Disable>(subgraph.url, DISABLE, { input }, bearer(session.accessToken));

    const wrongPassword = await disable({ password: 'not-the-password', code: recoveryCodes[0]! });
    expect(wrongPassword.data!.disableTotp.errors).toEqual([
      { code: 'INVALID_CURRENT_PASSWORD', field: ['input', 'password'] },
    ]);
    const wrongCode = await disable({ password: GOOD_PASSWORD, code: '000000' });
    expect(wrongCode.data!.disableTotp.errors).toEqual([
      { code: 'INVALID_TWO_FACTOR_CODE', field: ['input', 'code'] },
    ]);
    expect((await userRow(session.email)).totp_enabled_at).not.toBeNull();

    const done = await disable({ password: GOOD_PASSWORD, code: recoveryCodes[0]! });
    expect(done.data!.disableTotp).toEqual({ account: { twoFactorEnabled: false }, errors: [] });
    const row = await userRow(session.email);
    expect(row).toMatchObject({
      totp_secret_sealed: null,
      totp_pending_secret_sealed: null,
      totp_enabled_at: null,
    });
    const [codes] = await queryDatabase<{ count: string }>(
      subgraph.database.url,
      'select count(*) from recovery_codes where user_id = $1',
      [row.id],
    );
    expect(codes!.count).toBe('0');
    expect(
      (await login(subgraph.url, { email: session.email, password: GOOD_PASSWORD })).data!.login.errors,
    ).toEqual([]);

    const notOn = await disable({ password: GOOD_PASSWORD, code: totpCode(secret, new Date()) });
    expect(notOn.data!.disableTotp.errors[0]!.code).toBe('TWO_FACTOR_NOT_ENABLED');
  });
});
