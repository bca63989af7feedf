import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { COMMUNITY_MEMBER_ROLES } from '../domain/community.ts';
import { CommunitySchema } from './Community.ts';

export const CommunityMemberSchema = defineEntity({
  name: 'CommunityMember',
  tableName: 'community_members',
  uniques: [{ properties: ['community', 'userId'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    community: () => p.manyToOne(CommunitySchema).deleteRule('cascade'),
    /** Account of the users subgraph (another database, so no foreign key). */
    userId: p.uuid(),
    role: p.enum(COMMUNITY_MEMBER_ROLES),
    joinedAt: p.datetime().onCreate(() => new Date()),
  },
});

export type CommunityMember = InferEntity<typeof CommunityMemberSchema>;
