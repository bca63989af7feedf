import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { COMMUNITY_VISIBILITIES } from '../domain/community.ts';

export const CommunitySchema = defineEntity({
  name: 'Community',
  tableName: 'communities',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    slug: p.string().length(80).unique(),
    name: p.string().length(120),
    description: p.text(),
    visibility: p.enum(COMMUNITY_VISIBILITIES),
    /**
     * Account of the users subgraph that created the community (another database, so no foreign key);
     * null once that account is erased: the community carries on with its members.
     */
    createdById: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Community = InferEntity<typeof CommunitySchema>;
