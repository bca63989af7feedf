import { readFileSync } from 'node:fs';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '@talentgraph/platform';
import cors from 'cors';
import type { Express, Request, Response } from 'express';
import type { Admission } from './admission.ts';
import type { GatewayConfig } from './config.ts';
import type { GatewayContext } from './context.ts';

/** Where the signed-in person downloads their data (GDPR), with their bearer token. */
export const DATA_EXPORT_PATH = '/me/data-export';

/**
 * The app's own operation (the manifest holds it too, but a deployment may serve a manifest of its own):
 * the file holds what the app receives.
 */
const EXPORT_OPERATION = readFileSync(
  new URL('../../schema/operations/app/ExportMyData.graphql', import.meta.url),
  'utf8',
);

/** A refusal of the operation, as the HTTP status a download answers it with. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

interface ExportResult {
  readonly exportMyData?: {
    readonly export?: { readonly generatedAt: string } | null;
  } | null;
}

/**
 * `GET /me/data-export`: the person's data as a JSON file to save. The request passes the same admission
 * as GraphQL (rate limits, authentication), then the gateway runs the app's ExportMyData operation
 * through its own federated execution: the file is that operation's `export`, the same document as the
 * GraphQL answer. A refusal keeps its meaning as an HTTP status (401, 403, 429 with Retry-After); an
 * export any service failed to contribute to is refused whole (502), never handed out incomplete.
 */
export function mountPersonalDataDownload(
  app: Express,
  services: {
    readonly apollo: ApolloServer<GatewayContext>;
    readonly admission: Admission;
    readonly config: GatewayConfig;
    readonly logger: Logger;
  },
): void {
  app.get(
    DATA_EXPORT_PATH,
    cors({
      origin: [...services.config.CORS_ORIGINS],
      credentials: true,
      exposedHeaders: ['Content-Disposition'],
    }),
    services.admission.middleware(),
    (request: Request, response: Response, next) => {
      const { caller, clientIp } = request.admitted!;
      const context: GatewayContext = {
        requestId: request.requestId,
        trace: request.trace,
        logger: services.logger.child({ requestId: request.requestId, traceId: request.trace.traceId }),
        viewer: caller.viewer,
        authorization: caller.authorization,
        clientIp,
        persistedOperation: null,
      };
      services.apollo
        .executeOperation<ExportResult>({ query: EXPORT_OPERATION }, { contextValue: context })
        .then((result) => {
          response.setHeader('cache-control', 'no-store');
          const retryAfter = result.http.headers.get('retry-after');
          if (retryAfter) response.setHeader('retry-after', retryAfter);
          if (result.body.kind !== 'single') throw new Error('ExportMyData answered incrementally');
          const { data, errors } = result.body.singleResult;
          const exported = data?.exportMyData?.export;
          if (errors?.length || !exported) {
            const code = errors?.find((error) => typeof error.extensions?.['code'] === 'string')
              ?.extensions?.['code'] as string | undefined;
            response.status(STATUS_OF_CODE[code ?? ''] ?? 502).json({ errors: errors ?? [] });
            return;
          }
          response
            .status(200)
            .type('application/json')
            .setHeader(
              'content-disposition',
              `attachment; filename="talentgraph-data-${exported.generatedAt.slice(0, 10)}.json"`,
            )
            .send(JSON.stringify(exported, null, 2));
        })
        .catch(next);
    },
  );
}
