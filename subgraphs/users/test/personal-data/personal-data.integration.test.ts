import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, totpCode, type Viewer } from '@talentgraph/auth';
import { createEvent } from '@talentgraph/events';
import { ACCOUNT_DELETED, ORGANIZATION_DELETED } from '@talentgraph/platform';
import {
  accountDeletedEvent,
  createTestDatabase,
  deliverEvent,
  queryDatabase,
  rows,
  rowsMentioning,
  startForTests,
} from '@talentgraph/testing';
import { SocialIdentitySchema } from '../../src/entities/SocialIdentity.ts';
import { NOTIFICATIONS_GROUP } from '../../src/notifications/event-handlers.ts';
import { usersSubgraph } from '../../src/subgraph.ts';
import {
  addMember,
  errorCode,
  gql,
  organizationOf,
  signUp,
  startOrganizationsWorld,
  type Person,
  type UserErrorOf,
} from '../support/organizations.ts';

/**
 * The users subgraph's side of GDPR: `exportMyData` and its users section, `deleteMyAccount` with its
 * proofs and refusals, and the `users-erasure` consumer that purges the outbox afterwards. The event log
 * is this file's own, so that the events recorded can be read back.
 */
const world = startForTests(async () => {
  const eventLog = await createTestDatabase('users_personal_data_events');
  const started = await startOrganizationsWorld({ eventsDatabaseUrl: eventLog.url });
  return {
    ...started,
    eventLog,
    async close() {
      await started.close();
      await eventLog.drop();
    },
  };
});

const PASSWORD = 'violet-harbour-42-lantern';

/** A person with a password (the organizations world signs people up without one). */
async function withPassword(person: Person): Promise<Person> {
  await rows(world, 'update users set password_hash = $2 where id = $1', [
    person.id,
    await hashPassword(PASSWORD),
  ]);
  return person;
}

