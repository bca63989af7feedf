import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserSchema } from './User.ts';

/**
 * An account's identity at an OpenID provider: the provider's stable subject (`sub`), never the email,
 * identifies the person at sign-in. One subject per provider and account, one account per subject.
 */
export const SocialIdentitySchema = defineEntity({
  name: 'SocialIdentity',
  tableName: 'social_identities',
  uniques: [{ properties: ['provider', 'subject'] }, { properties: ['user', 'provider'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    provider: p.string().length(32),
    subject: p.string().length(255),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    /** The verified email the provider vouched for when the identity was linked (lower-cased). */
    email: p.string().length(320),
    linkedAt: p.datetime().onCreate(() => new Date()),
    lastSignInAt: p.datetime(),
  },
});

export type SocialIdentity = InferEntity<typeof SocialIdentitySchema>;
