import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SessionSchema } from './Session.ts';

/**
 * A refresh token of a session, stored as its SHA-256 only. The unspent one is current; spent ones are
 * kept for the session's life so that presenting one again is recognized as reuse.
 */
export const RefreshTokenSchema = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_tokens',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    session: () => p.manyToOne(SessionSchema).deleteRule('cascade').index(),
    tokenHash: p.string().length(64).unique(),
    issuedAt: p.datetime().onCreate(() => new Date()),
    spentAt: p.datetime().nullable(),
  },
});

export type RefreshToken = InferEntity<typeof RefreshTokenSchema>;
