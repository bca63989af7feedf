import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER, TRACEPARENT_HEADER, outgoingTraceparent } from '@talentgraph/platform';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';

/** Called once per subgraph fetch with its outcome and duration (metrics). */
export type FetchObserver = (outcome: 'ok' | 'error' | 'timeout', seconds: number) => void;

/**
 * A subgraph answers expected failures (401, 403, 429) with an HTTP error status and a GraphQL body;
 * Apollo's data source would turn any non-2xx status into an opaque failure. A GraphQL body is passed on
 * as a response instead, so its errors keep their codes (RATE_LIMITED with its retry delay, FORBIDDEN)
 * and the rest of the data survives.
 */
function graphqlAwareFetcher(timeoutMs: number, observe: FetchObserver) {
  return async (input: string, init: RequestInit): Promise<Response> => {
    const startedAt = performance.now();
    // The deadline also covers reading the body: a subgraph that sends headers and then stalls is as
    // unavailable as one that never answers.
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal });
    } catch (error) {
      observe(signal.aborted ? 'timeout' : 'error', (performance.now() - startedAt) / 1000);
      throw error;
    }
    observe(response.ok ? 'ok' : 'error', (performance.now() - startedAt) / 1000);
    const contentType = response.headers.get('content-type') ?? '';
    if (response.ok || !/^application\/(graphql-response\+)?json/.test(contentType)) return response;
    const body = await response.text();
    return new Response(body, { status: 200, headers: { 'content-type': contentType } });
  };
}

/**
 * How the gateway calls one subgraph: Node's own fetch (undici, keep-alive pool), a deadline per fetch,
 * the caller's request id and trace (a new span per fetch) forwarded, its duration measured, and a failure reported as an error that names the subgraph, so the
 * rest of the query still returns what the other subgraphs could give.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly subgraphName: string;

  constructor(subgraphName: string, url: string, timeoutMs: number, observe: FetchObserver) {
    super({ url, fetcher: graphqlAwareFetcher(timeoutMs, observe) as never });
    this.subgraphName = subgraphName;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.trace) headers.set(TRACEPARENT_HEADER, outgoingTraceparent(context.trace));
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.clientIp) headers.set('x-forwarded-for', context.clientIp);
  }

  override didEncounterError(error: Error): never {
    throw new GraphQLError(
      `The ${this.subgraphName} subgraph is unavailable; its fields are missing from this response.`,
      {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraphName },
        originalError: error,
      },
    );
  }
}