const EXPORT = `mutation { exportMyData { export { id subjectId formatVersion generatedAt users } errors { code } } }`;
const DELETE = `mutation ($input: DeleteMyAccountInput!) {
  deleteMyAccount(input: $input) { deletedUserId errors { code message field } }
}`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on PersonalDataExport { id subjectId generatedAt users } }
}`;

interface ExportShape {
  id: string;
  subjectId: string;
  formatVersion: number;
  generatedAt: string;
  users: Record<string, unknown>;
}
type Exported = { exportMyData: { export: ExportShape | null; errors: unknown[] } };
type Deleted = { deleteMyAccount: { deletedUserId: string | null; errors: UserErrorOf[] } };

const exportOf = (person: Person) => gql<Exported>(world, EXPORT, {}, person.headers);
const deleteAccount = (headers: Record<string, string>, input: Record<string, unknown>) =>
  gql<Deleted>(world, DELETE, { input }, headers);

async function partnerHeaders(): Promise<{ authorization: string }> {
  const partner: Viewer = {
    kind: 'PARTNER',
    apiKeyId: randomUUID(),
    organizationId: randomUUID(),
    roles: ['PARTNER'],
  };
  return world.issuer.headersFor(partner);
}

/** What a refused request must leave exactly as it was. */
async function stateOf(person: Person): Promise<Record<string, unknown>> {
  const of = (sql: string) => rows(world, sql, [person.id]);
  return {
    users: await of('select * from users where id = $1'),
    sessions: await of('select * from sessions where user_id = $1 order by id'),
    refreshTokens: await of(
      'select t.* from refresh_tokens t join sessions s on s.id = t.session_id where s.user_id = $1 order by t.id',
    ),
    memberships: await of('select * from memberships where user_id = $1 order by id'),
    organizations: await of(
      'select o.* from organizations o join memberships m on m.organization_id = o.id where m.user_id = $1 order by o.id',
    ),
    notifications: await of(
      'select * from notifications where recipient_id = $1 or actor_id = $1 order by id',
    ),
    recoveryCodes: await of('select * from recovery_codes where user_id = $1 order by id'),
    socialIdentities: await of('select * from social_identities where user_id = $1 order by id'),
    invitations: await rows(world, 'select * from organization_invitations where email = $1 order by id', [
      person.email,
    ]),
    emails: await rows(world, 'select count(*)::int as count from email_outbox'),
    events: await rows(world, 'select count(*)::int as count from event_outbox'),
    audit: await rows(world, `select count(*)::int as count from audit_log where action like 'gdpr.%'`),
  };
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited 10 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether `group` handled the `users.AccountDeleted` event of `userId` that reached the event log. */
async function handledDeletion(group: string, userId: string): Promise<boolean> {
  const [logged] = await queryDatabase<{ id: string }>(
    world.eventLog.url,
    `select envelope->>'id' as id from event_bus.event_log
     where envelope->>'type' = $1 and envelope->'payload'->>'userId' = $2`,
    [ACCOUNT_DELETED, userId],
  );
  if (!logged) return false;
  return (
    (
      await rows(world, 'select 1 from handled_events where consumer_group = $1 and event_id = $2', [
        group,
        logged.id,
      ])
    ).length > 0
  );
}

describe('exportMyData', () => {
  it('returns the person’s users section, audited, with nothing secret in it', async () => {
    const person = await withPassword(await signUp(world, { displayName: 'Export Person', locale: 'FR' }));
    const organization = await organizationOf(world, person);
    await gql(
      world,
      `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { errors { code } } }`,
      { input: { preferences: [{ type: 'MATCH_FOUND', inApp: false, email: true }] } },
      person.headers,
    );

    const response = await exportOf(person);

    const exported = response.data!.exportMyData.export!;
    expect(response.data!.exportMyData.errors).toEqual([]);
    expect(exported).toMatchObject({ subjectId: person.id, formatVersion: 1 });
    const section = exported.users;
    expect(section['account']).toMatchObject({
      id: person.id,
      email: person.email,
      displayName: 'Export Person',
      roles: ['RECRUITER'],
      locale: 'FR',
      signsInWithPassword: true,
      twoFactorEnabledAt: null,
    });
    expect(section['sessions']).toEqual([
      expect.objectContaining({ openedAt: expect.any(String), endedAt: null, endReason: null }),
    ]);
    expect(section['organizationMemberships']).toEqual([
      expect.objectContaining({
        organizationId: organization.id,
        organizationName: organization.name,
        role: 'OWNER',
      }),
    ]);
    expect(section['notificationPreferences']).toContainEqual({
      type: 'MATCH_FOUND',
      inApp: false,
      email: true,
    });
    const [entry] = await rows<{ actor_id: string; target_id: string; details: unknown }>(
      world,
      `select actor_id, target_id, details from audit_log where action = 'gdpr.data_exported'`,
    );
    expect(entry).toEqual({ actor_id: person.id, target_id: person.id, details: { exportId: exported.id } });
    expect(section['auditTrail']).toContainEqual(
      expect.objectContaining({ action: 'gdpr.data_exported', details: { exportId: exported.id } }),
    );
    const [secrets] = await rows<{ password_hash: string }>(
      world,
      'select password_hash from users where id = $1',
      [person.id],
    );
    const document = JSON.stringify(section);
    expect(document).not.toContain(secrets!.password_hash);
    expect(document).not.toMatch(/password_?hash|token_?hash|secret|sealed/i);
  });

  it('is the person’s own: anonymous is UNAUTHENTICATED, a partner key FORBIDDEN, and neither is audited', async () => {
    const before = await rows(
      world,
      `select count(*)::int as count from audit_log where action = 'gdpr.data_exported'`,
    );
    const anonymous = await gql(world, EXPORT);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const partner = await gql(world, EXPORT, {}, await partnerHeaders());
    expect(errorCode(partner)).toBe('FORBIDDEN');
    expect(partner.data ?? null).toBeNull();
    expect(
      await rows(world, `select count(*)::int as count from audit_log where action = 'gdpr.data_exported'`),
    ).toEqual(before);
  });

  it('refuses the section of someone else asked for through _entities (FORBIDDEN), and gives one’s own', async () => {
    const [victim, curious] = [await signUp(world), await signUp(world)];
    const stolen = await gql<{ _entities: unknown[] }>(
      world,
      ENTITIES,
      { representations: [{ __typename: 'PersonalDataExport', id: randomUUID(), subjectId: victim.id }] },
      curious.headers,
    );
    expect(errorCode(stolen)).toBe('FORBIDDEN');
    expect(JSON.stringify(stolen)).not.toContain(victim.email);
    const anonymous = await gql(world, ENTITIES, {
      representations: [{ __typename: 'PersonalDataExport', id: randomUUID(), subjectId: victim.id }],
    });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');

    const own = await gql<{ _entities: ExportShape[] }>(
      world,
      ENTITIES,
      { representations: [{ __typename: 'PersonalDataExport', id: randomUUID(), subjectId: curious.id }] },
      curious.headers,
    );
    expect(own.data!._entities[0]!.users['account']).toMatchObject({ email: curious.email });
  });

  it('is limited per account: 3 in a row, then RATE_LIMITED with the wait, not audited', async () => {
    const person = await signUp(world);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await exportOf(person)).data!.exportMyData.errors).toEqual([]);
    }
    const limited = await exportOf(person);
    expect(limited.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(
      await rows(
        world,
        `select count(*)::int as count from audit_log where action = 'gdpr.data_exported' and actor_id = $1`,
        [person.id],
      ),
    ).toEqual([{ count: 3 }]);
    // Another account has its own allowance.
    expect((await exportOf(await signUp(world))).data!.exportMyData.errors).toEqual([]);
  });
});

describe('deleteMyAccount: proofs and refusals, each leaving everything as it was', () => {
  it('asks for the password of an account that has one, and refuses a wrong one', async () => {
    const person = await withPassword(await signUp(world));
    const before = await stateOf(person);

    const missing = await deleteAccount(person.headers, {});
    expect(missing.data!.deleteMyAccount).toEqual({
      deletedUserId: null,
      errors: [expect.objectContaining({ code: 'PASSWORD_REQUIRED', field: ['input', 'password'] })],
    });
    const wrong = await deleteAccount(person.headers, { password: 'not-the-password-at-all' });
    expect(wrong.data!.deleteMyAccount).toEqual({
      deletedUserId: null,
      errors: [expect.objectContaining({ code: 'INVALID_CURRENT_PASSWORD', field: ['input', 'password'] })],
    });
    expect(await stateOf(person)).toEqual(before);
  });

  it('asks an account with two-factor for a code, refuses a wrong one, and accepts a recovery code', async () => {
    const person = await withPassword(await signUp(world));
    const enrolled = await gql<{ enrollTotp: { secret: string } }>(
      world,
      'mutation { enrollTotp { secret } }',
      {},
      person.headers,
    );
    const confirmed = await gql<{ confirmTotp: { recoveryCodes: string[] } }>(
      world,
      'mutation ($input: ConfirmTotpInput!) { confirmTotp(input: $input) { recoveryCodes } }',
      { input: { code: totpCode(enrolled.data!.enrollTotp.secret, new Date()) } },
      person.headers,
    );
    const before = await stateOf(person);

    const missing = await deleteAccount(person.headers, { password: PASSWORD });
    expect(missing.data!.deleteMyAccount.errors).toEqual([
      expect.objectContaining({ code: 'TWO_FACTOR_REQUIRED', field: ['input', 'twoFactorCode'] }),
    ]);
    const wrong = await deleteAccount(person.headers, {
      password: PASSWORD,
      twoFactorCode: 'AAAA-BBBB-CCCC',
    });
    expect(wrong.data!.deleteMyAccount.errors).toEqual([
      expect.objectContaining({ code: 'INVALID_TWO_FACTOR_CODE', field: ['input', 'twoFactorCode'] }),
    ]);
    expect(await stateOf(person)).toEqual(before);

    const deleted = await deleteAccount(person.headers, {
      password: PASSWORD,
      twoFactorCode: confirmed.data!.confirmTotp.recoveryCodes[0],
    });
    expect(deleted.data!.deleteMyAccount).toEqual({ deletedUserId: person.id, errors: [] });
    expect(await rows(world, 'select * from recovery_codes where user_id = $1', [person.id])).toEqual([]);
  });

  it('asks an account without password for a sign-in with its provider within the last 10 minutes', async () => {
    const person = await signUp(world);
    const [session] = await rows<{ id: string }>(world, 'select id from sessions where user_id = $1', [
      person.id,
    ]);
    await rows(world, `update sessions set created_at = now() - interval '11 minutes' where id = $1`, [
      session!.id,
    ]);
    const before = await stateOf(person);

    const stale = await deleteAccount(person.headers, { password: 'anything at all' });
    expect(stale.data!.deleteMyAccount.errors).toEqual([
      expect.objectContaining({ code: 'RECENT_SIGN_IN_REQUIRED', field: null }),
    ]);
    expect(await stateOf(person)).toEqual(before);

    await rows(world, `update sessions set created_at = now() - interval '2 minutes' where id = $1`, [
      session!.id,
    ]);
    const fresh = await deleteAccount(person.headers, {});
    expect(fresh.data!.deleteMyAccount).toEqual({ deletedUserId: person.id, errors: [] });
  });

  it('refuses the only OWNER of an organization with other members, naming each, without using up the code', async () => {
    const person = await withPassword(await signUp(world));
    const [member, coOwner] = [await signUp(world), await signUp(world)];
    const acme = await organizationOf(world, person, [[member, 'ADMIN']], `Acme ${randomUUID().slice(0, 6)}`);
    const coop = await organizationOf(
      world,
      person,
      [[member, 'RECRUITER']],
      `Coop ${randomUUID().slice(0, 6)}`,
    );
    const shared = await organizationOf(world, person, [[coOwner, 'OWNER']]);
    const enrolled = await gql<{ enrollTotp: { secret: string } }>(
      world,
      'mutation { enrollTotp { secret } }',
      {},
      person.headers,
    );
    const confirmed = await gql<{ confirmTotp: { recoveryCodes: string[] } }>(
      world,
      'mutation ($input: ConfirmTotpInput!) { confirmTotp(input: $input) { recoveryCodes } }',
      { input: { code: totpCode(enrolled.data!.enrollTotp.secret, new Date()) } },
      person.headers,
    );
    const before = await stateOf(person);

    const refused = await deleteAccount(person.headers, {
      password: PASSWORD,
      twoFactorCode: confirmed.data!.confirmTotp.recoveryCodes[0],
    });

    expect(refused.data!.deleteMyAccount.deletedUserId).toBeNull();
    expect(refused.data!.deleteMyAccount.errors.map(({ code, message }) => ({ code, message }))).toEqual(
      [acme, coop]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((organization) => ({
          code: 'SOLE_OWNER_OF_ORGANIZATION',
          message: expect.stringContaining(organization.name),
        })),
    );
    expect(refused.data!.deleteMyAccount.errors.map(({ message }) => message).join()).not.toContain(
      shared.name,
    );
    expect(await stateOf(person)).toEqual(before);
    const unused = await rows(world, 'select 1 from recovery_codes where user_id = $1 and used_at is null', [
      person.id,
    ]);
    expect(unused).toHaveLength(10);
  });

  it('is the person’s own: anonymous is UNAUTHENTICATED, a partner key FORBIDDEN', async () => {
    expect(errorCode(await gql(world, DELETE, { input: { password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    const partner = await deleteAccount(await partnerHeaders(), { password: PASSWORD });
    expect(errorCode(partner)).toBe('FORBIDDEN');
    expect(partner.data ?? null).toBeNull();
  });
});

describe('deleteMyAccount: the erasure', () => {
  const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { errors { code } } }`;

  function commentAdded(authorId: string, postAuthorId: string, excerpt: string) {
    const commentId = randomUUID();
    return createEvent({
      type: 'community.CommentAdded',
      version: 1,
      aggregate: { type: 'Comment', id: commentId },
      payload: {
        commentId,
        postId: randomUUID(),
        communityId: randomUUID(),
        parentCommentId: null,
        authorId,
        postAuthorId,
        postTitle: 'Remote work in Lyon',
        excerpt,
      },
      actor: { kind: 'USER', id: authorId },
    });
  }

  it('erases everything of the account in one transaction, rewrites what others received about it, and announces it', async () => {
    const marker = `m${randomBytes(4).toString('hex')}`;
    const displayName = `Erin ${marker}`;
    const person = await withPassword(await signUp(world, { displayName }));
    const [bob, carol] = [
      await signUp(world, { displayName: 'Bob Owner' }),
      await signUp(world, { displayName: 'Carol Candidate', roles: ['CANDIDATE'] }),
    ];
    const shared = await organizationOf(world, bob, [[person, 'ADMIN']]);
    const solo = await organizationOf(world, person, [], `Solo ${marker}`);
    const elsewhere = await organizationOf(world, bob);
    // What the person did that reached others: an invitation (e-mail and notification to Carol), a comment.
    const invited = await gql<{ inviteMember: { errors: unknown[] } }>(
      world,
      INVITE,
      { input: { organizationId: shared.id, email: carol.email, role: 'RECRUITER' } },
      person.headers,
    );
    expect(invited.data!.inviteMember.errors).toEqual([]);
    await deliverEvent(
      world.subgraph,
      usersSubgraph,
      NOTIFICATIONS_GROUP,
      commentAdded(person.id, carol.id, `Count me in ${marker}`),
    );
    // What others did about the person: an invitation to their address, a comment under their post.
    await gql(
      world,
      INVITE,
      { input: { organizationId: elsewhere.id, email: person.email, role: 'RECRUITER' } },
      bob.headers,
    );
    await deliverEvent(
      world.subgraph,
      usersSubgraph,
      NOTIFICATIONS_GROUP,
      commentAdded(bob.id, person.id, 'Nice'),
    );
    const key = await gql<{ createApiKey: { apiKey: { id: string } | null } }>(
      world,
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }',
      { input: { organizationId: shared.id, name: 'Job board sync' } },
      person.headers,
    );
    const em = world.subgraph.orm.em.fork();
    em.create(SocialIdentitySchema, {
      provider: 'google',
      subject: `google-${marker}`,
      user: person.id,
      email: person.email,
      lastSignInAt: new Date(),
    });
    await em.flush();
    await addMember(world, elsewhere.id, carol, 'RECRUITER');
    expect((await rowsMentioning(world.subgraph.database.url, [marker])).length).toBeGreaterThan(3);

    const deleted = await deleteAccount(person.headers, { password: PASSWORD });

    expect(deleted.data!.deleteMyAccount).toEqual({ deletedUserId: person.id, errors: [] });
    // The other subgraphs are told: the account, and the organization that had no one else.
    await until(() => handledDeletion('users-erasure', person.id), 'the erasure of the outbox');
    const announced = await queryDatabase<{ envelope: { type: string; payload: unknown } }>(
      world.eventLog.url,
      `select envelope from event_bus.event_log
       where envelope->>'type' in ($1, $2) and envelope->'actor'->>'id' = $3 order by position`,
      [ORGANIZATION_DELETED, ACCOUNT_DELETED, person.id],
    );
    expect(announced.map(({ envelope }) => [envelope.type, envelope.payload])).toEqual([
      [ORGANIZATION_DELETED, { organizationId: solo.id }],
      [ACCOUNT_DELETED, { userId: person.id }],
    ]);
    // Nothing of the person is left in this database but their bare id in the append-only audit log.
    const left = await rowsMentioning(world.subgraph.database.url, [
      person.id,
      person.email,
      displayName,
      marker,
    ]);
    expect(left.filter((mention) => mention.table !== 'audit_log')).toEqual([]);
    expect(left.filter((mention) => mention.needle !== person.id)).toEqual([]);
    const [erasure] = await rows<{ actor_id: string; target_id: string; details: unknown }>(
      world,
      `select actor_id, target_id, details from audit_log where action = 'gdpr.account_deleted' and target_id = $1`,
      [person.id],
    );
    expect(erasure).toEqual({
      actor_id: person.id,
      target_id: person.id,
      details: { deletedOrganizationIds: [solo.id] },
    });
    // What belongs to others stays, without the person.
    expect(
      await rows(world, 'select user_id, role from memberships where organization_id = $1 order by role', [
        shared.id,
      ]),
    ).toEqual([{ user_id: bob.id, role: 'OWNER' }]);
    expect(
      await rows(world, 'select created_by_id from api_keys where id = $1', [
        key.data!.createApiKey.apiKey!.id,
      ]),
    ).toEqual([{ created_by_id: null }]);
    expect(await rows(world, 'select 1 from organizations where id = $1', [solo.id])).toEqual([]);
    expect(
      await rows(world, 'select invited_by_id, revoked_at from organization_invitations where email = $1', [
        carol.email,
      ]),
    ).toEqual([{ invited_by_id: null, revoked_at: null }]);
    const carolSees = await rows<{ type: string; title: string; body: string; actor_id: string | null }>(
      world,
      'select type, title, body, actor_id from notifications where recipient_id = $1 order by type',
      [carol.id],
    );
    expect(carolSees).toEqual([
      {
        type: 'NEW_COMMENT_ON_MY_POST',
        title: 'A former member commented on your post',
        body: 'A former member commented on “Remote work in Lyon”.',
        actor_id: null,
      },
      {
        type: 'ORGANIZATION_INVITATION',
        title: `A former member invites you to join ${shared.name}`,
        body: expect.any(String),
        actor_id: null,
      },
    ]);
    // Signed out everywhere at once: the account is gone.
    expect(errorCode(await gql(world, '{ me { id } }', {}, person.headers))).toBe('UNAUTHENTICATED');
    const login = await gql<{ login: { errors: { code: string }[] } }>(
      world,
      'mutation ($input: LoginInput!) { login(input: $input) { errors { code } } }',
      { input: { email: person.email, password: PASSWORD } },
    );
    expect(login.data!.login.errors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
  });
});

