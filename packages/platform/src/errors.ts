import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Invalid arguments that the schema's types cannot express (bounds, malformed cursors, …). */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) },
  });
}

/** Error codes a client is expected to act on; anything else is an internal failure. */
const CLIENT_FACING_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'SUBGRAPH_UNAVAILABLE',
]);

/**
 * Apollo Server `formatError` for production: expected errors pass unchanged, any other error (a bug,
 * a database message) becomes a generic message so no internal detail reaches the client.
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && CLIENT_FACING_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every entity id in talentgraph is a UUID. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * For `thing(id:)` arguments: a malformed id is the caller's mistake and gets BAD_USER_INPUT, while a
 * well-formed unknown id is simply not found (null).
 */
export function requireId(id: string, argumentName = 'id'): string {
  if (!isUuid(id))
    throw badUserInput(`"${argumentName}" must be an id (a UUID), got ${JSON.stringify(id)}`, argumentName);
  return id;
}

/**
 * Resolvers of a subgraph's `Subscription` fields, which the subgraph declares only so that they compose
 * into the supergraph: the gateway serves them over WebSocket and reads each payload with ordinary
 * queries. A subscription sent to the subgraph directly (Apollo Server would run it over HTTP as a query)
 * gets a clear refusal rather than a puzzling null.
 */
export function servedByTheGateway(subgraphName: string): { subscribe: () => never; resolve: () => never } {
  const refuse = (): never => {
    throw new GraphQLError(
      `Subscriptions are served by the gateway over WebSocket (graphql-ws on its /graphql path), not by the ${subgraphName} subgraph.`,
      { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
    );
  };
  return { subscribe: refuse, resolve: refuse };
}
