import type { KeySource } from '@talentgraph/auth';
import type { MikroORM, SubgraphServices } from '@talentgraph/platform';
import type { Express } from 'express';
import { mountDevMailboxRoutes } from '../email/routes.ts';
import { rememberClient } from '../sessions/client.ts';
import { mountSessionRoutes } from '../sessions/routes.ts';
import { mountSigningKeyRoutes } from '../signing-keys/routes.ts';
import { identityOfOrm, startIdentityServices } from './services.ts';

/** This subgraph issues the tokens, so it verifies them with its own keys rather than a remote JWKS. */
export function identityKeySource(orm: MikroORM): KeySource {
  return async (header, token) => {
    const identity = identityOfOrm(orm);
    await identity.ready;
    return identity.keyRing.keySource(header, token);
  };
}

/**
 * Starts the identity services and mounts their HTTP routes beside GraphQL. The client address of a
 * request is the peer's, or the X-Forwarded-For entry added by a proxy listed in TRUSTED_PROXIES (the
 * gateway), counted from the right, so a client cannot choose its own address by sending the header.
 */
export function mountIdentityRoutes(app: Express, services: SubgraphServices): void {
  const identity = startIdentityServices(services);
  app.set('trust proxy', identity.config.TRUSTED_PROXIES);
  app.use(rememberClient());
  mountSigningKeyRoutes(app, identity);
  mountSessionRoutes(app, identity);
  mountDevMailboxRoutes(app, identity);
}
