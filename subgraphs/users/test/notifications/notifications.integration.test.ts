import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mailbox, rows, startForTests } from '@talentgraph/testing';
import { notify, type NotificationRequest } from '../../src/notifications/notify.ts';
import { InvalidNotificationError } from '../../src/notifications/templates.ts';
import {
  errorCode,
  gql,
  organizationOf,
  signUp,
  startOrganizationsWorld,
  type Person,
  type UserErrorOf,
} from '../support/organizations.ts';

const world = startForTests(startOrganizationsWorld);

const notificationsOf = (person: Person) =>
  rows<{
    id: string;
    type: string;
    title: string;
    body: string;
    link: string | null;
    data: Record<string, unknown>;
    locale: string;
    in_app: boolean;
    email_message_id: string | null;
    read_at: Date | null;
  }>(world, 'select * from notifications where recipient_id = $1 order by created_at, id', [person.id]);

const notificationEmailsOf = (person: Person) =>
  rows<{ id: string; locale: string; subject: string; template: string }>(
    world,
    `select id, locale, subject, template from email_outbox where recipient = $1 and template = 'NOTIFICATION'`,
    [person.email],
  );

/** A person whose e-mail address is verified (notification e-mails go to verified addresses only). */
async function verifiedPerson(options: Parameters<typeof signUp>[1] = {}): Promise<Person> {
  const person = await signUp(world, options);
  await rows(world, 'update users set email_verified_at = now() where id = $1', [person.id]);
  return person;
}

function send(request: NotificationRequest, now = new Date()) {
  return notify(world.subgraph.orm.em.fork(), request, now);
}

function validated(
  recipient: Person,
  idempotencyKey: string = randomUUID(),
): NotificationRequest<'PROFILE_DECISION'> {
  return {
    recipientId: recipient.id,
    actorId: null,
    type: 'PROFILE_DECISION',
    params: { decision: 'VALIDATED' },
    link: '/profile',
    idempotencyKey,
  };
}

function mention(
  recipient: Person,
  excerpt: string,
  idempotencyKey: string = randomUUID(),
): NotificationRequest<'MENTION'> {
  return {
    recipientId: recipient.id,
    actorId: null,
    type: 'MENTION',
    params: { authorName: 'Omar', place: 'Data Engineers FR', excerpt },
    link: '/communities/data-engineers-fr',
    idempotencyKey,
  };
}

const SET_PREFERENCES = `mutation ($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) {
    preferences { type inApp email emailOffered } errors { code message field }
  }
}`;

type Preference = { type: string; inApp: boolean; email: boolean; emailOffered: boolean };
type SetPreferences = {
  updateNotificationPreferences: { preferences: Preference[] | null; errors: UserErrorOf[] };
};

function setPreferences(person: Person, preferences: { type: string; inApp: boolean; email: boolean }[]) {
  return gql<SetPreferences>(world, SET_PREFERENCES, { input: { preferences } }, person.headers);
}

