import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@talentgraph/demo-data';
import { graphqlRequest, queryDatabase, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { DEMO_PASSWORD } from '../src/seed.ts';
import { usersSubgraph } from '../src/subgraph.ts';
import {
  GOOD_PASSWORD,
  bearer,
  claimsOf,
  errorCode,
  logIn,
  login,
  me,
  refresh,
  register,
  signUp,
  uniqueEmail,
} from './support/accounts.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph);
});

afterAll(async () => {
  await subgraph?.close();
});

const owner = users.find((user) => user.membership?.role === 'OWNER')!;

async function countUsers(email: string): Promise<number> {
  const [row] = await queryDatabase<{ count: string }>(
    subgraph.database.url,
    'select count(*) from users where lower(email) = lower($1)',
    [email],
  );
  return Number(row!.count);
}

async function countSessions(): Promise<number> {
  const [row] = await queryDatabase<{ count: string }>(
    subgraph.database.url,
    'select count(*) from sessions',
  );
  return Number(row!.count);
}

describe('register', () => {
  it('creates a candidate account with a hashed password and signs it in', async () => {
    const email = uniqueEmail('amelie');
    const response = await register(subgraph.url, { email: `  ${email.toUpperCase()} `, locale: 'FR' });
    expect(response.errors).toBeUndefined();
    const session = response.data!.register.session!;
    expect(response.data!.register.errors).toEqual([]);
    const account = await me(subgraph.url, session.accessToken);
    expect(account.data!.me).toMatchObject({ email, emailVerified: false });
    const [row] = await queryDatabase<{ roles: string[]; password_hash: string; locale: string }>(
      subgraph.database.url,
      'select roles, password_hash, locale from users where email = $1',
      [email],
    );
    expect(row!.roles).toEqual(['CANDIDATE']);
    expect(row!.locale).toBe('FR');
    expect(row!.password_hash).toMatch(/^scrypt\$N=32768,r=8,p=3\$/);
    expect(row!.password_hash).not.toContain(GOOD_PASSWORD);
  });

  it.each(['RECRUITER', 'MENTOR'])('lets a person sign up as %s', async (role) => {
    const { accessToken } = await signUp(subgraph.url, { role });
    expect(claimsOf(accessToken)['roles']).toEqual([role]);
  });

  it.each(['ADMIN', 'MODERATOR'])('refuses to grant %s at sign-up, writing nothing', async (role) => {
    const email = uniqueEmail();
    const response = await register(subgraph.url, { email, role });
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(response.data?.register ?? null).toBeNull();
    expect(await countUsers(email)).toBe(0);
  });

  it('refuses roles smuggled through extra input fields, writing nothing', async () => {
    const email = uniqueEmail();
    for (const extra of [{ roles: ['ADMIN'] }, { role: 'CANDIDATE', isAdmin: true }, { disabledAt: null }]) {
      const response = await register(subgraph.url, { email, ...extra });
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    }
    expect(await countUsers(email)).toBe(0);
  });

  it('refuses weak passwords and bad details with typed errors, writing nothing', async () => {
    const email = uniqueEmail('jeanne.dupont');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ password: 'kq7-zb' }, ['PASSWORD_TOO_SHORT']],
      [{ password: 'password123' }, ['PASSWORD_TOO_COMMON']],
      [{ password: `${email.split('@')[0]}-2026` }, ['PASSWORD_CONTAINS_EMAIL']],
      [{ email: 'not-an-email', password: GOOD_PASSWORD }, ['INVALID_EMAIL']],
      [{ displayName: '   ' }, ['INVALID_DISPLAY_NAME']],
    ];
    for (const [input, codes] of cases) {
      const response = await register(subgraph.url, { email, ...input });
      expect(response.data!.register.session).toBeNull();
      expect(response.data!.register.errors.map((error) => error.code)).toEqual(codes);
    }
    const short = await register(subgraph.url, { email, password: 'kq7-zb' });
    expect(short.data!.register.errors[0]!.field).toEqual(['input', 'password']);
    expect(await countUsers(email)).toBe(0);
  });

  it('refuses a second account for an address, whatever its case, and says no more', async () => {
    const { email } = await signUp(subgraph.url, { displayName: 'Secret Name', role: 'RECRUITER' });
    const sessionsBefore = await countSessions();
    const again = await register(subgraph.url, { email: email.toUpperCase(), role: 'MENTOR' });
    expect(again.data!.register.session).toBeNull();
    expect(again.data!.register.errors).toEqual([
      {
        code: 'EMAIL_ALREADY_REGISTERED',
        message: 'An account already uses this e-mail address: sign in, or reset the password.',
        field: ['input', 'email'],
      },
    ]);
    expect(JSON.stringify(again)).not.toMatch(/Secret Name|RECRUITER/);
    expect(await countUsers(email)).toBe(1);
    expect(await countSessions()).toBe(sessionsBefore);
  });
});

