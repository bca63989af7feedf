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
    /** scrypt hash (see @talentgraph/auth passwords); null for accounts that only sign in with a provider. */
    passwordHash: p.text().nullable(),
    emailVerifiedAt: p.datetime().nullable(),
    /** A disabled account cannot sign in, and its sessions stop working at once. */
    disabledAt: p.datetime().nullable(),
    /** TOTP secret (sealed) once two-factor is confirmed; the pending one waits for the first valid code. */
    totpSecretSealed: p.text().nullable(),
    totpPendingSecretSealed: p.text().nullable(),
    totpEnabledAt: p.datetime().nullable(),
    /** Last TOTP time step accepted: a code of that step or an earlier one is refused (no replay). */
    totpLastUsedStep: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type User = InferEntity<typeof UserSchema>;
export { ROLES };