const LIST = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  me {
    unreadNotificationCount
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id type title body link data read readAt createdAt recipient { id } } }
    }
  }
}`;

type NotificationNode = {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  recipient: { id: string };
};
type List = {
  me: {
    unreadNotificationCount: number;
    notifications: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: NotificationNode }[];
    };
  };
};

function list(person: Person, variables: Record<string, unknown> = {}) {
  return gql<List>(world, LIST, variables, person.headers);
}

const MARK_READ = `mutation ($input: MarkNotificationReadInput!) {
  markNotificationRead(input: $input) {
    notification { id read readAt } unreadNotificationCount errors { code message field }
  }
}`;
type MarkRead = {
  markNotificationRead: {
    notification: { id: string; read: boolean; readAt: string | null } | null;
    unreadNotificationCount: number;
    errors: UserErrorOf[];
  };
};

const MARK_ALL = `mutation ($input: MarkAllNotificationsReadInput) {
  markAllNotificationsRead(input: $input) { markedCount unreadNotificationCount errors { code } }
}`;
type MarkAll = {
  markAllNotificationsRead: { markedCount: number; unreadNotificationCount: number; errors: UserErrorOf[] };
};

/** Notifications a second apart, oldest first, so that their order is certain. */
async function mentionsFor(person: Person, count: number, start = Date.now() - 60 * 60 * 1000) {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const outcome = await send(mention(person, `message ${index}`), new Date(start + index * 1000));
    if (outcome.status !== 'CREATED') throw new Error(`notify answered ${outcome.status}`);
    ids.push(outcome.notificationId);
  }
  return ids;
}

describe('notify', () => {
  it('writes the notification in the recipient’s language and queues its e-mail when both channels are on', async () => {
    const person = await verifiedPerson({ locale: 'FR', displayName: 'Zoé' });
    const outcome = await send(validated(person));
    expect(outcome).toEqual({
      status: 'CREATED',
      notificationId: expect.any(String),
      inApp: true,
      emailQueued: true,
    });

    const [stored] = await notificationsOf(person);
    expect(stored).toMatchObject({
      type: 'PROFILE_DECISION',
      locale: 'FR',
      title: 'Votre profil est validé',
      link: '/profile',
      data: { decision: 'VALIDATED' },
      in_app: true,
      email_message_id: expect.any(String),
      read_at: null,
    });
    const emails = await notificationEmailsOf(person);
    expect(emails).toEqual([
      {
        id: stored!.email_message_id,
        locale: 'FR',
        subject: 'Votre profil est validé',
        template: 'NOTIFICATION',
      },
    ]);
    const [message] = await mailbox(world.subgraph.url, person.email);
    expect(message!.text).toContain('Bonjour Zoé,');
    expect(message!.links).toEqual([
      'http://localhost:3000/profile',
      'http://localhost:3000/settings/notifications',
    ]);
  });

  it('makes one notification and one e-mail of the same idempotency key, delivered again or concurrently', async () => {
    const person = await verifiedPerson();
    const key = `profiles.ProfileValidated:${randomUUID()}`;
    expect((await send(validated(person, key))).status).toBe('CREATED');
    expect(await send(validated(person, key))).toEqual({ status: 'DUPLICATE' });
    const racing = await Promise.all([1, 2, 3].map(() => send(validated(person, `${key}:race`))));
    expect(racing.map((outcome) => outcome.status).sort()).toEqual(['CREATED', 'DUPLICATE', 'DUPLICATE']);
    expect(await notificationsOf(person)).toHaveLength(2);
    expect(await notificationEmailsOf(person)).toHaveLength(2);
  });

  it('keys per recipient: the same key for two people notifies both', async () => {
    const [first, second] = [await verifiedPerson(), await verifiedPerson()];
    const key = `event:${randomUUID()}`;
    expect((await send(validated(first, key))).status).toBe('CREATED');
    expect((await send(validated(second, key))).status).toBe('CREATED');
  });

  it('queues no e-mail when the person turned e-mails of the type off', async () => {
    const person = await verifiedPerson();
    await setPreferences(person, [{ type: 'PROFILE_DECISION', inApp: true, email: false }]);
    expect(await send(validated(person))).toMatchObject({
      status: 'CREATED',
      inApp: true,
      emailQueued: false,
    });
    expect(await notificationEmailsOf(person)).toEqual([]);
    expect((await notificationsOf(person))[0]).toMatchObject({ in_app: true, email_message_id: null });
  });

  it('keeps a notification out of the app when in-app is off, and still e-mails it when e-mail is on', async () => {
    const person = await verifiedPerson();
    await setPreferences(person, [{ type: 'MENTION', inApp: false, email: true }]);
    expect(await send(mention(person, 'hello'))).toMatchObject({ inApp: false, emailQueued: true });
    expect(await notificationEmailsOf(person)).toHaveLength(1);
    const listed = await list(person);
    expect(listed.data!.me).toMatchObject({ unreadNotificationCount: 0, notifications: { totalCount: 0 } });
  });

  it('silences a type with both channels off, yet recognises the event if it comes again', async () => {
    const person = await verifiedPerson();
    await setPreferences(person, [{ type: 'MENTION', inApp: false, email: false }]);
    const request = mention(person, 'hello');
    expect(await send(request)).toMatchObject({ status: 'CREATED', inApp: false, emailQueued: false });
    await setPreferences(person, [{ type: 'MENTION', inApp: true, email: true }]);
    expect(await send(request)).toEqual({ status: 'DUPLICATE' });
    expect(await notificationEmailsOf(person)).toEqual([]);
    expect((await list(person)).data!.me.notifications.totalCount).toBe(0);
  });

  it('never e-mails an address that is not verified', async () => {
    const person = await signUp(world);
    expect(await send(validated(person))).toMatchObject({ inApp: true, emailQueued: false });
    expect(await notificationEmailsOf(person)).toEqual([]);
  });

  it('runs in the caller’s transaction: nothing remains when the caller’s change rolls back', async () => {
    const person = await verifiedPerson();
    await expect(
      world.subgraph.orm.em.fork().transactional(async (tx) => {
        await notify(tx, validated(person), new Date());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await notificationsOf(person)).toEqual([]);
    expect(await notificationEmailsOf(person)).toEqual([]);
  });

  it('refuses a request that cannot make a notification, and writes nothing', async () => {
    const person = await verifiedPerson();
    const refusals: [NotificationRequest, string][] = [
      [{ ...validated(person), params: { decision: 'MAYBE' } } as never, 'params.decision'],
      [{ ...validated(person), link: 'https://evil.example/profile' }, 'link'],
      [{ ...validated(person), idempotencyKey: '' }, 'idempotencyKey'],
      [{ ...validated(person), idempotencyKey: 'two words' }, 'idempotencyKey'],
      [{ ...validated(person), recipientId: 'not-an-id' }, 'recipientId'],
      [{ ...validated(person), type: 'NEWSLETTER' } as never, 'type'],
    ];
    for (const [request, field] of refusals) {
      const failure = await send(request).catch((error: unknown) => error);
      expect(failure, field).toBeInstanceOf(InvalidNotificationError);
      expect((failure as InvalidNotificationError).field).toBe(field);
    }
    expect(await notificationsOf(person)).toEqual([]);
    expect(await notificationEmailsOf(person)).toEqual([]);
  });

  it('answers RECIPIENT_NOT_FOUND for an account that does not exist', async () => {
    expect(await send({ ...validated(await signUp(world)), recipientId: randomUUID() })).toEqual({
      status: 'RECIPIENT_NOT_FOUND',
    });
  });
});

describe('Account.notifications', () => {
  it('lists the person’s notifications newest first, page by page, with the unread count', async () => {
    const person = await signUp(world);
    const ids = await mentionsFor(person, 5);
    await send(mention(await signUp(world), 'for someone else'));

    const first = await list(person, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page = first.data!.me.notifications;
    expect(first.data!.me.unreadNotificationCount).toBe(5);
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((edge) => edge.node.id)).toEqual([ids[4], ids[3]]);
    expect(page.edges[0]!.node).toMatchObject({
      type: 'MENTION',
      title: 'Omar mentioned you',
      body: 'Omar mentioned you in Data Engineers FR: “message 4”',
      link: '/communities/data-engineers-fr',
      data: { authorName: 'Omar', place: 'Data Engineers FR', excerpt: 'message 4' },
      read: false,
      readAt: null,
      recipient: { id: person.id },
    });
    expect(page.pageInfo.hasNextPage).toBe(true);

    const rest = await list(person, { first: 10, after: page.pageInfo.endCursor });
    expect(rest.data!.me.notifications.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(rest.data!.me.notifications.pageInfo.hasNextPage).toBe(false);
  });

  it('lists only unread ones with unreadOnly', async () => {
    const person = await signUp(world);
    const ids = await mentionsFor(person, 3);
    await gql(world, MARK_READ, { input: { notificationId: ids[1] } }, person.headers);
    const unread = await list(person, { unreadOnly: true });
    expect(unread.data!.me.notifications.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[0]]);
    expect(unread.data!.me.unreadNotificationCount).toBe(2);
    expect((await list(person)).data!.me.notifications.totalCount).toBe(3);
  });

  it('refuses page sizes outside 1–100 and cursors it did not issue', async () => {
    const person = await signUp(world);
    for (const variables of [{ first: 101 }, { first: 0 }, { after: 'not-a-cursor' }]) {
      expect(errorCode(await list(person, variables)), JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });

  it('is only the person’s own: an administrator reading another account gets FORBIDDEN', async () => {
    const person = await signUp(world);
    await mentionsFor(person, 1);
    const admin = await signUp(world, { roles: ['ADMIN'] });
    const response = await gql<{ grantRole: { account: unknown } }>(
      world,
      `mutation ($input: GrantRoleInput!) {
        grantRole(input: $input) { account { id notifications { totalCount } } }
      }`,
      { input: { userId: person.id, role: 'MENTOR' } },
      admin.headers,
    );
    expect(response.errors?.map((error) => [error.extensions?.['code'], error.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'grantRole.account.notifications'],
    ]);
    const counting = await gql(
      world,
      `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { account { unreadNotificationCount } } }`,
      { input: { userId: person.id, role: 'MENTOR' } },
      admin.headers,
    );
    expect(errorCode(counting)).toBe('FORBIDDEN');
    expect(errorCode(await gql(world, '{ me { unreadNotificationCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('loads a page of notifications with their recipients in a fixed number of queries (no N+1)', async () => {
    const few = await signUp(world);
    const many = await signUp(world);
    await mentionsFor(few, 3);
    await mentionsFor(many, 30);
    const count = async (person: Person) => {
      world.statements.length = 0;
      const response = await gql(
        world,
        `{ me { unreadNotificationCount notificationPreferences { type }
           notifications(first: 50) { totalCount edges { node { id title recipient { id displayName } } } } } }`,
        {},
        person.headers,
      );
      expect(response.errors).toBeUndefined();
      return world.statements.filter((sql) => /\b(select|insert|update|delete)\b/i.test(sql)).length;
    };
    const forFew = await count(few);
    expect(forFew).toBeGreaterThan(0);
    expect(await count(many)).toBe(forFew);
  });
});

describe('_entities of Notification', () => {
  const QUERY = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Notification { id title recipient { id } } }
  }`;
  const resolve = (ids: string[], headers: Record<string, string> = {}) =>
    gql<{ _entities: ({ id: string } | null)[] }>(
      world,
      QUERY,
      { representations: ids.map((id) => ({ __typename: 'Notification', id })) },
      headers,
    );

  it('resolves the recipient’s own notification and nobody else’s', async () => {
    const owner = await signUp(world);
    const stranger = await signUp(world);
    const [ownerNotification] = await mentionsFor(owner, 1);
    const [strangerNotification] = await mentionsFor(stranger, 1);

    const asOwner = await resolve(
      [ownerNotification!, strangerNotification!, randomUUID(), 'not-an-id'],
      owner.headers,
    );
    expect(asOwner.errors).toBeUndefined();
    expect(asOwner.data!._entities).toEqual([
      { id: ownerNotification, title: 'Omar mentioned you', recipient: { id: owner.id } },
      null,
      null,
      null,
    ]);
    expect((await resolve([ownerNotification!], stranger.headers)).data!._entities).toEqual([null]);
    expect((await resolve([ownerNotification!])).data!._entities).toEqual([null]);
  });

  it('does not resolve a notification kept out of the app, even for its recipient', async () => {
    const person = await signUp(world);
    await setPreferences(person, [{ type: 'MENTION', inApp: false, email: false }]);
    const outcome = await send(mention(person, 'hidden'));
    const id = outcome.status === 'CREATED' ? outcome.notificationId : '';
    expect((await resolve([id], person.headers)).data!._entities).toEqual([null]);
  });
});

