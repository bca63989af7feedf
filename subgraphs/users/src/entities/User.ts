import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { LOCALES, ROLES } from '../domain/roles.ts';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** Stored lower-cased (see domain/email.ts), so uniqueness is case-insensitive. */
    email: p.string().length(320).unique(),
    displayName: p.string().length(120),
    roles: p.array().$type<string[]>(),
    locale: p.enum(LOCALES).default('EN'),
    avatarUrl: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type User = InferEntity<typeof UserSchema>;
export { ROLES };
