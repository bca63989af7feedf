import type { Server } from 'node:http';
import { decodeJwt } from 'jose';
import proxyaddr from 'proxy-addr';
import { GRAPHQL_PATH, REQUEST_ID_HEADER, requestIdFrom, type Logger } from '@talentgraph/platform';
import {
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Admission } from '../admission.ts';
import type { Authenticator, Caller } from '../authentication.ts';
import { checkOperation, type OperationRules } from '../limits.ts';
import type { GatewayMetrics } from '../metrics.ts';
import type { Feed, FeedName } from './feeds.ts';
import type { LiveSubscriber, SubscriptionHub } from './hub.ts';
import { liveOperationOf, payloadQueryOf } from './live-operation.ts';
import { liveStream } from './live-stream.ts';

export interface SubscriptionServerOptions {
  readonly httpServer: Server;
  readonly authenticator: Authenticator;
  /** The same rate limits, safelist and partner quota as HTTP requests. */
  readonly admission: Admission;
  /** The same limits as HTTP requests. */
  readonly rules: OperationRules;
  readonly metrics: GatewayMetrics;
  /** Registers a payload query as already validated, derived from a subscription that passed the limits. */
  readonly pinPayloadQuery: (query: string) => void;
  readonly hub: SubscriptionHub;
  readonly feeds: Record<FeedName, Feed>;
  /** The API schema the gateway serves now (it changes only with a new supergraph). */
  readonly schema: () => GraphQLSchema;
  readonly allowedOrigins: readonly string[];
  /** TRUSTED_PROXIES: whose X-Forwarded-For names the caller, as for HTTP requests. */
  readonly trustedProxies: readonly string[];
  readonly production: boolean;
  readonly logger: Logger;
  readonly keepAliveMs: number;
  /** How often connections are checked for ended sign-in sessions. */
  readonly sessionCheckMs: number;
  /** Events a subscriber may have waiting before it counts as too slow and its subscription ends. */
  readonly queueLimit: number;
  readonly maxMessageBytes: number;
}

interface Connection {
  readonly caller: Caller;
  readonly clientIp: string;
  /** The upgrade request's id (its x-request-id, or a new one): in every log line of the connection. */
  readonly logger: Logger;
}

/** Close code of a connection refused by a rate limit (4xxx codes are the application's). */
const TOO_MANY_REQUESTS = 4429;

type SocketContext = Context<Record<string, unknown> | undefined, Extra>;

/**
 * `graphql-ws` on the gateway's GraphQL path and port. A connection authenticates once, in
 * `connectionParams` (`authorization: "Bearer …"` or `x-api-key`), as an HTTP request does with headers,
 * and lives as long as its access token: it is closed when the token expires (4403, so that clients
 * reconnect with a fresh one). Browsers' Origin must be one the HTTP API accepts too.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): { dispose(): Promise<void> } {
  const connections = new Map<WebSocket, Connection>();
  const expiryTimers = new Map<WebSocket, NodeJS.Timeout>();
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const allowedOrigins = new Set(options.allowedOrigins);
  const trustProxy = proxyaddr.compile([...options.trustedProxies]);
  const webSocketServer = new WebSocketServer({
    server: options.httpServer,
    path: GRAPHQL_PATH,
    maxPayload: options.maxMessageBytes,
    verifyClient: ({ origin }: { origin?: string }) => !origin || allowedOrigins.has(origin),
  });

  const server = useServer<Record<string, unknown> | undefined>(
    {
      onConnect: async (context: SocketContext) => {
        const { socket, request } = context.extra;
        // The same caller address as Express gives HTTP requests, for the same per-address limit.
        const clientIp = proxyaddr(request, trustProxy);
        const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
        const logger = options.logger.child({ requestId });
        let caller: Caller;
        try {
          await options.admission.admitAddress(clientIp);
        } catch (error) {
          const message = error instanceof GraphQLError ? error.message : 'Too many requests.';
          socket.close(TOO_MANY_REQUESTS, truncate(`Too many requests: ${message}`));
          return false;
        }
        try {
          caller = await options.authenticator.authenticate(credentialsOf(context.connectionParams));
        } catch (error) {
          const message = error instanceof GraphQLError ? error.message : 'Authentication failed.';
          logger.info({ reason: message }, 'WebSocket connection refused');
          socket.close(CloseCode.Unauthorized, truncate(`Unauthorized: ${message}`));
          return false;
        }
        connections.set(socket, { caller, clientIp, logger });
        options.metrics.webSocketOpened();
        logger.debug({ viewer: caller.viewer?.kind ?? 'ANONYMOUS' }, 'WebSocket connection opened');
        closeAtTokenExpiry(socket, caller, expiryTimers);
        return true;
      },

      onClose: (context: SocketContext, code, reason) => {
        const connection = connections.get(context.extra.socket);
        if (connection) {
          options.metrics.webSocketClosed();
          connection.logger.debug({ code, reason }, 'WebSocket connection closed');
        }
        connections.delete(context.extra.socket);
        clearTimeout(expiryTimers.get(context.extra.socket));
        expiryTimers.delete(context.extra.socket);
      },

      onSubscribe: async (context: SocketContext, _id, payload) => {
        const connection = connections.get(context.extra.socket);
        if (!connection)
          return [new GraphQLError('Not connected.', { extensions: { code: 'UNAUTHENTICATED' } })];
        const schema = options.schema();
        let document: DocumentNode | readonly GraphQLError[];
        try {
          const persisted = options.admission.persistedOperationOf(connection.caller, payload);
          await options.admission.admitCaller(connection.caller);
          document =
            persisted?.document ?? parsedAndValidated(documents, schema, payload.query, options.rules);
          options.metrics.countSubscribe(persisted?.name ?? payload.operationName);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          options.metrics.countError(error.extensions['code']);
          return [withoutHttp(error)];
        }
        if (!('kind' in document)) {
          for (const error of document) options.metrics.countError(error.extensions['code']);
          return document;
        }
        const variables = payload.variables ?? {};
        try {
          const live = liveOperationOf(document, payload.operationName, variables);
          const feed = options.feeds[live.field as FeedName];
          if (!feed)
            throw new GraphQLError(`${live.field} is not a live feed.`, {
              extensions: { code: 'BAD_REQUEST' },
            });
          const { viewer } = connection.caller;
          const scopeId = feed.scopeOf(live.args, viewer);
          const [allowed] = await feed.readers(scopeId, [viewer]);
          if (!allowed) {
            throw new GraphQLError(
              viewer === null ? 'Sign in to follow this feed.' : 'You may not read this feed.',
              { extensions: { code: viewer === null ? 'UNAUTHENTICATED' : 'FORBIDDEN' } },
            );
          }
          const payloadQuery = payloadQueryOf(document, payload.operationName, feed.entityField);
          options.pinPayloadQuery(payloadQuery);
          const subscription: Omit<LiveSubscriber, 'deliver' | 'end'> = {
            feed: live.field as FeedName,
            scopeId,
            viewer,
            authorization: connection.caller.authorization,
            clientIp: connection.clientIp,
            payloadQuery,
            variables,
          };
          return {
            schema,
            document,
            variableValues: variables,
            operationName: payload.operationName ?? null,
            contextValue: subscription,
          } satisfies ExecutionArgs;
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      },

      subscribe: (args: ExecutionArgs) =>
        liveStream(
          args.contextValue as Omit<LiveSubscriber, 'deliver' | 'end'>,
          options.hub,
          options.queueLimit,
        ) as AsyncGenerator<ExecutionResult>,

      onNext: (_context, _id, _payload, _args, result) => result as FormattedExecutionResult,
      isProd: options.production,
    },
    webSocketServer,
    options.keepAliveMs,
  );

  const sessionCheck = setInterval(() => {
    closeEndedSessions(connections, options.authenticator).catch((error: unknown) => {
      options.logger.warn({ err: error }, 'could not check the sessions of WebSocket connections');
    });
  }, options.sessionCheckMs);
  sessionCheck.unref();

  return {
    async dispose() {
      clearInterval(sessionCheck);
      for (const timer of expiryTimers.values()) clearTimeout(timer);
      expiryTimers.clear();
      await server.dispose();
    },
  };
}

/**
 * A logout or a disabled account ends a session at once for HTTP requests; connections made with it
 * are closed at the next check (4401: the client must sign in again).
 */
