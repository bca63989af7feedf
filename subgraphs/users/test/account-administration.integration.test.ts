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
  signUp,
} from './support/accounts.ts';

let subgraph: TestSubgraph;
let adminToken: string;
const admin = users.find((user) => user.roles.includes('ADMIN'))!;

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph);
  adminToken = (await logIn(subgraph.url, admin.email, DEMO_PASSWORD)).accessToken;
});

afterAll(async () => {
  await subgraph?.close();
});

interface AdministrationPayload {
  account: { id: string; disabledAt: string | null; user: { roles: string[] } } | null;
  endedSessionCount?: number;
  errors: { code: string; field: string[] | null }[];
}

async function administer(
  mutation: 'disableUser' | 'enableUser' | 'grantRole' | 'revokeRole',
  input: Record<string, unknown>,
  token = adminToken,
) {
  const counts = mutation === 'disableUser' || mutation === 'revokeRole' ? 'endedSessionCount' : '';
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  return graphqlRequest<Record<string, AdministrationPayload>>(
    subgraph.url,
    `mutation ($input: ${inputType}!) {
      ${mutation}(input: $input) { account { id disabledAt user { roles } } ${counts} errors { code field } }
    }`,
    { input },
    bearer(token),
  );
}

async function storedAccount(userId: string) {
  const [row] = await queryDatabase<{ roles: string[]; disabled_at: Date | null }>(
    subgraph.database.url,
    'select roles, disabled_at from users where id = $1',
    [userId],
  );
  return row!;
}

describe('disabling and enabling accounts', () => {
  it('disables an account: sign-in is refused, live sessions and refresh tokens stop at once', async () => {
    const person = await signUp(subgraph.url);
    const userId = claimsOf(person.accessToken)['sub'] as string;
    const disabled = await administer('disableUser', { userId });
    expect(disabled.data!['disableUser']).toMatchObject({
      account: { id: userId, disabledAt: expect.any(String) },
      endedSessionCount: 1,
      errors: [],
    });
    expect(errorCode(await me(subgraph.url, person.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await refresh(subgraph.url, person.refreshToken))).toBe('UNAUTHENTICATED');
    const signIn = await login(subgraph.url, { email: person.email, password: GOOD_PASSWORD });
    expect(signIn.data!.login.errors.map((error) => error.code)).toEqual(['ACCOUNT_DISABLED']);

    const enabled = await administer('enableUser', { userId });
    expect(enabled.data!['enableUser']).toMatchObject({ account: { disabledAt: null }, errors: [] });
    const again = await logIn(subgraph.url, person.email, GOOD_PASSWORD);
    expect((await me(subgraph.url, again.accessToken)).data!.me.id).toBe(userId);
  });

  it('refuses an administrator disabling their own account, and changes nothing', async () => {
    const response = await administer('disableUser', { userId: admin.id });
    expect(response.data!['disableUser']).toEqual({
      account: null,
      endedSessionCount: 0,
      errors: [{ code: 'CANNOT_DISABLE_SELF', field: null }],
    });
    expect((await storedAccount(admin.id)).disabled_at).toBeNull();
    expect(errorCode(await me(subgraph.url, adminToken))).toBeUndefined();
  });

  it('answers USER_NOT_FOUND for an unknown account and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await administer('disableUser', { userId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.data!['disableUser']!.errors).toEqual([
      { code: 'USER_NOT_FOUND', field: ['input', 'userId'] },
    ]);
    const malformed = await administer('enableUser', { userId: 'not-an-id' });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
  });
});

describe('granting and revoking roles', () => {
  it('grants MODERATOR: the next token carries it; revoking it ends the sessions', async () => {
    const person = await signUp(subgraph.url);
    const userId = claimsOf(person.accessToken)['sub'] as string;
    const granted = await administer('grantRole', { userId, role: 'MODERATOR' });
    expect(granted.data!['grantRole']!.account!.user.roles).toEqual(['CANDIDATE', 'MODERATOR']);
    const refreshed = await refresh(subgraph.url, person.refreshToken);
    const moderatorToken = refreshed.data!.refreshToken.session!.accessToken;
    expect(claimsOf(moderatorToken)['roles']).toEqual(['CANDIDATE', 'MODERATOR']);

    const granting = await administer('grantRole', { userId, role: 'MODERATOR' });
    expect(granting.data!['grantRole']!.account!.user.roles).toEqual(['CANDIDATE', 'MODERATOR']);

    const revoked = await administer('revokeRole', { userId, role: 'MODERATOR' });
    expect(revoked.data!['revokeRole']).toMatchObject({ endedSessionCount: 1, errors: [] });
    expect(errorCode(await me(subgraph.url, moderatorToken))).toBe('UNAUTHENTICATED');
    expect((await storedAccount(userId)).roles).toEqual(['CANDIDATE']);
  });

  it('refuses revoking a role not held, the last role, or an administrator’s own ADMIN role', async () => {
    const person = await signUp(subgraph.url);
    const userId = claimsOf(person.accessToken)['sub'] as string;
    const cases: [Record<string, unknown>, string][] = [
      [{ userId, role: 'MENTOR' }, 'ROLE_NOT_HELD'],
      [{ userId, role: 'CANDIDATE' }, 'LAST_ROLE'],
      [{ userId: admin.id, role: 'ADMIN' }, 'CANNOT_REVOKE_OWN_ADMIN'],
    ];
    for (const [input, code] of cases) {
      const response = await administer('revokeRole', input);
      expect(response.data!['revokeRole']!.errors.map((error) => error.code)).toEqual([code]);
    }
    expect((await storedAccount(userId)).roles).toEqual(['CANDIDATE']);
    expect((await storedAccount(admin.id)).roles).toEqual(['ADMIN']);
    expect(errorCode(await me(subgraph.url, person.accessToken))).toBeUndefined();
  });

  it('is for administrators only: a moderator or a candidate gets FORBIDDEN, and nothing changes', async () => {
    const person = await signUp(subgraph.url);
    const userId = claimsOf(person.accessToken)['sub'] as string;
    const moderator = users.find((user) => user.roles.includes('MODERATOR'))!;
    const moderatorToken = (await logIn(subgraph.url, moderator.email, DEMO_PASSWORD)).accessToken;
    for (const token of [person.accessToken, moderatorToken]) {
      expect(errorCode(await administer('grantRole', { userId, role: 'ADMIN' }, token))).toBe('FORBIDDEN');
      expect(errorCode(await administer('disableUser', { userId: admin.id }, token))).toBe('FORBIDDEN');
    }
    expect((await storedAccount(userId)).roles).toEqual(['CANDIDATE']);
    expect((await storedAccount(admin.id)).disabled_at).toBeNull();
  });
});
