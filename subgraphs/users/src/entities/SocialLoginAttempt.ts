import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A social login between `startSocialLogin` and `completeSocialLogin`: found by the SHA-256 of its state,
 * with its nonce and PKCE code_verifier sealed under a key derived from that state (social-login/attempt.ts).
 * Deleted when completed (single use) and once expired.
 */
export const SocialLoginAttemptSchema = defineEntity({
  name: 'SocialLoginAttempt',
  tableName: 'social_login_attempts',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    provider: p.string().length(32),
    stateHash: p.string().length(64).unique(),
    sealedSecrets: p.text(),
    redirectUri: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime().index(),
  },
});

export type SocialLoginAttempt = InferEntity<typeof SocialLoginAttemptSchema>;
