import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '@talentgraph/platform';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';

/**
 * How the gateway calls one subgraph: Node's own fetch (undici, keep-alive pool), a deadline per fetch,
 * the caller's request id forwarded, and a failure reported as an error that names the subgraph, so the
 * rest of the query still returns what the other subgraphs could give.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly subgraphName: string;

  constructor(subgraphName: string, url: string, timeoutMs: number) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
    this.subgraphName = subgraphName;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
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
