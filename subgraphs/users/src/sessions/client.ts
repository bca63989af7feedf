import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/**
 * Who is on the other end of the current HTTP request, for rate limits, the sessions list and the audit
 * log.
 */
export interface ClientInfo {
  /** Express's `req.ip`: the peer address, or the X-Forwarded-For entry of a trusted proxy. */
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** The request's id (the gateway's `x-request-id`), the same as the GraphQL context's `requestId`. */
  readonly requestId: string | null;
}

const UNKNOWN_CLIENT: ClientInfo = { ip: null, userAgent: null, requestId: null };
const USER_AGENT_MAX_LENGTH = 400;

const currentRequestClient = new AsyncLocalStorage<ClientInfo>();

/**
 * Makes the request's client known to the resolvers it runs (the GraphQL context, built by the shared
 * platform, carries no request). Mounted before the GraphQL route.
 */
export function rememberClient(): RequestHandler {
  return (request, _response, next) => {
    const userAgent = request.headers['user-agent'];
    currentRequestClient.run(
      {
        ip: request.ip ?? null,
        userAgent: typeof userAgent === 'string' ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
        requestId: request.requestId,
      },
      next,
    );
  };
}

export function currentClient(): ClientInfo {
  return currentRequestClient.getStore() ?? UNKNOWN_CLIENT;
}
