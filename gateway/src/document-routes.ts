import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Logger } from '@talentgraph/platform';
import cors from 'cors';
import type { Express, Request, Response } from 'express';
import type { GatewayConfig } from './config.ts';

/** Where clients upload and download CV documents; the profiles subgraph serves them. */
export const DOCUMENTS_PATH = '/documents';

/** A CV is at most 10 MiB (subgraphs/profiles src/cv-parsing/limits.ts); a little more for the framing. */
const MAX_FORWARDED_BYTES = 10 * 1024 * 1024;

/** Response headers of the profiles subgraph that the client needs. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'cache-control',
  'x-content-type-options',
];

/**
 * `PUT /documents/uploads/<token>` and `GET /documents/<id>/content?…`, forwarded as they are to the
 * profiles subgraph (subgraphs publish no port of their own). These URLs carry their own authorization —
 * a one-time upload token, a signed short-lived download link — so no session is read here; the body is
 * streamed, never buffered, and refused at once when it declares more than a CV may weigh.
 */
export function mountDocumentRoutes(
  app: Express,
  services: { readonly config: GatewayConfig; readonly logger: Logger },
): void {
  const profiles = new URL(services.config.PROFILES_URL);
  app.use(
    DOCUMENTS_PATH,
    cors({
      origin: [...services.config.CORS_ORIGINS],
      methods: ['GET', 'PUT'],
      exposedHeaders: ['Content-Disposition'],
    }),
    (request: Request, response: Response) => {
      if (request.method !== 'GET' && request.method !== 'PUT') {
        response
          .status(405)
          .set('allow', 'GET, PUT')
          .json({ error: { code: 'METHOD_NOT_ALLOWED' } });
        return;
      }
      if (Number(request.headers['content-length'] ?? 0) > MAX_FORWARDED_BYTES) {
        response
          .status(413)
          .json({ error: { code: 'DOCUMENT_TOO_LARGE', message: 'A CV is at most 10 MB.' } });
        return;
      }
      const target = new URL(request.originalUrl, profiles.origin);
      const headers: Record<string, string> = { 'x-request-id': request.requestId };
      for (const name of ['content-type', 'content-length']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      fetch(target, {
        method: request.method,
        headers,
        ...(request.method === 'PUT'
          ? { body: Readable.toWeb(request) as unknown as ReadableStream<Uint8Array>, duplex: 'half' }
          : {}),
      } as RequestInit)
        .then((upstream) => {
          response.status(upstream.status);
          for (const name of FORWARDED_RESPONSE_HEADERS) {
            const value = upstream.headers.get(name);
            if (value !== null) response.setHeader(name, value);
          }
          if (upstream.body === null) {
            response.end();
            return;
          }
          Readable.fromWeb(upstream.body as unknown as WebReadableStream<Uint8Array>).pipe(response);
        })
        .catch((error: unknown) => {
          services.logger.warn({ err: error }, 'documents: the profiles subgraph is unavailable');
          if (!response.headersSent) {
            response.status(502).json({ error: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'profiles' } });
          }
        });
    },
  );
}
