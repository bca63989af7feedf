import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { INVITABLE_ROLES } from '../organizations/permissions.ts';
import { OrganizationSchema } from './Organization.ts';
import { UserSchema } from './User.ts';

/** An invitation to join an organization, accepted with a token sent by email (stored as its SHA-256). */
export const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'organization_invitations',
  indexes: [{ properties: ['organization', 'email'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organization: () => p.manyToOne(OrganizationSchema).deleteRule('cascade'),
    /** Lower-cased, compared with the accepting account's email. */
    email: p.string().length(320),
    /** OWNER is never invited: an OWNER promotes a member (organizations/permissions.ts). */
    role: p.enum(INVITABLE_ROLES),
    tokenHash: p.string().length(64).unique(),
    invitedBy: () => p.manyToOne(UserSchema).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    acceptedBy: () => p.manyToOne(UserSchema).nullable().deleteRule('set null'),
    /** Set when the invitation is withdrawn, or replaced by a newer one to the same address. */
    revokedAt: p.datetime().nullable(),
  },
});

export type Invitation = InferEntity<typeof InvitationSchema>;
