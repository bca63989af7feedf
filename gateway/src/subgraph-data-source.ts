import type { OutgoingHttpHeaders } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER, TRACEPARENT_HEADER, outgoingTraceparent } from '@talentgraph/platform';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';
import type { InFlightQueries } from './shared-fetches.ts';
import { SubgraphHttpClient, SubgraphTimeoutError, type SubgraphAnswer } from './subgraph-http.ts';

/** What the metrics learn of the data source's work. */
export interface FetchObserver {
  /** One fetch made, with its outcome and duration. */
  fetched(outcome: 'ok' | 'error' | 'timeout', seconds: number): void;
  /** One query answered by the identical fetch of another request, already in flight. */
  shared(): void;
}

export interface SubgraphDataSourceOptions {
  readonly timeoutMs: number;
  /** Keep-alive connections to the subgraph, at most (SUBGRAPH_MAX_CONNECTIONS). */
  readonly maxConnections: number;
  readonly observe: FetchObserver;
  /** Where identical queries in flight meet (shared-fetches.ts); null: every query makes its own fetch. */
  readonly inFlightQueries: InFlightQueries | null;
}

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A GraphQL body, as Apollo Server subgraphs answer with or without an HTTP error status. */
const GRAPHQL_JSON = /^application\/(graphql-response\+)?json/;

/**
 * How the gateway calls one subgraph: a POST over a keep-alive pool (subgraph-http.ts), a deadline per
 * fetch that also covers reading the body (a subgraph that sends headers and then stalls is as
 * unavailable as one that never answers), the caller's request id, trace (a new span per fetch),
 * access token and address forwarded, and its duration and outcome measured. A failure is reported as an
 * error that names the subgraph, so the rest of the query still returns what the other subgraphs could
 * give. Identical queries in flight at the same time share one fetch (see InFlightQueries for what that
 * means).
 *
 * It stands in for Apollo's RemoteGraphQLDataSource, which builds node-fetch `Headers` and a `Request`
 * (parsing the URL) for every fetch even with a custom fetcher. What that class did and this one keeps:
 * the body `{ query, variables, operationName }` (APQ to subgraphs stays off), any header the query plan
 * executor adds (`request.http.headers`), a non-JSON or non-object answer treated as a failure. What
 * differs: a subgraph's expected refusals (401, 403, 429) come with an HTTP error status and a GraphQL
 * body, which is passed on as a response, so its errors keep their codes (RATE_LIMITED with its retry
 * delay, FORBIDDEN) and the rest of the data survives; and subgraphs' `cache-control` headers are not
 * read: the gateway answers `no-store` whatever they say (none of ours sets a cache hint, and answers
 * depend on the caller).
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly subgraphName: string;
  readonly #url: string;
  readonly #http: SubgraphHttpClient;
  readonly #timeoutMs: number;
  readonly #observe: FetchObserver;
  readonly #inFlightQueries: InFlightQueries | null;

  constructor(subgraphName: string, url: string, options: SubgraphDataSourceOptions) {
    this.subgraphName = subgraphName;
    this.#url = url;
    this.#http = new SubgraphHttpClient(url, { maxConnections: options.maxConnections });
    this.#timeoutMs = options.timeoutMs;
    this.#observe = options.observe;
    this.#inFlightQueries = options.inFlightQueries;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Health checks and schema loading carry no request context (the gateway uses neither).
    const context = options.context as Partial<GatewayContext>;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      ...(request.extensions ? { extensions: request.extensions } : {}),
    });
    const credentials = context.authorization ?? '';
    const operation = 'incomingRequestContext' in options ? options.incomingRequestContext.operation : null;
    // Federated traces (the only headers the executor adds) are per request.
    const shareable = operation?.operation === 'query' && request.http === undefined;
    if (operation?.operation === 'mutation') this.#inFlightQueries?.forget(credentials);
    try {
      const answer =
        shareable && this.#inFlightQueries
          ? await this.#sharedFetch(this.#inFlightQueries, credentials, body, request, context)
          : await this.#fetch(body, headersOf(request, context));
      return responseOf(answer);
    } catch (error) {
      throw this.#unavailable(error);
    }
  }

  /** Closes the connections to the subgraph (when the gateway stops). */
  close(): void {
    this.#http.close();
  }

  /** The answer of the identical query in flight, or of a new fetch that identical queries may join. */
  #sharedFetch(
    inFlightQueries: InFlightQueries,
    credentials: string,
    body: string,
    request: GraphQLDataSourceProcessOptions['request'],
    context: Partial<GatewayContext>,
  ): Promise<SubgraphAnswer> {
    const key = `${this.#url}\n${body}`;
    const joined = inFlightQueries.join(credentials, key, {
      requestId: context.requestId ?? '',
      traceId: context.trace?.traceId ?? '',
    });
    if (joined) {
      this.#observe.shared();
      return joined;
    }
    // Only a fetch that goes out needs headers (and a span id).
    const headers = headersOf(request, context);
    return inFlightQueries.lead(credentials, key, this.#fetch(body, headers), (sharers) =>
      context.logger?.info(
        { subgraph: this.subgraphName, traceparent: headers[TRACEPARENT_HEADER], sharedWith: sharers },
        'subgraph fetch shared',
      ),
    );
  }

  async #fetch(body: string, headers: OutgoingHttpHeaders): Promise<SubgraphAnswer> {
    const startedAt = performance.now();
    const seconds = () => (performance.now() - startedAt) / 1000;
    let answer: SubgraphAnswer;
    try {
      answer = await this.#http.post(body, headers, this.#timeoutMs);
    } catch (error) {
      this.#observe.fetched(error instanceof SubgraphTimeoutError ? 'timeout' : 'error', seconds());
      throw error;
    }
    this.#observe.fetched(answer.status >= 200 && answer.status < 300 ? 'ok' : 'error', seconds());
    return answer;
  }

  #unavailable(error: unknown): GraphQLError {
    return new GraphQLError(
      `The ${this.subgraphName} subgraph is unavailable; its fields are missing from this response.`,
      {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraphName },
        originalError: error instanceof Error ? error : new Error(String(error)),
      },
    );
  }
}

/** The caller's request id, a new span of its trace, its token and its address, for one fetch. */
function headersOf(
  request: GraphQLDataSourceProcessOptions['request'],
  context: Partial<GatewayContext>,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json' };
  for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
  if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
  if (context.trace) headers[TRACEPARENT_HEADER] = outgoingTraceparent(context.trace);
  if (context.authorization) headers['authorization'] = context.authorization;
  if (context.clientIp) headers['x-forwarded-for'] = context.clientIp;
  return headers;
}

/**
 * The GraphQL response in a subgraph's answer: a JSON object, with a 2xx status or, for a refusal, any
 * status. Parsed here for each caller, as the gateway's executor writes into the objects it receives.
 */
function responseOf(answer: SubgraphAnswer): GatewayGraphQLResponse {
  const successful = answer.status >= 200 && answer.status < 300;
  if (!GRAPHQL_JSON.test(answer.contentType)) {
    throw new Error(`answered ${answer.status} with ${answer.contentType || 'no content type'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    throw new Error(`answered ${answer.status} with a body that is not JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`answered ${answer.status} with JSON that is not a GraphQL response`);
  }
  if (!successful && !('errors' in parsed)) {
    throw new Error(`answered ${answer.status} without GraphQL errors`);
  }
  return parsed as GatewayGraphQLResponse;
}
