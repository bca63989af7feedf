import express, { type Express } from 'express';
import type { IdentityServices } from '../identity/services.ts';
import { liveSessionIds } from './sessions.ts';

export const INTERNAL_SESSION_PATH = '/internal/sessions/:sessionId';
export const INTERNAL_LIVE_SESSIONS_PATH = '/internal/live-sessions';
/** One check covers every WebSocket connection of a gateway; more than this is split by the caller. */
export const LIVE_SESSIONS_MAX = 10_000;

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

  /**
   * `{ "sessionIds": [...] }` → `{ "live": [...] }`, the ones still live: one query for all the
   * WebSocket connections of a gateway, which closes the others.
   */
  app.post(INTERNAL_LIVE_SESSIONS_PATH, express.json({ limit: '1mb' }), async (request, response, next) => {
    try {
      const sessionIds: unknown = (request.body as { sessionIds?: unknown } | undefined)?.sessionIds;
      if (
        !Array.isArray(sessionIds) ||
        sessionIds.length > LIVE_SESSIONS_MAX ||
        !sessionIds.every((id) => typeof id === 'string')
      ) {
        response
          .status(400)
          .json({ error: `sessionIds must be an array of at most ${LIVE_SESSIONS_MAX} strings` });
        return;
      }
      const live = await liveSessionIds(
        identity.orm.em.fork(),
        (sessionIds as string[]).map((sessionId) => ({ sessionId })),
        new Date(),
      );
      response.set('cache-control', 'no-store').json({ live: [...live] });
    } catch (error) {
      next(error);
    }
  });
}