async function closeEndedSessions(
  connections: Map<WebSocket, Connection>,
  authenticator: Authenticator,
): Promise<void> {
  const bySession = new Map<string, WebSocket[]>();
  for (const [socket, { caller }] of connections) {
    if (caller.viewer?.kind !== 'USER') continue;
    bySession.set(caller.viewer.sessionId, [...(bySession.get(caller.viewer.sessionId) ?? []), socket]);
  }
  if (bySession.size === 0) return;
  const live = await authenticator.liveSessions([...bySession.keys()]);
  for (const [sessionId, sockets] of bySession) {
    if (live.has(sessionId)) continue;
    for (const socket of sockets)
      socket.close(CloseCode.Unauthorized, 'Unauthorized: this session has ended.');
  }
}

/** `connectionParams` as the headers an HTTP request would carry. */
function credentialsOf(params: Record<string, unknown> | undefined): {
  authorization?: string;
  'x-api-key'?: string;
} {
  const read = (...names: string[]) => {
    for (const name of names) {
      const value = params?.[name];
      if (typeof value === 'string' && value.length > 0) return value;
    }
    return undefined;
  };
  const authorization = read('authorization', 'Authorization');
  const apiKey = read('x-api-key', 'apiKey');
  return { ...(authorization ? { authorization } : {}), ...(apiKey ? { 'x-api-key': apiKey } : {}) };
}

function closeAtTokenExpiry(socket: WebSocket, caller: Caller, timers: Map<WebSocket, NodeJS.Timeout>): void {
  if (!caller.authorization) return;
  const { exp } = decodeJwt(caller.authorization.slice('Bearer '.length));
  if (!exp) return;
  const timer = setTimeout(
    () =>
      socket.close(CloseCode.Forbidden, 'Forbidden: the access token expired; reconnect with a fresh one.'),
    Math.max(0, exp * 1000 - Date.now()),
  );
  timer.unref();
  timers.set(socket, timer);
}

/**
 * Parsed and validated once per distinct text, like the HTTP path's document cache, with the same rules
 * and limits as HTTP requests.
 */
function parsedAndValidated(
  cache: Map<string, DocumentNode | readonly GraphQLError[]>,
  schema: GraphQLSchema,
  query: string,
  rules: OperationRules,
): DocumentNode | readonly GraphQLError[] {
  const cached = cache.get(query);
  if (cached) return cached;
  const outcome = checkOperation(schema, query, rules);
  cache.set(query, outcome);
  if (cache.size > 1_000) cache.delete(cache.keys().next().value!);
  return outcome;
}

/** A refusal as a graphql-ws error: the HTTP status and headers meant for HTTP responses are left out. */
function withoutHttp(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}

/** WebSocket close reasons are limited to 123 bytes. */
function truncate(reason: string): string {
  return Buffer.byteLength(reason) <= 123 ? reason : `${reason.slice(0, 119)}…`;
}
