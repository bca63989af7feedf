import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@talentgraph/auth';
import { users } from '@talentgraph/demo-data';
import {
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  tokenFromMailbox,
  type TestSubgraph,
} from '@talentgraph/testing';
import { recordAudit, recordAuditFromEvent, type AuditableEvent } from '../../src/audit/audit-log.ts';
import { InvalidAuditEntryError } from '../../src/audit/audit-rules.ts';
import { MembershipSchema } from '../../src/entities/Membership.ts';
import { UserSchema } from '../../src/entities/User.ts';
import { DEMO_PASSWORD } from '../../src/seed.ts';
import { usersSubgraph } from '../../src/subgraph.ts';
import {
  GOOD_PASSWORD,
  bearer,
  claimsOf,
  errorCode,
  logIn,
  randomAddress,
  signUp,
  uniqueEmail,
  type Tokens,
} from '../support/accounts.ts';

let subgraph: TestSubgraph;
let adminToken: string;
const admin = users.find((user) => user.roles.includes('ADMIN'))!;
const statements: string[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph, { onQuery: (sql) => statements.push(sql) });
  adminToken = (await logIn(subgraph.url, admin.email, DEMO_PASSWORD)).accessToken;
});

afterAll(async () => {
  await subgraph?.close();
});

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  subgraph: string;
  request_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  event_id: string | null;
}

const rows = <Row extends object>(sql: string, values: unknown[] = []) =>
  queryDatabase<Row>(subgraph.database.url, sql, values);

/** Entries about one account or organization (target), oldest first, optionally of one action. */
const entriesAbout = (targetId: string, action?: string) =>
  rows<AuditRow>(
    `select * from audit_log where target_id = $1 ${action ? 'and action = $2' : ''} order by occurred_at, id`,
    action ? [targetId, action] : [targetId],
  );

/** A request as a client behind the gateway makes it: with its request id and its address. */
function call<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return graphqlRequest<Data>(subgraph.url, query, variables, {
    'x-forwarded-for': randomAddress(),
    ...headers,
  });
}

