import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { NOTIFICATION_TYPES } from '../notifications/notification-rules.ts';
import { UserSchema } from './User.ts';

/**
 * A person's choice of channels for one type of notification. Only types the person changed have a
 * row; the others follow the defaults of notifications/notification-rules.ts.
 */
export const NotificationPreferenceSchema = defineEntity({
  name: 'NotificationPreference',
  tableName: 'notification_preferences',
  uniques: [{ properties: ['user', 'type'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    type: p.enum(NOTIFICATION_TYPES),
    inApp: p.boolean(),
    email: p.boolean(),
    updatedAt: p.datetime(),
  },
});

export type NotificationPreference = InferEntity<typeof NotificationPreferenceSchema>;
