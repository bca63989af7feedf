import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { LOCALES } from '../domain/roles.ts';
import { NOTIFICATION_TYPES } from '../notifications/notification-rules.ts';
import type { JsonObject } from '../domain/json.ts';
import { EmailMessageSchema } from './EmailMessage.ts';
import { UserSchema } from './User.ts';

/**
 * One notification of one person, written once (notifications/notify.ts) in their language. Every
 * delivery is recorded, even one the person's preferences keep out of the app (`inApp` false), so that
 * the same domain event delivered again is recognised by its idempotency key and sends nothing twice.
 */
export const NotificationSchema = defineEntity({
  name: 'Notification',
  tableName: 'notifications',
  uniques: [{ properties: ['recipient', 'idempotencyKey'] }],
  indexes: [{ properties: ['recipient', 'createdAt', 'id'] }, { properties: ['actorId'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    recipient: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    /**
     * The person whose action it tells of (a commenter, an inviter), whose name and words it quotes:
     * when they erase their account, it is rewritten without them (personal-data/account-deletion.ts).
     * An id rather than a foreign key, so that it outlives nothing: it is cleared by that rewrite.
     */
    actorId: p.uuid().nullable(),
    type: p.enum(NOTIFICATION_TYPES),
    /** The language title and body were written in: the recipient's when it was created. */
    locale: p.enum(LOCALES),
    title: p.string().length(200),
    body: p.text(),
    /** Path in the web app, e.g. `/offers/…`; null when there is nothing to open. */
    link: p.string().length(500).nullable(),
    /** The parameters it was written from, ids included, for clients that deep-link. */
    data: p.json<JsonObject>(),
    /** Set by the producer, unique per recipient: a redelivered event finds its notification. */
    idempotencyKey: p.string().length(200),
    /** Whether it shows in the app; false when the person turned the in-app channel off for its type. */
    inApp: p.boolean(),
    /** The e-mail queued for it, when its e-mail channel was on. */
    emailMessage: () => p.manyToOne(EmailMessageSchema).nullable().deleteRule('set null'),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  },
});

export type Notification = InferEntity<typeof NotificationSchema>;
