import { AsyncLocalStorage } from 'node:async_hooks';
import express, { type Express, type Request } from 'express';
import { requestIdFrom, REQUEST_ID_HEADER } from './request-id.ts';
import { TRACEPARENT_HEADER, traceContextFrom, type TraceContext } from './trace-context.ts';

const currentRequestId = new AsyncLocalStorage<string>();

/**
 * The id of the HTTP request being served, wherever the code runs on its behalf; null outside a request
 * (a background task, an event handler). Domain events carry it as their correlation id.
 */
export function requestIdInScope(): string | null {
  return currentRequestId.getStore() ?? null;
}

export const GRAPHQL_PATH = '/graphql';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the request-id middleware before any route runs. */
    requestId: string;
    /** The W3C trace this request belongs to (the caller's `traceparent`, or a new one). */
    trace: TraceContext;
  }
}

/**
 * The HTTP shell every service shares: request id on every request (echoed in the response so a client
 * can quote it in a bug report), its W3C trace context, `/health` for liveness and `/ready` for readiness.
 */
export function createServiceApp(isReady: () => Promise<boolean>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((request, response, next) => {
    request.requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.trace = traceContextFrom(request.headers[TRACEPARENT_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, request.requestId);
    currentRequestId.run(request.requestId, next);
  });
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', async (_request, response) => {
    const ready = await isReady();
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  return app;
}

export function requestIdOf(request: Request): string {
  return request.requestId;
}
