import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { LOCALES } from '../domain/roles.ts';
import { EMAIL_STATUSES, EMAIL_TRANSPORTS } from '../email/delivery.ts';

/**
 * The e-mail outbox: a message is written in the transaction of the change that causes it (so it is
 * sent if and only if the change commits), then delivered by the dispatcher. Bodies may hold one-time
 * links, so they are sealed (AES-256-GCM) and erased once handed to the SMTP server.
 */
export const EmailMessageSchema = defineEntity({
  name: 'EmailMessage',
  tableName: 'email_outbox',
  indexes: [
    { properties: ['status', 'nextAttemptAt'] },
    { properties: ['recipient', 'createdAt'] },
    { properties: ['actorId'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    recipient: p.string().length(320),
    /**
     * The person whose action the message tells someone else of (an inviter, a commenter): it names them,
     * so it is deleted when they erase their account, as every message addressed to them is.
     */
    actorId: p.uuid().nullable(),
    locale: p.enum(LOCALES),
    template: p.string().length(64),
    subject: p.string().length(300),
    /** Sealed JSON `{ text, html }`; null once delivered by SMTP. */
    bodySealed: p.text().nullable(),
    status: p.enum(EMAIL_STATUSES),
    transport: p.enum(EMAIL_TRANSPORTS).nullable(),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    nextAttemptAt: p.datetime(),
    sentAt: p.datetime().nullable(),
  },
});

export type EmailMessage = InferEntity<typeof EmailMessageSchema>;
