import type { Express } from 'express';
import type { IdentityServices } from '../identity/services.ts';
import { liveSessionIds } from './sessions.ts';

export const INTERNAL_SESSION_PATH = '/internal/sessions/:sessionId';

/**
 * `{ active: boolean }` for a session id: false once it ended (logout, password change, refresh-token
 * reuse, expiry) or its account was disabled or deleted. The gateway asks, with a short cache, before
 * trusting a still-unexpired access token; it reveals nothing a token holder does not already know.
 */
export function mountSessionRoutes(app: Express, identity: IdentityServices): void {
  app.get(INTERNAL_SESSION_PATH, async (request, response, next) => {
    try {
      const { sessionId } = request.params;
      const live = await liveSessionIds(identity.orm.em.fork(), [{ sessionId }], new Date());
      response.set('cache-control', 'no-store').json({ active: live.has(sessionId) });
    } catch (error) {
      next(error);
    }
  });
}
