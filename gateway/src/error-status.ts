import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Errors that come back from subgraphs reach the client inside the GraphQL body; this sets the HTTP
 * signals a client or a proxy acts on: `Retry-After` whenever a rate limit was hit, and 429 when the
 * limit left nothing to return (partial data stays 200, as GraphQL over HTTP expects).
 */
export function errorStatusPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          const retryAfter = Math.max(
            0,
            ...(errors ?? [])
              .filter((error) => error.extensions?.['code'] === 'RATE_LIMITED')
              .map((error) => Number(error.extensions?.['retryAfterSeconds'] ?? 1)),
          );
          if (retryAfter === 0) return;
          response.http.headers.set('retry-after', String(Math.ceil(retryAfter)));
          const body = response.body;
          if (body.kind === 'single' && (body.singleResult.data == null || isEmpty(body.singleResult.data))) {
            response.http.status = 429;
          }
        },
      };
    },
  };
}

function isEmpty(data: Record<string, unknown>): boolean {
  return Object.values(data).every((value) => value === null);
}
