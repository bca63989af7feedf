import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { SubgraphServices } from '@talentgraph/platform';
import { MAX_DOCUMENT_BYTES } from '../cv-parsing/index.ts';
import { serveDownload } from './download.ts';
import { startDocumentServices } from './services.ts';
import { UPLOADS_PATH, receiveUpload } from './upload.ts';

/**
 * The HTTP routes of documents beside GraphQL (the gateway forwards `/documents/…` to them):
 * `PUT /documents/uploads/<token>` receives a CV, `GET /documents/<id>/content?…` serves one through a
 * signed link. Both are authorized by what the URL carries, not by a session.
 */
export function mountDocumentRoutes(app: Express, services: SubgraphServices): void {
  startDocumentServices(services);
  const { orm, logger } = services;
  app.put(
    `${UPLOADS_PATH}/:token`,
    express.raw({ type: () => true, limit: MAX_DOCUMENT_BYTES }),
    (request: Request, response: Response, next: NextFunction) => {
      // A plain Uint8Array: pdf.js refuses Node's Buffer subclass.
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
      receiveUpload(orm.em, String(request.params['token']), bytes, {
        now: new Date(),
        requestId: request.requestId,
      })
        .then((answer) => response.status(answer.status).json(answer.body))
        .catch(next);
    },
  );
  app.get('/documents/:documentId/content', (request: Request, response: Response, next: NextFunction) => {
    serveDownload(orm.em, String(request.params['documentId']), request.query, {
      now: new Date(),
      requestId: request.requestId,
    })
      .then((answer) => {
        response.status(answer.status).set(answer.headers);
        if (Buffer.isBuffer(answer.body)) response.end(answer.body);
        else response.json(answer.body);
      })
      .catch(next);
  });
  // A body over the limit is refused before it is read whole, with the same shape as other refusals.
  app.use('/documents', (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if ((error as { type?: string }).type === 'entity.too.large') {
      response.status(413).json({
        error: {
          code: 'DOCUMENT_TOO_LARGE',
          message: `A CV is at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
        },
      });
      return;
    }
    logger.error({ err: error }, 'document route failed');
    next(error);
  });
}
