import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ProfileSchema } from './Profile.ts';

/**
 * An organization unlocked a profile found in search (src/unlocks): its recruiters read the full profile
 * from then on. One row per organization and profile, so that unlocking twice costs one unit of quota.
 */
export const ProfileUnlockSchema = defineEntity({
  name: 'ProfileUnlock',
  tableName: 'profile_unlocks',
  uniques: [{ properties: ['organizationId', 'profile'] }],
  indexes: [{ properties: ['profile'] }, { properties: ['unlockedBy'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    /** The organization (users subgraph id) whose quota paid. */
    organizationId: p.uuid(),
    /** The recruiter who unlocked it; null once their account is erased (the unlock stays the organization's). */
    unlockedBy: p.uuid().nullable(),
    unlockedAt: p.datetime(),
  },
});

export type ProfileUnlock = InferEntity<typeof ProfileUnlockSchema>;
