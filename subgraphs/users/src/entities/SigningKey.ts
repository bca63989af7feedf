import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JSONWebKey } from '../signing-keys/rotation.ts';

/**
 * A key that signs access tokens. Its private half is stored sealed (AES-256-GCM under
 * AUTH_KEY_ENCRYPTION_KEY) and erased when the key retires; the public half stays published in the JWKS
 * until every token it signed has expired.
 */
export const SigningKeySchema = defineEntity({
  name: 'SigningKey',
  tableName: 'signing_keys',
  properties: {
    /** RFC 7638 thumbprint of the public key, as carried in each token header. */
    kid: p.string().length(64).primary(),
    publicJwk: p.json<JSONWebKey>(),
    privateJwkSealed: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    activatedAt: p.datetime().nullable(),
    retiredAt: p.datetime().nullable().index(),
  },
});

export type SigningKey = InferEntity<typeof SigningKeySchema>;
