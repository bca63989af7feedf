import { randomUUID } from 'node:crypto';
import { isUuid, type EntityManager } from '@talentgraph/platform';
import { userError, type UserError } from '../domain/user-error.ts';
import { NotificationSchema, type Notification } from '../entities/Notification.ts';
import { NotificationPreferenceSchema } from '../entities/NotificationPreference.ts';
import { preferenceProblems, resolvePreferences, type NotificationPreference } from './notification-rules.ts';

/**
 * What a person does with their own notifications. Every query is scoped by the recipient, so another
 * person's notification id behaves exactly like an unknown one: nothing is read, nothing is changed.
 */

/** Notifications that show in the app (the others are only the record of a delivery). */
export const VISIBLE = { inApp: true } as const;

export const NOTIFICATION_NOT_FOUND = userError(
  'NOTIFICATION_NOT_FOUND',
  'You have no notification with this id.',
  'notificationId',
);

/** Marks one of the person's notifications read; one already read keeps the time it was first read. */
export async function markNotificationRead(
  em: EntityManager,
  recipientId: string,
  notificationId: string,
  now: Date,
): Promise<Notification | null> {
  const mine = { id: notificationId, recipient: recipientId, ...VISIBLE };
  await em.nativeUpdate(NotificationSchema, { ...mine, readAt: null }, { readAt: now });
  return em.findOne(NotificationSchema, mine, { refresh: true });
}

/**
 * Marks every unread notification of the person read, or only those created up to `upTo` (the newest
 * one the person has seen), so that one arriving meanwhile stays unread. Returns how many changed.
 */
export async function markAllNotificationsRead(
  em: EntityManager,
  recipientId: string,
  upTo: Date | null,
  now: Date,
): Promise<number> {
  return em.nativeUpdate(
    NotificationSchema,
    { recipient: recipientId, ...VISIBLE, readAt: null, ...(upTo ? { createdAt: { $lte: upTo } } : {}) },
    { readAt: now },
  );
}

/** Unread notifications of each person, in one query. */
export async function unreadCounts(em: EntityManager, recipientIds: readonly string[]): Promise<number[]> {
  const wellFormed = recipientIds.filter(isUuid);
  const rows =
    wellFormed.length === 0
      ? []
      : await em.getConnection().execute<{ recipient_id: string; unread: string }[]>(
          `select recipient_id, count(*) as unread from notifications
           where recipient_id in (${wellFormed.map(() => '?').join(', ')}) and in_app and read_at is null
           group by recipient_id`,
          wellFormed,
          'all',
          em.getTransactionContext(),
        );
  const byRecipient = new Map(rows.map((row) => [row.recipient_id, Number(row.unread)]));
  return recipientIds.map((id) => byRecipient.get(id) ?? 0);
}

export type ResolvedPreference = ReturnType<typeof resolvePreferences>[number];

/** Every type with the person's channels, defaults filled in, for several people in one query. */
export async function preferencesOf(
  em: EntityManager,
  userIds: readonly string[],
): Promise<ResolvedPreference[][]> {
  const rows = await em.find(NotificationPreferenceSchema, { user: { $in: [...userIds] } });
  return userIds.map((userId) => resolvePreferences(rows.filter((row) => row.user.id === userId)));
}

export type PreferencesOutcome =
  | { readonly ok: true; readonly preferences: ResolvedPreference[] }
  | { readonly ok: false; readonly errors: UserError[] };

/**
 * Sets the channels of the types given; the other types keep theirs. All or nothing: one problem in
 * the list changes nothing.
 */
export async function updateNotificationPreferences(
  em: EntityManager,
  userId: string,
  changes: readonly NotificationPreference[],
  now: Date,
): Promise<PreferencesOutcome> {
  const problems = preferenceProblems(changes);
  if (problems.length > 0) {
    return {
      ok: false,
      errors: problems.map((problem) => ({
        code: problem.code,
        message: problem.message,
        field: problem.field,
      })),
    };
  }
  return em.transactional(async (tx) => {
    if (changes.length > 0) {
      await tx
        .createQueryBuilder(NotificationPreferenceSchema)
        .insert(
          changes.map((change) => ({
            id: randomUUID(),
            user: userId,
            type: change.type,
            inApp: change.inApp,
            email: change.email,
            updatedAt: now,
          })),
        )
        .onConflict(['user', 'type'])
        .merge(['inApp', 'email', 'updatedAt'])
        .execute('run');
    }
    const [preferences] = await preferencesOf(tx, [userId]);
    return { ok: true as const, preferences: preferences! };
  });
}
