import { randomUUID } from 'node:crypto';
import { TransactionPropagation } from '@mikro-orm/core';
import { isUuid, recordDomainEvent, type EntityManager } from '@talentgraph/platform';
import { enqueueEmail } from '../email/outbox.ts';
import { NotificationSchema } from '../entities/Notification.ts';
import { NotificationPreferenceSchema } from '../entities/NotificationPreference.ts';
import { UserSchema } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { paramsWithoutActor } from '../personal-data/anonymization-rules.ts';
import {
  NOTIFICATION_TYPE_RULES,
  deliveryChannels,
  isAppPath,
  isIdempotencyKey,
  isNotificationType,
  type NotificationType,
} from './notification-rules.ts';
import { InvalidNotificationError, renderNotification, type NotificationParams } from './templates.ts';

/** Pages of the web app that notification e-mails link to (PUBLIC_APP_URL + path). */
export const NOTIFICATION_PAGES = {
  /** Where a notification without a link of its own leads. */
  notifications: '/notifications',
  settings: '/settings/notifications',
} as const;

export interface NotificationRequest<Type extends NotificationType = NotificationType> {
  readonly recipientId: string;
  /**
   * The person whose action it tells of (a commenter, an inviter), when its text names them: erasing
   * their account rewrites it without them (personal-data/account-deletion.ts). Null for platform notices.
   */
  readonly actorId: string | null;
  readonly type: Type;
  /** What the type's template needs (templates.ts), plus any ids worth keeping as the notification's data. */
  readonly params: NotificationParams<Type>;
  /** Path in the web app, e.g. `/offers/4f…`; null when there is nothing to open. */
  readonly link: string | null;
  /**
   * Unique per recipient and per thing announced, e.g. `invitation:<invitationId>` or the domain event's
   * id: the same key twice makes one notification and one e-mail.
   */
  readonly idempotencyKey: string;
}

export type NotifyOutcome =
  | {
      readonly status: 'CREATED';
      readonly notificationId: string;
      /** Whether it shows in the app (the in-app channel of its type is on). */
      readonly inApp: boolean;
      readonly emailQueued: boolean;
    }
  /** A notification with this idempotency key already exists for the recipient: nothing was done. */
  | { readonly status: 'DUPLICATE' }
  /** The recipient's account does not exist (any more): nothing was done. */
  | { readonly status: 'RECIPIENT_NOT_FOUND' };

/**
 * Notifies one person, inside the caller's transaction (it opens one when there is none): the
 * notification is written in the recipient's language, shown in the app if the in-app channel of its
 * type is on, and an e-mail is queued in the outbox if the e-mail channel is on, so both exist if and
 * only if the caller's change commits. The idempotency key makes a redelivered event a no-op, even
 * when two deliveries race (`insert … on conflict do nothing`, before any e-mail is queued).
 *
 * Throws InvalidNotificationError when the request cannot make a notification (unknown type, params
 * that do not fit the type, a link that is not a path of the app, a malformed key or recipient id).
 */
export async function notify<Type extends NotificationType>(
  em: EntityManager,
  request: NotificationRequest<Type>,
  now: Date,
): Promise<NotifyOutcome> {
  if (!isNotificationType(request.type))
    throw new InvalidNotificationError('type', 'is not a notification type');
  if (!isUuid(request.recipientId)) throw new InvalidNotificationError('recipientId', 'must be a UUID');
  if (request.actorId !== null && !isUuid(request.actorId)) {
    throw new InvalidNotificationError('actorId', 'must be a UUID or null');
  }
  if (request.link !== null && !isAppPath(request.link)) {
    throw new InvalidNotificationError('link', 'must be a path of the web app, like /offers/…');
  }
  if (!isIdempotencyKey(request.idempotencyKey)) {
    throw new InvalidNotificationError('idempotencyKey', 'must be 1 to 200 visible ASCII characters');
  }
  return em.transactional(
    async (tx) => {
      const recipient = await tx.findOne(UserSchema, { id: request.recipientId });
      if (!recipient) return { status: 'RECIPIENT_NOT_FOUND' as const };
      // An event handled after its actor erased their account (a consumer running late) must not
      // bring their name back: it is written as the erasure rewrote the others (personal-data/).
      const actorErased =
        request.actorId !== null && (await tx.count(UserSchema, { id: request.actorId })) === 0;
      const actorId = actorErased ? null : request.actorId;
      const written = renderNotification(request.type, request.params, recipient.locale);
      const content = actorErased
        ? renderNotification(
            request.type,
            paramsWithoutActor(request.type, written.data, recipient.locale),
            recipient.locale,
          )
        : written;
      const preference =
        (await tx.findOne(NotificationPreferenceSchema, { user: recipient.id, type: request.type })) ??
        NOTIFICATION_TYPE_RULES[request.type].defaults;
      const channels = deliveryChannels(preference, {
        emailVerified: recipient.emailVerifiedAt != null,
        disabled: recipient.disabledAt != null,
      });
      const notificationId = randomUUID();
      const inserted = await tx
        .createQueryBuilder(NotificationSchema)
        .insert({
          id: notificationId,
          recipient: recipient.id,
          actorId,
          type: request.type,
          locale: recipient.locale,
          title: content.title,
          body: content.body,
          link: request.link,
          data: content.data,
          idempotencyKey: request.idempotencyKey,
          inApp: channels.inApp,
          emailMessage: null,
          createdAt: now,
          readAt: null,
        })
        .onConflict(['recipient', 'idempotencyKey'])
        .ignore()
        .execute('run');
      if (inserted.affectedRows === 0) return { status: 'DUPLICATE' as const };
      if (channels.email) {
        const appUrl = identityOf(tx).config.PUBLIC_APP_URL;
        const message = await enqueueEmail(
          tx,
          {
            to: recipient.email,
            locale: recipient.locale,
            template: 'NOTIFICATION',
            actorId,
            variables: {
              displayName: recipient.displayName,
              title: content.title,
              body: content.body,
              actionLabel: content.actionLabel,
              link: new URL(request.link ?? NOTIFICATION_PAGES.notifications, appUrl).toString(),
              settingsLink: new URL(NOTIFICATION_PAGES.settings, appUrl).toString(),
            },
          },
          now,
        );
        await tx.nativeUpdate(NotificationSchema, { id: notificationId }, { emailMessage: message.id });
      }
      if (channels.inApp) {
        // Live to the recipient's open apps (the gateway's notificationAdded).
        recordDomainEvent(
          tx,
          { viewer: null, now },
          {
            type: 'users.NotificationCreated',
            version: 1,
            aggregate: { type: 'Notification', id: notificationId },
            payload: { notificationId, recipientId: recipient.id, type: request.type },
          },
        );
      }
      return {
        status: 'CREATED' as const,
        notificationId,
        inApp: channels.inApp,
        emailQueued: channels.email,
      };
    },
    { propagation: TransactionPropagation.REQUIRED },
  );
}
