import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ACCOUNT_TOKEN_PURPOSES } from '../email/account-token-rules.ts';
import { UserSchema } from './User.ts';

/**
 * A single-use link sent by e-mail (verify the address, reset the password), stored as its SHA-256 with
 * the address it was sent to: changing the account's address voids it.
 */
export const AccountTokenSchema = defineEntity({
  name: 'AccountToken',
  tableName: 'account_tokens',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade').index(),
    purpose: p.enum(ACCOUNT_TOKEN_PURPOSES),
    tokenHash: p.string().length(64).unique(),
    email: p.string().length(320),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});

export type AccountToken = InferEntity<typeof AccountTokenSchema>;
