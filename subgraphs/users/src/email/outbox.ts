import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@talentgraph/platform';
import { normalizeEmail } from '../accounts/account-rules.ts';
import type { Locale } from '../domain/roles.ts';
import { EmailMessageSchema, type EmailMessage } from '../entities/EmailMessage.ts';
import type { SecretBox } from '../encryption/secret-box.ts';
import { identityOf } from '../identity/services.ts';
import { EMAIL_TEMPLATES, type EmailTemplateName, type EmailVariables } from './templates/index.ts';
import { renderEmail, type EmailTemplate } from './templates/layout.ts';

export interface OutgoingEmail<Name extends EmailTemplateName> {
  readonly to: string;
  readonly locale: Locale;
  readonly template: Name;
  readonly variables: EmailVariables<Name>;
  /** The person whose action the message tells of, when it is not the recipient's own (see EmailMessage). */
  readonly actorId?: string | null;
}

const sealingContext = (messageId: string) => `email:${messageId}`;

/**
 * Queues an e-mail in the outbox with `em`: call it inside the transaction of the change the e-mail
 * announces, so that the message exists if and only if the change was committed. The dispatcher sends
 * it within seconds.
 */
export async function enqueueEmail<Name extends EmailTemplateName>(
  em: EntityManager,
  email: OutgoingEmail<Name>,
  now: Date = new Date(),
): Promise<EmailMessage> {
  const template = EMAIL_TEMPLATES[email.template] as EmailTemplate<EmailVariables<Name>>;
  const rendered = renderEmail(email.locale, template[email.locale](email.variables));
  const id = randomUUID();
  const message = em.create(EmailMessageSchema, {
    id,
    recipient: normalizeEmail(email.to),
    actorId: email.actorId ?? null,
    locale: email.locale,
    template: email.template,
    subject: rendered.subject,
    bodySealed: identityOf(em).secretBox.seal(
      sealingContext(id),
      JSON.stringify({ text: rendered.text, html: rendered.html }),
    ),
    status: 'PENDING',
    transport: null,
    attempts: 0,
    lastError: null,
    createdAt: now,
    nextAttemptAt: now,
    sentAt: null,
  });
  await em.flush();
  return message;
}

/** The text and HTML of a queued message, or null once erased after delivery. */
export function openEmailBody(
  box: SecretBox,
  message: Pick<EmailMessage, 'id' | 'bodySealed'>,
): { text: string; html: string } | null {
  if (message.bodySealed == null) return null;
  return JSON.parse(box.open(sealingContext(message.id), message.bodySealed)) as {
    text: string;
    html: string;
  };
}
