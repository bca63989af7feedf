import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MEMBERSHIP_ROLES } from '../domain/organization.ts';
import { OrganizationSchema } from './Organization.ts';
import { UserSchema } from './User.ts';

export const MembershipSchema = defineEntity({
  name: 'Membership',
  tableName: 'memberships',
  uniques: [{ properties: ['user', 'organization'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    organization: () => p.manyToOne(OrganizationSchema).deleteRule('cascade').index(),
    role: p.enum(MEMBERSHIP_ROLES),
    joinedAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Membership = InferEntity<typeof MembershipSchema>;