describe('Query.notification', () => {
  const NOTIFICATION = 'query ($id: ID!) { notification(id: $id) { id title } }';

  it("answers the caller's own notification, null for another person's, and refuses the anonymous", async () => {
    const [owner, stranger] = [await signUp(world), await signUp(world)];
    const [id] = await mentionsFor(owner, 1);
    const own = await gql<{ notification: unknown }>(world, NOTIFICATION, { id }, owner.headers);
    expect(own.data!.notification).toEqual({ id, title: 'Omar mentioned you' });
    const other = await gql<{ notification: unknown }>(world, NOTIFICATION, { id }, stranger.headers);
    expect(other.errors).toBeUndefined();
    expect(other.data!.notification).toBeNull();
    const anonymous = await gql(world, NOTIFICATION, { id });
    expect(anonymous.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const malformed = await gql(world, NOTIFICATION, { id: 'not-an-id' }, owner.headers);
    expect(malformed.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
  });
});

describe('markNotificationRead', () => {
  it('marks one of the caller’s notifications read, keeping the time it was first read', async () => {
    const person = await signUp(world);
    const [first] = await mentionsFor(person, 2);
    const marked = await gql<MarkRead>(
      world,
      MARK_READ,
      { input: { notificationId: first } },
      person.headers,
    );
    expect(marked.data!.markNotificationRead).toEqual({
      notification: { id: first, read: true, readAt: expect.any(String) },
      unreadNotificationCount: 1,
      errors: [],
    });
    const again = await gql<MarkRead>(world, MARK_READ, { input: { notificationId: first } }, person.headers);
    expect(again.data!.markNotificationRead.notification!.readAt).toBe(
      marked.data!.markNotificationRead.notification!.readAt,
    );
  });

  it('answers NOTIFICATION_NOT_FOUND for another person’s notification, which stays unread', async () => {
    const owner = await signUp(world);
    const intruder = await signUp(world);
    const [id] = await mentionsFor(owner, 1);
    await mentionsFor(intruder, 1);
    for (const notificationId of [id, randomUUID()]) {
      const response = await gql<MarkRead>(world, MARK_READ, { input: { notificationId } }, intruder.headers);
      expect(response.data!.markNotificationRead).toEqual({
        notification: null,
        unreadNotificationCount: 1,
        errors: [
          {
            code: 'NOTIFICATION_NOT_FOUND',
            message: 'You have no notification with this id.',
            field: ['input', 'notificationId'],
          },
        ],
      });
    }
    expect((await notificationsOf(owner))[0]!.read_at).toBeNull();
  });

  it('answers BAD_USER_INPUT for a malformed id, FORBIDDEN for a partner key, UNAUTHENTICATED anonymously', async () => {
    const person = await signUp(world);
    const [id] = await mentionsFor(person, 1);
    const malformed = await gql(world, MARK_READ, { input: { notificationId: 'not-an-id' } }, person.headers);
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    const partner = await world.issuer.headersFor({
      kind: 'PARTNER',
      apiKeyId: randomUUID(),
      organizationId: randomUUID(),
      roles: ['PARTNER'],
    });
    expect(errorCode(await gql(world, MARK_READ, { input: { notificationId: id } }, partner))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await gql(world, MARK_ALL, {}, partner))).toBe('FORBIDDEN');
    expect(errorCode(await gql(world, MARK_READ, { input: { notificationId: id } }))).toBe('UNAUTHENTICATED');
    expect((await notificationsOf(person))[0]!.read_at).toBeNull();
  });
});

describe('markAllNotificationsRead', () => {
  it('marks every unread notification of the caller, and only the caller’s', async () => {
    const person = await signUp(world);
    const other = await signUp(world);
    const [first] = await mentionsFor(person, 3);
    await mentionsFor(other, 2);
    await gql(world, MARK_READ, { input: { notificationId: first } }, person.headers);
    const marked = await gql<MarkAll>(world, MARK_ALL, {}, person.headers);
    expect(marked.data!.markAllNotificationsRead).toEqual({
      markedCount: 2,
      unreadNotificationCount: 0,
      errors: [],
    });
    expect((await notificationsOf(other)).every((row) => row.read_at === null)).toBe(true);
  });

  it('leaves unread what arrived after the instant the person saw', async () => {
    const person = await signUp(world);
    const start = Date.now() - 60_000;
    await mentionsFor(person, 3, start);
    const marked = await gql<MarkAll>(
      world,
      MARK_ALL,
      { input: { createdUpTo: new Date(start + 1000).toISOString() } },
      person.headers,
    );
    expect(marked.data!.markAllNotificationsRead).toMatchObject({
      markedCount: 2,
      unreadNotificationCount: 1,
    });
  });
});

describe('notification preferences', () => {
  const PREFERENCES = '{ me { notificationPreferences { type inApp email emailOffered } } }';

  it('lists every type with the defaults, then the person’s choices; types not given keep theirs', async () => {
    const person = await signUp(world);
    const defaults = await gql<{ me: { notificationPreferences: Preference[] } }>(
      world,
      PREFERENCES,
      {},
      person.headers,
    );
    expect(defaults.data!.me.notificationPreferences).toHaveLength(7);
    expect(defaults.data!.me.notificationPreferences[0]).toEqual({
      type: 'ORGANIZATION_INVITATION',
      inApp: true,
      email: false,
      emailOffered: false,
    });

    const changed = await setPreferences(person, [
      { type: 'MATCH_FOUND', inApp: true, email: true },
      { type: 'MENTION', inApp: false, email: false },
    ]);
    expect(changed.data!.updateNotificationPreferences.errors).toEqual([]);
    await setPreferences(person, [{ type: 'MENTION', inApp: true, email: false }]);
    const now = await gql<{ me: { notificationPreferences: Preference[] } }>(
      world,
      PREFERENCES,
      {},
      person.headers,
    );
    const byType = Object.fromEntries(
      now.data!.me.notificationPreferences.map((preference) => [preference.type, preference]),
    );
    expect(byType['MATCH_FOUND']).toMatchObject({ inApp: true, email: true });
    expect(byType['MENTION']).toMatchObject({ inApp: true, email: false });
    expect(byType['EVENT_REMINDER']).toMatchObject({ inApp: true, email: true });
  });

  it('refuses a type given twice or an e-mail that is not offered, and changes nothing', async () => {
    const person = await signUp(world);
    const response = await setPreferences(person, [
      { type: 'MATCH_FOUND', inApp: true, email: true },
      { type: 'MATCH_FOUND', inApp: false, email: false },
      { type: 'ORGANIZATION_INVITATION', inApp: true, email: true },
    ]);
    expect(response.data!.updateNotificationPreferences).toEqual({
      preferences: null,
      errors: [
        expect.objectContaining({
          code: 'DUPLICATE_NOTIFICATION_TYPE',
          field: ['input', 'preferences', '1', 'type'],
        }),
        expect.objectContaining({ code: 'EMAIL_NOT_OFFERED', field: ['input', 'preferences', '2', 'email'] }),
      ],
    });
    expect(
      await rows(world, 'select * from notification_preferences where user_id = $1', [person.id]),
    ).toEqual([]);
    const unknownType = await setPreferences(person, [{ type: 'NEWSLETTER', inApp: true, email: true }]);
    expect(errorCode(unknownType)).toBe('BAD_USER_INPUT');
  });
});

describe('invitations to an organization', () => {
  const INVITE = `mutation ($input: InviteMemberInput!) {
    inviteMember(input: $input) { invitation { id } errors { code } }
  }`;

  it('notify an invitee who has an account, in their language, without the token and without a second e-mail', async () => {
    const owner = await verifiedPerson({ displayName: 'Claire' });
    const organization = await organizationOf(world, owner, [], `Numérique ${randomUUID().slice(0, 6)}`);
    const invitee = await verifiedPerson({ locale: 'FR' });
    const invited = await gql<{ inviteMember: { invitation: { id: string } | null } }>(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: invitee.email, role: 'RECRUITER' } },
      owner.headers,
    );
    const invitationId = invited.data!.inviteMember.invitation!.id;

    const [notification] = await notificationsOf(invitee);
    expect(notification).toMatchObject({
      type: 'ORGANIZATION_INVITATION',
      locale: 'FR',
      title: `Claire vous invite à rejoindre ${organization.name}`,
      link: `/organizations/${organization.slug}`,
      data: {
        organizationId: organization.id,
        organizationName: organization.name,
        inviterName: 'Claire',
        role: 'RECRUITER',
      },
      email_message_id: null,
    });
    const [{ idempotency_key: key }] = (await rows<{ idempotency_key: string }>(
      world,
      'select idempotency_key from notifications where id = $1',
      [notification!.id],
    )) as [{ idempotency_key: string }];
    expect(key).toBe(`invitation:${invitationId}`);
    const [invitationEmail] = await mailbox(world.subgraph.url, invitee.email);
    expect(invitationEmail!.template).toBe('ORGANIZATION_INVITATION');
    const token = new URL(invitationEmail!.links[0]!).searchParams.get('token')!;
    expect(JSON.stringify(notification)).not.toContain(token);
    expect(await notificationEmailsOf(invitee)).toEqual([]);
  });

  it('notify nobody for an address without an account, nor for a refused invitation', async () => {
    const owner = await signUp(world);
    const member = await signUp(world);
    const organization = await organizationOf(world, owner, [[member, 'RECRUITER']]);
    await gql(
      world,
      INVITE,
      {
        input: {
          organizationId: organization.id,
          email: `nobody-${randomUUID()}@example.com`,
          role: 'RECRUITER',
        },
      },
      owner.headers,
    );
    const refused = await gql<{ inviteMember: { errors: { code: string }[] } }>(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: member.email, role: 'RECRUITER' } },
      owner.headers,
    );
    expect(refused.data!.inviteMember.errors).toEqual([{ code: 'ALREADY_MEMBER' }]);
    expect(await notificationsOf(member)).toEqual([]);
  });
});

describe('Subscription.notificationAdded', () => {
  it('is declared for the gateway, and refused with a clear message when asked of the subgraph over HTTP', async () => {
    const person = await signUp(world);
    const response = await gql(world, 'subscription { notificationAdded { id } }', {}, person.headers);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('served by the gateway over WebSocket'),
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
