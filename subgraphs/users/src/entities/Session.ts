import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SESSION_END_REASONS } from '../sessions/session-rules.ts';
import { UserSchema } from './User.ts';

/**
 * One sign-in on one device: the family of its refresh tokens. Access tokens carry its id (`sid`), so
 * ending the session ends them too, in this subgraph at once and at the gateway within its short cache.
 */
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastRefreshedAt: p.datetime().nullable(),
    /** Pushed further at each refresh; past it, the session is over. */
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    endReason: p.enum(SESSION_END_REASONS).nullable(),
    userAgent: p.string().length(400).nullable(),
    ipAddress: p.string().length(64).nullable(),
  },
});

export type Session = InferEntity<typeof SessionSchema>;
