import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { createEventTransport, type EventConsumer, type EventTransport } from '@talentgraph/events';
import { ensureDatabaseExists, traceContextFrom, type Logger } from '@talentgraph/platform';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { Admission } from '../admission.ts';
import type { Authenticator } from '../authentication.ts';
import type { GatewayConfig } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import type { OperationRules } from '../limits.ts';
import type { GatewayMetrics } from '../metrics.ts';
import { inProcessFanout, redisFanout, type Fanout } from './fanout.ts';
import { ANNOUNCED_EVENT_TYPES, announcementOf, createFeeds } from './feeds.ts';
import { SubscriptionHub, type PayloadResolver } from './hub.ts';
import { startSubscriptionServer } from './websocket.ts';

/** The consumer group of the event backbone that feeds every gateway's subscriptions. */
export const GATEWAY_EVENT_GROUP = 'gateway-live-feeds';

/** Live feeds are about now: an event older than this (a gateway catching up after a pause) is skipped. */
const STALE_EVENT_MS = 60_000;

export interface LiveFeeds {
  /** Subscriptions open on this gateway. */
  readonly subscriberCount: () => number;
  stop(): Promise<void>;
}

export interface LiveFeedOptions {
  readonly config: GatewayConfig;
  readonly httpServer: Server;
  readonly authenticator: Authenticator;
  readonly admission: Admission;
  readonly rules: OperationRules;
  readonly metrics: GatewayMetrics;
  readonly apollo: ApolloServer<GatewayContext>;
  /** Registers a subscription's payload query as already validated (PinnedDocumentStore). */
  readonly pinPayloadQuery: (query: string) => void;
  readonly schema: () => GraphQLSchema;
  readonly logger: Logger;
}

/**
 * Subscriptions through the gateway: domain events from the backbone (one replica takes each), fanned
 * out to every replica (Redis pub/sub, or in-process without Redis), served to each replica's WebSocket
 * subscribers, whose payloads are read through the federated query path like any query.
 */
export async function startLiveFeeds(options: LiveFeedOptions): Promise<LiveFeeds> {
  const { config, logger, apollo } = options;
  const feeds = createFeeds({
    communityBaseUrl: new URL('/', config.COMMUNITY_URL).toString(),
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
  });
  const resolvePayload: PayloadResolver = async (query, variables, subscriber) => {
    const requestId = randomUUID();
    const trace = traceContextFrom(undefined);
    const response = await apollo.executeOperation(
      { query, variables },
      {
        contextValue: {
          requestId,
          trace,
          logger: logger.child({ requestId, traceId: trace.traceId }),
          viewer: subscriber.viewer,
          authorization: subscriber.authorization,
          clientIp: subscriber.clientIp,
          persistedOperation: null,
        },
      },
    );
    if (response.body.kind !== 'single') throw new Error('a payload query answered incrementally');
    return response.body.singleResult as FormattedExecutionResult;
  };
  const hub = new SubscriptionHub(feeds, resolvePayload, logger);

  const fanout: Fanout = config.REDIS_URL
    ? await redisFanout(config.REDIS_URL, `${config.EVENTS_KEY_PREFIX}live-feeds`, logger)
    : inProcessFanout();
  fanout.onAnnouncement((announcement) => {
    hub.announce(announcement).catch((error: unknown) => {
      logger.error({ err: error, announcement }, 'could not serve an announcement');
    });
  });

  let transport: EventTransport | null = null;
  let consumer: EventConsumer | null = null;
  try {
    if (!config.REDIS_URL) await ensureDatabaseExists(config.EVENTS_DATABASE_URL);
    transport = await createEventTransport({
      redisUrl: config.REDIS_URL || undefined,
      keyPrefix: config.EVENTS_KEY_PREFIX,
      eventsDatabaseUrl: config.EVENTS_DATABASE_URL,
      logger,
    });
    consumer = await transport.consume(GATEWAY_EVENT_GROUP, async (event) => {
      if (!ANNOUNCED_EVENT_TYPES.includes(event.type)) return;
      if (Date.now() - Date.parse(event.occurredAt) > STALE_EVENT_MS) return;
      const announcement = announcementOf(event);
      if (announcement) await fanout.publish(announcement);
    });
  } catch (error) {
    await consumer?.stop();
    await transport?.close();
    await fanout.close();
    throw error;
  }

  const server = startSubscriptionServer({
    httpServer: options.httpServer,
    authenticator: options.authenticator,
    admission: options.admission,
    rules: options.rules,
    metrics: options.metrics,
    pinPayloadQuery: options.pinPayloadQuery,
    hub,
    feeds,
    schema: options.schema,
    allowedOrigins: config.CORS_ORIGINS,
    trustedProxies: config.TRUSTED_PROXIES,
    production: config.NODE_ENV === 'production',
    logger,
    keepAliveMs: config.WS_KEEPALIVE_MS,
    sessionCheckMs: config.WS_SESSION_CHECK_MS,
    queueLimit: config.SUBSCRIPTION_QUEUE_LIMIT,
    maxMessageBytes: config.MAX_BODY_BYTES,
  });

  return {
    subscriberCount: () => hub.size,
    async stop() {
      await server.dispose();
      await consumer?.stop();
      await transport?.close();
      await fanout.close();
    },
  };
}