const userIdOf = (tokens: Tokens) => claimsOf(tokens.accessToken)['sub'] as string;

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { session { sessionId } errors { code } } }`;

describe('sign-in', () => {
  it('records a successful sign-in with the account, the session, the request id and the client address', async () => {
    const person = await signUp(subgraph.url);
    const userId = userIdOf(person);
    const response = await call<{ login: { session: { sessionId: string } } }>(
      LOGIN,
      { input: { email: person.email, password: GOOD_PASSWORD } },
      { 'x-request-id': 'audit-login-1', 'x-forwarded-for': '203.0.113.9' },
    );
    const [entry] = await entriesAbout(userId, 'auth.login');
    expect(entry).toMatchObject({
      actor_kind: 'USER',
      actor_id: userId,
      target_type: 'User',
      target_id: userId,
      subgraph: 'users',
      request_id: 'audit-login-1',
      ip: '203.0.113.9',
      details: { method: 'PASSWORD', sessionId: response.data!.login.session.sessionId, secondFactor: null },
      event_id: null,
    });
  });

  it('records a failed sign-in with the reason and the account concerned, never the e-mail nor the password', async () => {
    const person = await signUp(subgraph.url);
    const userId = userIdOf(person);
    const wrongPassword = `wrong-${randomUUID()}`;
    await call(
      LOGIN,
      { input: { email: person.email, password: wrongPassword } },
      { 'x-request-id': 'audit-login-2' },
    );
    const [entry] = await entriesAbout(userId, 'auth.login_failed');
    expect(entry).toMatchObject({
      actor_kind: 'ANONYMOUS',
      actor_id: null,
      target_type: 'User',
      target_id: userId,
      request_id: 'audit-login-2',
      details: { method: 'PASSWORD', reason: 'INVALID_CREDENTIALS' },
    });

    const unknownEmail = uniqueEmail('nobody');
    await call(
      LOGIN,
      { input: { email: unknownEmail, password: wrongPassword } },
      { 'x-request-id': 'audit-login-3' },
    );
    const [unknown] = await rows<AuditRow>(`select * from audit_log where request_id = 'audit-login-3'`);
    expect(unknown).toMatchObject({ action: 'auth.login_failed', target_type: null, target_id: null });

    const everything = JSON.stringify(await rows('select * from audit_log'));
    for (const secret of [wrongPassword, GOOD_PASSWORD, person.email, unknownEmail]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('records a refused disabled account, and logouts', async () => {
    const person = await signUp(subgraph.url);
    const userId = userIdOf(person);
    await call(`mutation { logout { ended } }`, {}, bearer(person.accessToken));
    const again = await logIn(subgraph.url, person.email, GOOD_PASSWORD);
    await call(`mutation { logoutEverywhere { endedSessionCount } }`, {}, bearer(again.accessToken));
    await call(
      `mutation ($input: DisableUserInput!) { disableUser(input: $input) { errors { code } } }`,
      { input: { userId } },
      bearer(adminToken),
    );
    await call(LOGIN, { input: { email: person.email, password: GOOD_PASSWORD } });
    const actions = (await entriesAbout(userId)).map((entry) => [
      entry.action,
      entry.details['reason'] ?? null,
    ]);
    expect(actions).toEqual([
      ['auth.logout', null],
      ['auth.login', null],
      ['auth.logout_everywhere', null],
      ['user.disabled', null],
      ['auth.login_failed', 'ACCOUNT_DISABLED'],
    ]);
    expect((await entriesAbout(userId, 'auth.logout'))[0]!.details).toEqual({ sessionId: person.sessionId });
    expect((await entriesAbout(userId, 'auth.logout_everywhere'))[0]!.details).toEqual({
      endedSessionCount: 1,
    });
  });
});

describe('passwords and two-factor', () => {
  it('records a password change and a reset by link', async () => {
    const person = await signUp(subgraph.url);
    const userId = userIdOf(person);
    const newPassword = 'amber-meadow-77-compass';
    await call(
      `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code } } }`,
      { input: { currentPassword: GOOD_PASSWORD, newPassword } },
      bearer(person.accessToken),
    );
    await call(
      `mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { errors { code } } }`,
      {
        input: { email: person.email },
      },
    );
    const token = await tokenFromMailbox(subgraph.url, person.email, 'PASSWORD_RESET');
    await call(
      `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { errors { code } } }`,
      {
        input: { token, newPassword: GOOD_PASSWORD },
      },
    );
    const entries = (await entriesAbout(userId)).filter((entry) => entry.action.startsWith('auth.password'));
    expect(entries.map((entry) => [entry.action, entry.actor_kind, entry.actor_id])).toEqual([
      ['auth.password_changed', 'USER', userId],
      ['auth.password_reset', 'USER', userId],
    ]);
    expect(JSON.stringify(entries)).not.toContain(newPassword);
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it('records turning two-factor on and off, and a sign-in that needed the second factor', async () => {
    const person = await signUp(subgraph.url);
    const userId = userIdOf(person);
    const enrolled = await call<{ enrollTotp: { secret: string } }>(
      'mutation { enrollTotp { secret } }',
      {},
      bearer(person.accessToken),
    );
    const secret = enrolled.data!.enrollTotp.secret;
    const confirmedAt = new Date();
    const confirmed = await call<{ confirmTotp: { recoveryCodes: string[] } }>(
      'mutation ($input: ConfirmTotpInput!) { confirmTotp(input: $input) { recoveryCodes } }',
      { input: { code: totpCode(secret, confirmedAt) } },
      bearer(person.accessToken),
    );
    await call(LOGIN, { input: { email: person.email, password: GOOD_PASSWORD } });
    await call(LOGIN, {
      input: {
        email: person.email,
        password: GOOD_PASSWORD,
        recoveryCode: confirmed.data!.confirmTotp.recoveryCodes[0],
      },
    });
    await call(
      'mutation ($input: DisableTotpInput!) { disableTotp(input: $input) { errors { code } } }',
      { input: { password: GOOD_PASSWORD, code: confirmed.data!.confirmTotp.recoveryCodes[1] } },
      bearer(person.accessToken),
    );
    const entries = (await entriesAbout(userId)).map((entry) => [entry.action, entry.details]);
    expect(entries).toEqual([
      ['auth.two_factor_enabled', {}],
      ['auth.login_failed', { method: 'PASSWORD', reason: 'TWO_FACTOR_REQUIRED' }],
      ['auth.login', expect.objectContaining({ secondFactor: 'RECOVERY_CODE' })],
      ['auth.two_factor_disabled', { proof: 'RECOVERY_CODE' }],
    ]);
  });
});

describe('administration', () => {
  const administer = (mutation: string, input: Record<string, unknown>) =>
    call(
      `mutation ($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { errors { code } } }`,
      { input },
      bearer(adminToken),
    );

  it('records roles granted and revoked and accounts disabled and enabled, with the administrator as actor', async () => {
    const person = await signUp(subgraph.url);
    const userId = userIdOf(person);
    await administer('grantRole', { userId, role: 'MODERATOR' });
    await administer('grantRole', { userId, role: 'MODERATOR' });
    await administer('revokeRole', { userId, role: 'MODERATOR' });
    await administer('revokeRole', { userId, role: 'MODERATOR' });
    await administer('disableUser', { userId });
    await administer('disableUser', { userId });
    await administer('enableUser', { userId });
    const entries = await entriesAbout(userId);
    expect(entries.map((entry) => [entry.action, entry.actor_kind, entry.actor_id, entry.details])).toEqual([
      ['user.role_granted', 'USER', admin.id, { role: 'MODERATOR' }],
      ['user.role_revoked', 'USER', admin.id, { role: 'MODERATOR', endedSessionCount: 1 }],
      ['user.disabled', 'USER', admin.id, { endedSessionCount: 0 }],
      ['user.enabled', 'USER', admin.id, {}],
    ]);
  });

  it('records a rotation of the signing key by an administrator, and the first key as the platform’s', async () => {
    const rotated = await call<{
      rotateSigningKey: { signingKey: { kid: string }; retiredSigningKey: { kid: string } };
    }>(
      'mutation { rotateSigningKey { signingKey { kid } retiredSigningKey { kid } } }',
      {},
      bearer(adminToken),
    );
    const { signingKey, retiredSigningKey } = rotated.data!.rotateSigningKey;
    expect(await entriesAbout(signingKey.kid, 'signing_key.rotated')).toEqual([
      expect.objectContaining({
        actor_kind: 'USER',
        actor_id: admin.id,
        details: { retiredKid: retiredSigningKey.kid },
      }),
    ]);
    expect(await entriesAbout(retiredSigningKey.kid, 'signing_key.rotated')).toEqual([
      expect.objectContaining({ actor_kind: 'SYSTEM', actor_id: null, ip: null, request_id: null }),
    ]);
  });
});

describe('organizations and partner keys', () => {
  async function recruiterWithOrganization() {
    const owner = await signUp(subgraph.url, { role: 'RECRUITER' });
    const created = await call<{ createOrganization: { organization: { id: string } } }>(
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
      { input: { name: `Audit ${randomUUID().slice(0, 8)}`, kind: 'COMPANY' } },
      bearer(owner.accessToken),
    );
    return { owner, organizationId: created.data!.createOrganization.organization.id };
  }

  async function member(organizationId: string) {
    const tokens = await signUp(subgraph.url, { role: 'RECRUITER' });
    const em = subgraph.orm.em.fork();
    em.create(MembershipSchema, { user: userIdOf(tokens), organization: organizationId, role: 'RECRUITER' });
    await em.flush();
    return tokens;
  }

  it('records member role changes, removals and departures about the organization', async () => {
    const { owner, organizationId } = await recruiterWithOrganization();
    const [promoted, removed, leaving] = [
      await member(organizationId),
      await member(organizationId),
      await member(organizationId),
    ];
    const asOwner = bearer(owner.accessToken);
    await call(
      'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { errors { code } } }',
      { input: { organizationId, userId: userIdOf(promoted), role: 'ADMIN' } },
      asOwner,
    );
    await call(
      'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { errors { code } } }',
      { input: { organizationId, userId: userIdOf(removed) } },
      asOwner,
    );
    await call(
      'mutation ($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { errors { code } } }',
      { input: { organizationId } },
      bearer(leaving.accessToken),
    );
    const entries = await entriesAbout(organizationId);
    expect(entries.map((entry) => [entry.action, entry.actor_id, entry.target_type, entry.details])).toEqual([
      [
        'organization.member_role_changed',
        userIdOf(owner),
        'Organization',
        { userId: userIdOf(promoted), previousRole: 'RECRUITER', role: 'ADMIN' },
      ],
      [
        'organization.member_removed',
        userIdOf(owner),
        'Organization',
        { userId: userIdOf(removed), role: 'RECRUITER' },
      ],
      [
        'organization.member_left',
        userIdOf(leaving),
        'Organization',
        { userId: userIdOf(leaving), role: 'RECRUITER' },
      ],
    ]);
  });

  it('records partner keys created and revoked, never with their secret', async () => {
    const { owner, organizationId } = await recruiterWithOrganization();
    const created = await call<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }',
      { input: { organizationId, name: 'Job board' } },
      bearer(owner.accessToken),
    );
    const { apiKey, secret } = created.data!.createApiKey;
    await call(
      'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { errors { code } } }',
      { input: { apiKeyId: apiKey.id } },
      bearer(owner.accessToken),
    );
    const entries = await entriesAbout(apiKey.id);
    expect(entries.map((entry) => [entry.action, entry.actor_id, entry.target_type, entry.details])).toEqual([
      ['api_key.created', userIdOf(owner), 'ApiKey', { organizationId }],
      ['api_key.revoked', userIdOf(owner), 'ApiKey', { organizationId }],
    ]);
    expect(JSON.stringify(entries)).not.toContain(secret);
  });
});

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const before = await rows<{ count: string }>('select count(*) from audit_log');
    for (const sql of [
      `update audit_log set action = 'auth.nothing_happened'`,
      'delete from audit_log',
      'truncate audit_log',
    ]) {
      await expect(rows(sql), sql).rejects.toThrow(/audit_log is append-only/);
    }
    expect(await rows<{ count: string }>('select count(*) from audit_log')).toEqual(before);
  });

  it('writes an entry in the caller’s transaction: it disappears with a change that rolls back', async () => {
    const targetId = randomUUID();
    await expect(
      subgraph.orm.em.fork().transactional(async (tx) => {
        await recordAudit(tx, {
          occurredAt: new Date(),
          actor: { kind: 'USER', id: admin.id },
          action: 'user.role_granted',
          target: { type: 'User', id: targetId },
          details: { role: 'MENTOR' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await entriesAbout(targetId)).toEqual([]);
  });

  it('keeps the entries of an erased account: they hold its id only, with no foreign key', async () => {
    const person = await signUp(subgraph.url);
    const userId = userIdOf(person);
    await call(`mutation { logoutEverywhere { endedSessionCount } }`, {}, bearer(person.accessToken));
    await rows('delete from users where id = $1', [userId]);
    expect((await entriesAbout(userId)).map((entry) => entry.action)).toEqual(['auth.logout_everywhere']);
  });
});

function event(overrides: Partial<AuditableEvent> = {}): AuditableEvent {
  return {
    id: randomUUID(),
    type: 'community.PostRemoved',
    occurredAt: '2026-11-23T09:00:00.000Z',
    actor: { kind: 'USER', id: randomUUID() },
    aggregate: { type: 'Post', id: randomUUID() },
    correlationId: 'request-77',
    ...overrides,
  };
}

describe('recordAuditFromEvent', () => {
  const record = (
    ...args: Parameters<typeof recordAuditFromEvent> extends [unknown, ...infer Rest] ? Rest : never
  ) => recordAuditFromEvent(subgraph.orm.em.fork(), ...args);

  it('records another subgraph’s event once, however often it is delivered', async () => {
    const removal = event();
    expect(await record(removal, { action: 'moderation.post_removed', details: { reason: 'SPAM' } })).toBe(
      'RECORDED',
    );
    expect(await record(removal, { action: 'moderation.post_removed' })).toBe('ALREADY_RECORDED');
    const racing = event();
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => record(racing)));
    expect(outcomes.sort()).toEqual(['ALREADY_RECORDED', 'ALREADY_RECORDED', 'ALREADY_RECORDED', 'RECORDED']);

    expect(await entriesAbout(removal.aggregate.id)).toEqual([
      expect.objectContaining({
        occurred_at: new Date(removal.occurredAt),
        actor_kind: 'USER',
        actor_id: removal.actor!.id,
        action: 'moderation.post_removed',
        target_type: 'Post',
        subgraph: 'community',
        request_id: 'request-77',
        ip: null,
        details: { eventType: 'community.PostRemoved', reason: 'SPAM' },
        event_id: removal.id,
      }),
    ]);
    expect(await entriesAbout(racing.aggregate.id)).toEqual([
      expect.objectContaining({ action: 'community.post_removed', event_id: racing.id }),
    ]);
  });

  it('names an event without actor ANONYMOUS, and refuses an event that cannot be an entry', async () => {
    const anonymous = event({ actor: null, type: 'profiles.ProfileViewedByRecruiter' });
    await record(anonymous);
    expect((await entriesAbout(anonymous.aggregate.id))[0]).toMatchObject({
      actor_kind: 'ANONYMOUS',
      action: 'profiles.profile_viewed_by_recruiter',
      subgraph: 'profiles',
    });
    const refused: [AuditableEvent, string][] = [
      [event({ id: 'not-a-uuid' }), 'eventId'],
      [event({ type: 'billing.InvoicePaid' }), 'subgraph'],
      [event({ occurredAt: 'yesterday' }), 'occurredAt'],
      [event({ actor: { kind: 'USER', id: null } }), 'actor.id'],
    ];
    for (const [bad, field] of refused) {
      const failure = await record(bad).catch((error: unknown) => error);
      expect(failure, field).toBeInstanceOf(InvalidAuditEntryError);
      expect((failure as InvalidAuditEntryError).field).toBe(field);
      expect(await entriesAbout(bad.aggregate.id)).toEqual([]);
    }
    const withEmail = event();
    await expect(record(withEmail, { details: { contact: 'someone@example.com' } })).rejects.toThrow(
      InvalidAuditEntryError,
    );
    expect(await entriesAbout(withEmail.aggregate.id)).toEqual([]);
  });
});

describe('Query.auditLog', () => {
  const AUDIT_LOG = `query ($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id occurredAt action subgraph requestId ip details actor { kind id } target { type id } } }
    }
  }`;
  type Entry = {
    id: string;
    occurredAt: string;
    action: string;
    subgraph: string;
    requestId: string | null;
    ip: string | null;
    details: Record<string, unknown>;
    actor: { kind: string; id: string | null };
    target: { type: string; id: string } | null;
  };
  type AuditLog = {
    auditLog: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: Entry }[];
    };
  };
  const auditLog = (variables: Record<string, unknown>, token = adminToken) =>
    call<AuditLog>(AUDIT_LOG, variables, bearer(token));

  /** Five events about one post, an hour apart, by two actors, from two subgraphs. */
  async function history() {
    const post = { type: 'Post', id: randomUUID() };
    const [alice, bob] = [randomUUID(), randomUUID()];
    const events = [
      event({ aggregate: post, actor: { kind: 'USER', id: alice }, occurredAt: '2026-11-20T08:00:00.000Z' }),
      event({
        aggregate: post,
        actor: { kind: 'USER', id: bob },
        occurredAt: '2026-11-20T09:00:00.000Z',
        type: 'community.PostEdited',
      }),
      event({ aggregate: post, actor: { kind: 'USER', id: alice }, occurredAt: '2026-11-20T10:00:00.000Z' }),
      event({
        aggregate: post,
        actor: { kind: 'SYSTEM', id: null },
        occurredAt: '2026-11-20T11:00:00.000Z',
        type: 'matching.PostIndexed',
      }),
      event({ aggregate: post, actor: { kind: 'USER', id: bob }, occurredAt: '2026-11-20T12:00:00.000Z' }),
    ];
    for (const one of events) await recordAuditFromEvent(subgraph.orm.em.fork(), one);
    return { post, alice, bob, ids: events.map((one) => one.id) };
  }

  it('lists entries newest first, page by page', async () => {
    const { post } = await history();
    const filter = { targetType: 'Post', targetId: post.id };
    const first = await auditLog({ first: 2, filter });
    expect(first.errors).toBeUndefined();
    expect(first.data!.auditLog.totalCount).toBe(5);
    expect(first.data!.auditLog.edges.map((edge) => edge.node.occurredAt)).toEqual([
      '2026-11-20T12:00:00.000Z',
      '2026-11-20T11:00:00.000Z',
    ]);
    expect(first.data!.auditLog.edges[1]!.node).toMatchObject({
      action: 'matching.post_indexed',
      subgraph: 'matching',
      requestId: 'request-77',
      ip: null,
      details: { eventType: 'matching.PostIndexed' },
      actor: { kind: 'SYSTEM', id: null },
      target: post,
    });
    const rest = await auditLog({ first: 5, after: first.data!.auditLog.pageInfo.endCursor, filter });
    expect(rest.data!.auditLog.edges.map((edge) => edge.node.occurredAt)).toEqual([
      '2026-11-20T10:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
      '2026-11-20T08:00:00.000Z',
    ]);
    expect(rest.data!.auditLog.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by actor, action, subgraph and time, every field given having to match', async () => {
    const { post, alice, bob } = await history();
    const about = { targetType: 'Post', targetId: post.id };
    const times = async (filter: Record<string, unknown>) =>
      (await auditLog({ filter: { ...about, ...filter } })).data!.auditLog.edges.map((edge) =>
        edge.node.occurredAt.slice(11, 13),
      );
    expect(await times({ actorId: alice })).toEqual(['10', '08']);
    expect(await times({ actorId: bob, action: 'community.post_removed' })).toEqual(['12']);
    expect(await times({ subgraph: 'matching' })).toEqual(['11']);
    expect(await times({ from: '2026-11-20T09:00:00.000Z', to: '2026-11-20T11:00:00.000Z' })).toEqual([
      '10',
      '09',
    ]);
    const byAction = await auditLog({ first: 100, filter: { action: 'community.post_edited' } });
    expect(byAction.data!.auditLog.edges.every((edge) => edge.node.action === 'community.post_edited')).toBe(
      true,
    );
    const mine = await auditLog({ filter: { actorId: admin.id, action: 'signing_key.rotated' } });
    expect(mine.errors).toBeUndefined();
  });

  it('refuses a malformed filter, page size or cursor with BAD_USER_INPUT', async () => {
    const refusals: [Record<string, unknown>, string | undefined][] = [
      [{ filter: { action: 'Login' } }, 'filter.action'],
      [{ filter: { targetId: randomUUID() } }, 'filter.targetId'],
      [{ filter: { targetType: 'post', targetId: randomUUID() } }, 'filter.targetType'],
      [{ filter: { subgraph: 'billing' } }, 'filter.subgraph'],
      [{ filter: { from: '2026-11-21T00:00:00Z', to: '2026-11-20T00:00:00Z' } }, 'filter.to'],
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ];
    for (const [variables, argumentName] of refusals) {
      const response = await auditLog(variables);
      expect(errorCode(response), JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.extensions!['argumentName']).toBe(argumentName);
    }
  });

  it('is for platform administrators only', async () => {
    const person = await signUp(subgraph.url);
    const moderator = users.find(
      (user) => user.roles.includes('MODERATOR') && !user.roles.includes('ADMIN'),
    )!;
    const moderatorToken = (await logIn(subgraph.url, moderator.email, DEMO_PASSWORD)).accessToken;
    for (const token of [person.accessToken, moderatorToken]) {
      const response = await auditLog({ first: 1 }, token);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
    expect(errorCode(await call(AUDIT_LOG, { first: 1 }))).toBe('UNAUTHENTICATED');
  });

  it('loads the accounts of a page of actors in a fixed number of queries (no N+1)', async () => {
    const em = subgraph.orm.em.fork();
    const actors = Array.from({ length: 20 }, () =>
      em.create(UserSchema, {
        email: uniqueEmail('actor'),
        displayName: 'Actor',
        roles: ['CANDIDATE'],
        locale: 'EN',
      }),
    );
    await em.flush();
    const target = { type: 'Offer', id: randomUUID() };
    for (const [index, actor] of actors.entries()) {
      await recordAuditFromEvent(
        subgraph.orm.em.fork(),
        event({
          type: 'offers.OfferViewed',
          aggregate: target,
          actor: { kind: 'USER', id: actor.id },
          occurredAt: new Date(Date.UTC(2026, 10, 20, 8, index)).toISOString(),
        }),
      );
    }
    const count = async (first: number) => {
      statements.length = 0;
      const response = await call(
        `query ($first: Int, $filter: AuditLogFilter) {
          auditLog(first: $first, filter: $filter) { edges { node { actor { kind user { id displayName } } } } }
        }`,
        { first, filter: { targetType: target.type, targetId: target.id } },
        bearer(adminToken),
      );
      expect(response.errors).toBeUndefined();
      return statements.filter((sql) => /\b(select|insert|update|delete)\b/i.test(sql)).length;
    };
    const forTwo = await count(2);
    expect(forTwo).toBeGreaterThan(0);
    expect(await count(20)).toBe(forTwo);
  });
});
