import type { Express } from 'express';
import { normalizeEmail } from '../accounts/account-rules.ts';
import { EmailMessageSchema } from '../entities/EmailMessage.ts';
import type { IdentityServices } from '../identity/services.ts';
import { openEmailBody } from './outbox.ts';

export const DEV_MAILBOX_PATH = '/dev/mailbox';
const MAILBOX_SIZE = 50;

/**
 * The dev mailbox: `GET /dev/mailbox?to=<address>` lists the latest e-mails queued for that address,
 * newest first, with their links, so that tests and README readers can follow a verification or reset
 * link without a mail server. It does not exist in production (404).
 */
export function mountDevMailboxRoutes(app: Express, identity: IdentityServices): void {
  app.get(DEV_MAILBOX_PATH, async (request, response, next) => {
    try {
      response.set('cache-control', 'no-store');
      if (identity.production) {
        response.status(404).json({ error: 'Not found' });
        return;
      }
      const to = typeof request.query['to'] === 'string' ? normalizeEmail(request.query['to']) : '';
      if (to === '') {
        response.status(400).json({ error: 'Give the address as ?to=<e-mail address>' });
        return;
      }
      const messages = await identity.orm.em
        .fork()
        .find(
          EmailMessageSchema,
          { recipient: to },
          { orderBy: { createdAt: 'desc', id: 'desc' }, limit: MAILBOX_SIZE },
        );
      response.json({
        messages: messages.map((message) => {
          const body = openEmailBody(identity.secretBox, message);
          return {
            id: message.id,
            to: message.recipient,
            template: message.template,
            locale: message.locale,
            subject: message.subject,
            status: message.status,
            createdAt: message.createdAt.toISOString(),
            text: body?.text ?? null,
            html: body?.html ?? null,
            links: body ? [...body.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]) : [],
          };
        }),
      });
    } catch (error) {
      next(error);
    }
  });
}