describe('login', () => {
  it('signs a demo account in with the demo password; the token carries roles, memberships and session', async () => {
    const session = await logIn(subgraph.url, owner.email, DEMO_PASSWORD);
    const claims = claimsOf(session.accessToken);
    expect(claims).toMatchObject({
      sub: owner.id,
      kind: 'USER',
      roles: ['RECRUITER'],
      orgs: [{ id: owner.membership!.organizationId, role: 'OWNER' }],
      sid: session.sessionId,
      iss: 'talentgraph',
      aud: 'talentgraph-api',
    });
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(15 * 60);
    const header = JSON.parse(Buffer.from(session.accessToken.split('.')[0]!, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt' });
    expect((await me(subgraph.url, session.accessToken)).data!.me.email).toBe(owner.email);
    const [row] = await queryDatabase<{ user_id: string; ip_address: string }>(
      subgraph.database.url,
      'select user_id, ip_address from sessions where id = $1',
      [session.sessionId],
    );
    expect(row!.user_id).toBe(owner.id);
    expect(row!.ip_address).toMatch(/^10\./);
  });

  it('answers the same for an unknown e-mail and a wrong password, opening no session', async () => {
    const { email } = await signUp(subgraph.url);
    const sessionsBefore = await countSessions();
    const unknown = await login(subgraph.url, { email: uniqueEmail(), password: GOOD_PASSWORD });
    const wrong = await login(subgraph.url, { email, password: 'wrong-password-123' });
    expect(unknown.data).toEqual(wrong.data);
    expect(wrong.data!.login).toEqual({
      session: null,
      errors: [
        {
          code: 'INVALID_CREDENTIALS',
          message: 'The e-mail address or the password is incorrect.',
          field: null,
        },
      ],
    });
    expect(await countSessions()).toBe(sessionsBefore);
  });

  it('ignores the case of the e-mail address', async () => {
    const { email } = await signUp(subgraph.url);
    const response = await login(subgraph.url, { email: email.toUpperCase(), password: GOOD_PASSWORD });
    expect(response.data!.login.errors).toEqual([]);
  });

  it('refuses a disabled account', async () => {
    const { email } = await signUp(subgraph.url);
    await queryDatabase(subgraph.database.url, 'update users set disabled_at = now() where email = $1', [
      email,
    ]);
    const response = await login(subgraph.url, { email, password: GOOD_PASSWORD });
    expect(response.data!.login.session).toBeNull();
    expect(response.data!.login.errors.map((error) => error.code)).toEqual(['ACCOUNT_DISABLED']);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use, and a new access token works', async () => {
    const first = await signUp(subgraph.url);
    const second = await refresh(subgraph.url, first.refreshToken);
    expect(second.errors).toBeUndefined();
    const next = second.data!.refreshToken.session!;
    expect(next.sessionId).toBe(first.sessionId);
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(claimsOf(next.accessToken)['jti']).not.toBe(claimsOf(first.accessToken)['jti']);
    expect((await me(subgraph.url, next.accessToken)).data!.me.email).toBe(first.email);
    const stored = await queryDatabase<{ token_hash: string; spent_at: Date | null }>(
      subgraph.database.url,
      'select token_hash, spent_at from refresh_tokens where session_id = $1 order by issued_at, spent_at nulls last',
      [first.sessionId],
    );
    expect(stored).toHaveLength(2);
    expect(stored.filter((token) => token.spent_at === null)).toHaveLength(1);
    for (const token of stored) {
      expect(token.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect([first.refreshToken, next.refreshToken]).not.toContain(token.token_hash);
    }
  });

  it('revoke the whole session when a spent one is used again', async () => {
    const first = await signUp(subgraph.url);
    const next = (await refresh(subgraph.url, first.refreshToken)).data!.refreshToken.session!;
    const replay = await refresh(subgraph.url, first.refreshToken);
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors![0]!.message).toMatch(/already used/);
    // The legitimate holder's newer tokens died with the family.
    expect(errorCode(await refresh(subgraph.url, next.refreshToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await me(subgraph.url, next.accessToken))).toBe('UNAUTHENTICATED');
    const [session] = await queryDatabase<{ end_reason: string }>(
      subgraph.database.url,
      'select end_reason from sessions where id = $1',
      [first.sessionId],
    );
    expect(session!.end_reason).toBe('REFRESH_TOKEN_REUSE');
  });

  it('let only one of two simultaneous exchanges of a token win, and revoke the family', async () => {
    const first = await signUp(subgraph.url);
    const results = await Promise.all([
      refresh(subgraph.url, first.refreshToken),
      refresh(subgraph.url, first.refreshToken),
    ]);
    expect(results.filter((result) => result.data?.refreshToken?.session)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === 'UNAUTHENTICATED')).toHaveLength(1);
    const [session] = await queryDatabase<{ revoked_at: Date | null }>(
      subgraph.database.url,
      'select revoked_at from sessions where id = $1',
      [first.sessionId],
    );
    expect(session!.revoked_at).not.toBeNull();
  });

  it('refuse unknown tokens, and refresh nothing for a disabled or deleted account', async () => {
    expect(errorCode(await refresh(subgraph.url, 'not-a-refresh-token'))).toBe('UNAUTHENTICATED');
    const disabled = await signUp(subgraph.url);
    await queryDatabase(subgraph.database.url, 'update users set disabled_at = now() where email = $1', [
      disabled.email,
    ]);
    expect(errorCode(await refresh(subgraph.url, disabled.refreshToken))).toBe('UNAUTHENTICATED');
    const deleted = await signUp(subgraph.url);
    await queryDatabase(subgraph.database.url, 'delete from users where email = $1', [deleted.email]);
    expect(errorCode(await refresh(subgraph.url, deleted.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('refuse a session past its end', async () => {
    const session = await signUp(subgraph.url);
    await queryDatabase(
      subgraph.database.url,
      "update sessions set expires_at = now() - interval '1 second' where id = $1",
      [session.sessionId],
    );
    expect(errorCode(await refresh(subgraph.url, session.refreshToken))).toBe('UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  const LOGOUT = 'mutation { logout { ended errors { code } } }';
  const LOGOUT_EVERYWHERE = 'mutation { logoutEverywhere { endedSessionCount errors { code } } }';

  it('logout ends the session: its access and refresh tokens stop working at once', async () => {
    const session = await signUp(subgraph.url);
    const response = await graphqlRequest<{ logout: { ended: boolean } }>(
      subgraph.url,
      LOGOUT,
      {},
      bearer(session.accessToken),
    );
    expect(response.data!.logout.ended).toBe(true);
    const after = await me(subgraph.url, session.accessToken);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
    expect(after.errors![0]!.message).toBe('This session has ended; sign in again.');
    expect(errorCode(await refresh(subgraph.url, session.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('logoutEverywhere ends every session of the account and no other', async () => {
    const first = await signUp(subgraph.url);
    const second = await logIn(subgraph.url, first.email, GOOD_PASSWORD);
    const bystander = await signUp(subgraph.url);
    const response = await graphqlRequest<{ logoutEverywhere: { endedSessionCount: number } }>(
      subgraph.url,
      LOGOUT_EVERYWHERE,
      {},
      bearer(second.accessToken),
    );
    expect(response.data!.logoutEverywhere.endedSessionCount).toBe(2);
    expect(errorCode(await me(subgraph.url, first.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await me(subgraph.url, second.accessToken))).toBe('UNAUTHENTICATED');
    expect((await me(subgraph.url, bystander.accessToken)).data!.me.email).toBe(bystander.email);
  });

  it('need a signed-in caller', async () => {
    for (const query of [LOGOUT, LOGOUT_EVERYWHERE, '{ me { id } }']) {
      expect(errorCode(await graphqlRequest(subgraph.url, query))).toBe('UNAUTHENTICATED');
    }
  });

  it('a disabled account loses its valid tokens at once', async () => {
    const session = await signUp(subgraph.url);
    await queryDatabase(subgraph.database.url, 'update users set disabled_at = now() where email = $1', [
      session.email,
    ]);
    expect(errorCode(await me(subgraph.url, session.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('GET /internal/sessions/:id tells the gateway whether a session is still active', async () => {
    const base = subgraph.url.replace('/graphql', '');
    const active = async (sessionId: string) =>
      ((await (await fetch(`${base}/internal/sessions/${sessionId}`)).json()) as { active: boolean }).active;
    const session = await signUp(subgraph.url);
    expect(await active(session.sessionId)).toBe(true);
    await graphqlRequest(subgraph.url, LOGOUT, {}, bearer(session.accessToken));
    expect(await active(session.sessionId)).toBe(false);
    const disabled = await signUp(subgraph.url);
    await queryDatabase(subgraph.database.url, 'update users set disabled_at = now() where email = $1', [
      disabled.email,
    ]);
    expect(await active(disabled.sessionId)).toBe(false);
    expect(await active('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(await active('not-a-session')).toBe(false);
  });
});

describe('changePassword', () => {
  const CHANGE = `mutation ($input: ChangePasswordInput!) {
    changePassword(input: $input) { endedSessionCount errors { code field } }
  }`;
  type Change = {
    changePassword: { endedSessionCount: number; errors: { code: string; field: string[] }[] };
  };

  async function passwordHashOf(email: string): Promise<string> {
    const [row] = await queryDatabase<{ password_hash: string }>(
      subgraph.database.url,
      'select password_hash from users where email = $1',
      [email],
    );
    return row!.password_hash;
  }

  it('needs the current password and a good new one, changing nothing otherwise', async () => {
    const session = await signUp(subgraph.url);
    const before = await passwordHashOf(session.email);
    const wrong = await graphqlRequest<Change>(
      subgraph.url,
      CHANGE,
      { input: { currentPassword: 'not-the-password', newPassword: 'a-brand-new-passphrase' } },
      bearer(session.accessToken),
    );
    expect(wrong.data!.changePassword.errors).toEqual([
      { code: 'INVALID_CURRENT_PASSWORD', field: ['input', 'currentPassword'] },
    ]);
    const weak = await graphqlRequest<Change>(
      subgraph.url,
      CHANGE,
      { input: { currentPassword: GOOD_PASSWORD, newPassword: 'qwertyuiop' } },
      bearer(session.accessToken),
    );
    expect(weak.data!.changePassword.errors).toEqual([
      { code: 'PASSWORD_TOO_COMMON', field: ['input', 'newPassword'] },
    ]);
    expect(await passwordHashOf(session.email)).toBe(before);
  });

  it('changes the password and ends every other session', async () => {
    const current = await signUp(subgraph.url);
    const other = await logIn(subgraph.url, current.email, GOOD_PASSWORD);
    const response = await graphqlRequest<Change>(
      subgraph.url,
      CHANGE,
      { input: { currentPassword: GOOD_PASSWORD, newPassword: 'a-brand-new-passphrase' } },
      bearer(current.accessToken),
    );
    expect(response.data!.changePassword).toEqual({ endedSessionCount: 1, errors: [] });
    expect((await me(subgraph.url, current.accessToken)).data!.me.email).toBe(current.email);
    expect(errorCode(await me(subgraph.url, other.accessToken))).toBe('UNAUTHENTICATED');
    expect(
      (await login(subgraph.url, { email: current.email, password: GOOD_PASSWORD })).data!.login.errors[0]!
        .code,
    ).toBe('INVALID_CREDENTIALS');
    await logIn(subgraph.url, current.email, 'a-brand-new-passphrase');
  });
});

describe('updateMe', () => {
  const UPDATE = `mutation ($input: UpdateMeInput!) {
    updateMe(input: $input) { account { email user { displayName locale roles } } errors { code field } }
  }`;

  it('changes name and language, and nothing else', async () => {
    const session = await signUp(subgraph.url);
    const response = await graphqlRequest<{ updateMe: { account: { user: Record<string, unknown> } } }>(
      subgraph.url,
      UPDATE,
      { input: { displayName: '  Renamed Person ', locale: 'FR' } },
      bearer(session.accessToken),
    );
    expect(response.data!.updateMe.account.user).toEqual({
      displayName: 'Renamed Person',
      locale: 'FR',
      roles: ['CANDIDATE'],
    });
  });

  it('refuses role escalation and other account fields, writing nothing', async () => {
    const session = await signUp(subgraph.url);
    for (const input of [
      { roles: ['ADMIN'] },
      { role: 'ADMIN' },
      { email: 'other@example.com' },
      { emailVerified: true },
    ]) {
      const response = await graphqlRequest(subgraph.url, UPDATE, { input }, bearer(session.accessToken));
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
    }
    const blank = await graphqlRequest<{ updateMe: { errors: unknown[] } }>(
      subgraph.url,
      UPDATE,
      { input: { displayName: ' ', locale: 'FR' } },
      bearer(session.accessToken),
    );
    expect(blank.data!.updateMe.errors).toEqual([
      { code: 'INVALID_DISPLAY_NAME', field: ['input', 'displayName'] },
    ]);
    const [row] = await queryDatabase<{
      roles: string[];
      email: string;
      locale: string;
      display_name: string;
    }>(subgraph.database.url, 'select roles, email, locale, display_name from users where email = $1', [
      session.email,
    ]);
    expect(row).toEqual({
      roles: ['CANDIDATE'],
      email: session.email,
      locale: 'EN',
      display_name: 'Test Person',
    });
  });
});
