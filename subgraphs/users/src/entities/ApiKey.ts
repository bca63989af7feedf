import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganizationSchema } from './Organization.ts';
import { UserSchema } from './User.ts';

/** A partner API key of one organization; its secret is stored only as a SHA-256 (api-keys/api-key.ts). */
export const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organization: () => p.manyToOne(OrganizationSchema).deleteRule('cascade').index(),
    name: p.string().length(100),
    /** Public part of the key (`tgp_<keyId>_…`), unique, used to find the key. */
    keyId: p.string().length(16).unique(),
    secretHash: p.string().length(64),
    createdBy: () => p.manyToOne(UserSchema).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export type ApiKey = InferEntity<typeof ApiKeySchema>;
