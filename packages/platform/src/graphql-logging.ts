import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from './logger.ts';

/**
 * One log line per GraphQL request (operation, duration, error count) on the request's logger, which
 * carries the request id; unexpected errors are logged with their cause, expected ones (with a code
 * such as BAD_USER_INPUT) are not, since they are the client's to handle.
 */
export function requestLogging<Context extends { readonly logger: Logger }>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          contextValue.logger.info(
            {
              operationName: operationName ?? null,
              durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
              errorCount: errors?.length ?? 0,
            },
            'graphql request',
          );
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.['code'];
            if (!code || code === 'INTERNAL_SERVER_ERROR') {
              contextValue.logger.error({ err: error.originalError ?? error }, 'request failed');
            }
          }
        },
      };
    },
  };
}
