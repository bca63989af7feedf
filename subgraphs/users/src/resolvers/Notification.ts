import { forbidden, type Viewer } from '@talentgraph/auth';
import { requireId, type SubgraphContext } from '@talentgraph/platform';
import { NotificationSchema } from '../entities/Notification.ts';
import { UserSchema } from '../entities/User.ts';
import type {
  AccountResolvers,
  MutationResolvers,
  NotificationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.ts';
import {
  NOTIFICATION_NOT_FOUND,
  VISIBLE,
  markAllNotificationsRead,
  markNotificationRead,
  preferencesOf,
  unreadCounts,
  updateNotificationPreferences,
  type ResolvedPreference,
} from '../notifications/notifications.ts';
import { personOf } from './Account.ts';

const UNREAD_COUNTS = Symbol('unread notification counts');
const PREFERENCES = Symbol('notification preferences');

/**
 * An Account is also returned to administrators (disableUser, grantRole, …): its notifications are
 * still the person's own.
 */
function requireSelf(viewer: Viewer | null, accountId: string): string {
  const person = personOf(viewer);
  if (person.userId !== accountId) throw forbidden('Only the person themselves sees their notifications.');
  return person.userId;
}

export const accountNotificationFields: Pick<
  AccountResolvers,
  'notifications' | 'unreadNotificationCount' | 'notificationPreferences'
> = {
  notifications: (account, { first, after, unreadOnly }, { viewer, loaders }) => {
    requireSelf(viewer, account.id);
    return loaders
      .pageOfChildren(NotificationSchema, {
        parentProperty: 'recipient',
        where: { ...VISIBLE, ...(unreadOnly ? { readAt: null } : {}) },
        orderBy: { createdAt: 'desc', id: 'desc' },
        page: { first, after },
      })
      .load(account.id);
  },

  unreadNotificationCount: (account, _args, { viewer, em, loaders }) => {
    requireSelf(viewer, account.id);
    return loaders.custom<string, number>(UNREAD_COUNTS, (ids) => unreadCounts(em, ids)).load(account.id);
  },

  notificationPreferences: (account, _args, { viewer, em, loaders }) => {
    requireSelf(viewer, account.id);
    return loaders
      .custom<string, ResolvedPreference[]>(PREFERENCES, (ids) => preferencesOf(em, ids))
      .load(account.id);
  },
};

export const notificationMutations: Pick<
  MutationResolvers,
  'markNotificationRead' | 'markAllNotificationsRead' | 'updateNotificationPreferences'
> = {
  markNotificationRead: async (_parent, { input }, { em, now, viewer }) => {
    const { userId } = personOf(viewer);
    const notificationId = requireId(input.notificationId, 'notificationId');
    const notification = await markNotificationRead(em, userId, notificationId, now);
    const [unreadNotificationCount] = await unreadCounts(em, [userId]);
    return notification
      ? { notification, unreadNotificationCount: unreadNotificationCount!, errors: [] }
      : {
          notification: null,
          unreadNotificationCount: unreadNotificationCount!,
          errors: [NOTIFICATION_NOT_FOUND],
        };
  },

  markAllNotificationsRead: async (_parent, { input }, { em, now, viewer }) => {
    const { userId } = personOf(viewer);
    const upTo = input?.createdUpTo == null ? null : new Date(input.createdUpTo);
    const markedCount = await markAllNotificationsRead(em, userId, upTo, now);
    const [unreadNotificationCount] = await unreadCounts(em, [userId]);
    return { markedCount, unreadNotificationCount: unreadNotificationCount!, errors: [] };
  },

  updateNotificationPreferences: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await updateNotificationPreferences(em, personOf(viewer).userId, input.preferences, now);
    return outcome.ok
      ? { preferences: outcome.preferences, errors: [] }
      : { preferences: null, errors: outcome.errors };
  },
};

/** The caller's own in-app notification, or null: another person's (or one hidden from the app) is none. */
async function ownNotification(id: string, { viewer, loaders }: Pick<SubgraphContext, 'viewer' | 'loaders'>) {
  if (viewer?.kind !== 'USER') return null;
  const notification = await loaders.byId(NotificationSchema).load(id);
  return notification?.inApp && notification.recipient.id === viewer.userId ? notification : null;
}

export const notificationQueries: Pick<QueryResolvers, 'notification'> = {
  notification: (_parent, { id }, context) => ownNotification(requireId(id), context),
};

export const Notification: NotificationResolvers = {
  /** Federation's `_entities` follows the same rule as `Query.notification`. */
  __resolveReference: (reference, context) => ownNotification(reference.id, context),
  read: (notification) => notification.readAt != null,
  recipient: async (notification, _args, { loaders }) =>
    (await loaders.byId(UserSchema).load(notification.recipient.id))!,
};
