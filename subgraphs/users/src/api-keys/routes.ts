import type { Express } from 'express';
import type { SubgraphServices } from '@talentgraph/platform';
import { issueAccessToken } from '../signing-keys/access-tokens.ts';
import { partnerOfApiKey } from './api-keys.ts';

export const PARTNER_TOKEN_PATH = '/auth/partner-token';

/**
 * Exchanges a partner API key (`x-api-key` header) for a short-lived access token of the PARTNER role,
 * scoped to the key's organization: `{ accessToken, expiresAt }`. The gateway calls this once per key
 * and caches the token, so subgraphs only ever see signed tokens. Any key that does not work answers 401
 * with the same message, whatever the reason.
 */
export function mountApiKeyRoutes(app: Express, services: SubgraphServices): void {
  app.post(PARTNER_TOKEN_PATH, (request, response, next) => {
    (async () => {
      response.set('cache-control', 'no-store');
      const header = request.headers['x-api-key'];
      const presented = Array.isArray(header) ? header[0] : header;
      const em = services.orm.em.fork();
      const now = new Date();
      const partner = presented ? await partnerOfApiKey(em, presented, now) : null;
      if (!partner) {
        response
          .status(401)
          .json({ error: { code: 'UNAUTHENTICATED', message: 'Unknown or revoked API key.' } });
        return;
      }
      const { token, expiresAt } = await issueAccessToken(em, partner, now);
      response.json({ accessToken: token, expiresAt: expiresAt.toISOString() });
    })().catch(next);
  });
}
