import type { Express } from 'express';
import { toJwks } from '@talentgraph/auth';
import type { IdentityServices } from '../identity/services.ts';
import { publishedSigningKeys } from './store.ts';

/** Verifiers (the gateway, every subgraph) cache the key set this long; rotation refetches on unknown kid. */
const JWKS_MAX_AGE_SECONDS = 300;

export function mountSigningKeyRoutes(app: Express, identity: IdentityServices): void {
  app.get('/.well-known/jwks.json', async (_request, response, next) => {
    try {
      await identity.ready;
      const keys = await publishedSigningKeys(identity.orm.em, new Date());
      response
        .set('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`)
        .type('application/jwk-set+json')
        .send(JSON.stringify(toJwks(keys.map((key) => ({ publicJwk: key.publicJwk as never })))));
    } catch (error) {
      next(error);
    }
  });
}
