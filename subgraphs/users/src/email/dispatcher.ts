import { LockMode } from '@mikro-orm/core';
import nodemailer from 'nodemailer';
import type { EntityManager, Logger } from '@talentgraph/platform';
import { EmailMessageSchema } from '../entities/EmailMessage.ts';
import type { SecretBox } from '../encryption/secret-box.ts';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt, type EmailTransportName } from './delivery.ts';
import { openEmailBody } from './outbox.ts';

export interface EmailToSend {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface EmailTransport {
  readonly name: EmailTransportName;
  send(email: EmailToSend): Promise<void>;
  close(): void;
}

/** Hands messages to the SMTP server of `smtpUrl` (for example `smtps://user:password@smtp.example.com`). */
export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  // Short timeouts: the dispatcher holds its claimed rows while it talks to the server.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    name: 'SMTP',
    async send(email) {
      await transporter.sendMail({ from, ...email });
    },
    close() {
      transporter.close();
    },
  };
}

/** Without SMTP, a delivered message simply stays readable in the outbox: `GET /dev/mailbox?to=…`. */
export const devMailboxTransport: EmailTransport = {
  name: 'DEV_MAILBOX',
  async send() {},
  close() {},
};

const BATCH_SIZE = 20;

/**
 * Delivers due messages of the outbox, oldest first. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * replicas dispatching at the same time never send a message twice; a failure is retried with back-off
 * and given up after MAX_DELIVERY_ATTEMPTS. Bodies handed to SMTP are erased: the outbox keeps no
 * one-time links once they are on their way.
 */
export async function dispatchPendingEmails(
  em: EntityManager,
  options: {
    readonly transport: EmailTransport;
    readonly box: SecretBox;
    readonly logger: Logger;
    readonly now?: Date;
  },
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  return em.fork().transactional(async (tx) => {
    const due = await tx.find(
      EmailMessageSchema,
      { status: 'PENDING', nextAttemptAt: { $lte: now } },
      {
        orderBy: { createdAt: 'asc', id: 'asc' },
        limit: BATCH_SIZE,
        lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
      },
    );
    let sent = 0;
    let failed = 0;
    for (const message of due) {
      try {
        const body = openEmailBody(options.box, message);
        if (body === null) throw new Error('The message has no body');
        await options.transport.send({ to: message.recipient, subject: message.subject, ...body });
        message.status = 'SENT';
        message.transport = options.transport.name;
        message.sentAt = now;
        message.lastError = null;
        if (options.transport.name === 'SMTP') message.bodySealed = null;
        sent += 1;
      } catch (error) {
        message.attempts += 1;
        message.lastError = error instanceof Error ? error.message.slice(0, 1000) : String(error);
        if (message.attempts >= MAX_DELIVERY_ATTEMPTS) {
          message.status = 'FAILED';
          options.logger.error(
            { emailId: message.id, template: message.template, err: error },
            'e-mail given up',
          );
        } else {
          message.nextAttemptAt = nextAttemptAt(message.attempts, now);
          options.logger.warn(
            { emailId: message.id, attempts: message.attempts, err: error },
            'e-mail delivery failed',
          );
        }
        failed += 1;
      }
    }
    return { sent, failed };
  });
}
