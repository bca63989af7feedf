import type { EmailTemplate } from './layout.ts';

/**
 * A notification sent by e-mail too (notifications/notify.ts), for the types whose e-mail channel the
 * person left on. The title and body were already written in their language; this adds the frame and
 * says how to stop these e-mails.
 */
export const notification: EmailTemplate<{
  readonly displayName: string;
  readonly title: string;
  readonly body: string;
  readonly actionLabel: string;
  /** Where the notification leads in the web app (absolute URL). */
  readonly link: string;
  /** The notification settings page of the web app (absolute URL). */
  readonly settingsLink: string;
}> = {
  EN: ({ displayName, title, body, actionLabel, link, settingsLink }) => ({
    subject: title,
    greeting: `Hello ${displayName},`,
    paragraphs: [body],
    action: { label: actionLabel, url: link },
    closing: [
      `You receive this e-mail because e-mails of this kind of notification are on. To change it: ${settingsLink}`,
    ],
  }),
  FR: ({ displayName, title, body, actionLabel, link, settingsLink }) => ({
    subject: title,
    greeting: `Bonjour ${displayName},`,
    paragraphs: [body],
    action: { label: actionLabel, url: link },
    closing: [
      `Vous recevez cet e-mail car les e-mails de ce type de notification sont activés. Pour le modifier : ${settingsLink}`,
    ],
  }),
};