describe('a notification about someone already erased', () => {
  it('is written without them, as the erasure rewrote the others (an event handled late)', async () => {
    const recipient = await signUp(world, { roles: ['CANDIDATE'] });
    const erasedId = randomUUID();
    const event = createEvent({
      type: 'community.CommentAdded',
      version: 1,
      aggregate: { type: 'Comment', id: randomUUID() },
      payload: {
        commentId: randomUUID(),
        postId: randomUUID(),
        communityId: randomUUID(),
        parentCommentId: null,
        authorId: erasedId,
        postAuthorId: recipient.id,
        postTitle: 'Remote work in Lyon',
        excerpt: 'Words of someone gone',
      },
      actor: { kind: 'USER', id: erasedId },
    });

    await deliverEvent(world.subgraph, usersSubgraph, NOTIFICATIONS_GROUP, event);

    expect(
      await rows(world, 'select title, body, actor_id from notifications where recipient_id = $1', [
        recipient.id,
      ]),
    ).toEqual([
      {
        title: 'A former member commented on your post',
        body: 'A former member commented on “Remote work in Lyon”.',
        actor_id: null,
      },
    ]);
  });
});

describe('the users-erasure consumer group', () => {
  async function publishedEventAbout(userId: string, published: boolean): Promise<string> {
    const event = createEvent({
      type: 'users.NotificationCreated',
      version: 1,
      aggregate: { type: 'Notification', id: randomUUID() },
      payload: { notificationId: randomUUID(), recipientId: userId, type: 'SYSTEM' },
    });
    await rows(
      world,
      `insert into event_outbox (event_id, type, envelope, recorded_at, published_at)
       values ($1, $2, $3, now(), ${published ? 'now()' : 'null'})`,
      [event.id, event.type, JSON.stringify(event)],
    );
    return event.id;
  }
  const outboxIds = async () =>
    (await rows<{ event_id: string }>(world, 'select event_id from event_outbox order by sequence')).map(
      (row) => row.event_id,
    );

  it('purges the published events about the person, once: a redelivered event has no second effect', async () => {
    const userId = randomUUID();
    const about = await publishedEventAbout(userId, true);
    const deletion = accountDeletedEvent(userId);

    await deliverEvent(world.subgraph, usersSubgraph, 'users-erasure', deletion);
    expect(await outboxIds()).not.toContain(about);

    const later = await publishedEventAbout(userId, true);
    await deliverEvent(world.subgraph, usersSubgraph, 'users-erasure', deletion);
    expect(await outboxIds()).toContain(later);
  });

  it('fails, to be retried, while an event about the person waits to be published; nothing is marked handled', async () => {
    const userId = randomUUID();
    const published = await publishedEventAbout(userId, true);
    const waiting = await publishedEventAbout(userId, false);
    const deletion = accountDeletedEvent(userId);

    await expect(deliverEvent(world.subgraph, usersSubgraph, 'users-erasure', deletion)).rejects.toThrow(
      'still wait in the outbox',
    );
    expect(await outboxIds()).toEqual(expect.arrayContaining([published, waiting]));
    expect(await rows(world, 'select 1 from handled_events where event_id = $1', [deletion.id])).toEqual([]);

    await rows(world, 'update event_outbox set published_at = now() where event_id = $1', [waiting]);
    await deliverEvent(world.subgraph, usersSubgraph, 'users-erasure', deletion);
    expect(await outboxIds()).not.toEqual(expect.arrayContaining([published]));
    expect(await outboxIds()).not.toContain(waiting);
  });

  it('dead-letters at once an event without a valid user id', async () => {
    const malformed = createEvent({
      type: ACCOUNT_DELETED,
      version: 1,
      aggregate: { type: 'User', id: 'someone' },
      payload: { userId: 'someone' },
    });
    await expect(
      deliverEvent(world.subgraph, usersSubgraph, 'users-erasure', malformed),
    ).rejects.toMatchObject({
      name: 'NonRetryableEventError',
    });
  });
});
