import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import {
  GRAPHQL_PATH,
  createLogger,
  createServiceApp,
  listen,
  maskUnexpectedErrors,
  requestLogging,
  type Logger,
} from '@talentgraph/platform';
import cors from 'cors';
import express, { type ErrorRequestHandler } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { Redis } from 'ioredis';
import { Admission, persistedOperationPlugin } from './admission.ts';
import { RedisApqCache } from './apq-cache.ts';
import { Authenticator } from './authentication.ts';
import { startLiveFeeds, type LiveFeeds } from './subscriptions/live-feeds.ts';
import { subgraphTimeoutOf, subgraphUrls, type GatewayConfig } from './config.ts';
import { errorStatusPlugin } from './error-status.ts';
import type { GatewayContext } from './context.ts';
import { operationRules } from './limits.ts';
import { GatewayMetrics, startMetricsServer } from './metrics.ts';
import {
  PersistedOperations,
  PinnedDocumentStore,
  limitsOf,
  readManifest,
  readPartnerOperationIds,
} from './persisted-operations.ts';
import { mountDocumentRoutes } from './document-routes.ts';
import { mountPersonalDataDownload } from './personal-data-download.ts';
import { ApiCallQuota, RequestRateLimits } from './rate-limits.ts';
import { SubgraphReachability } from './readiness.ts';
import { InFlightQueries } from './shared-fetches.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  /** Where Prometheus scrapes `/metrics` (METRICS_PORT). */
  readonly metricsPort: number;
  readonly liveFeeds: LiveFeeds;
  stop(): Promise<void>;
}

/**
 * The federated gateway: serves the committed supergraph (schema/supergraph.graphql) over the six
 * subgraphs, called over HTTP at the URLs of the configuration. Every operation, over HTTP or WebSocket,
 * passes the same admission (rate limits, authentication, partner safelist and quota: admission.ts) and
 * the same limits (limits.ts); the operations of the persisted-operation manifest are parsed and
 * validated once, here, and a manifest that does not pass stops the start.
 */
export async function startGateway(
  config: GatewayConfig,
  options: { logger?: Logger; authenticator?: Authenticator } = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const urls = subgraphUrls(config);
  const authenticator = options.authenticator ?? new Authenticator(config);
  const rules = operationRules(limitsOf(config));
  const manifest = readManifest(config.PERSISTED_QUERIES_PATH);
  const partnerOperationIds = readPartnerOperationIds(config.PARTNER_OPERATIONS_PATH);
  let liveFeeds: LiveFeeds | null = null;
  const metrics = new GatewayMetrics(() => liveFeeds?.subscriberCount() ?? 0);
  const dataSources: SubgraphDataSource[] = [];
  const inFlightQueries = config.SUBGRAPH_FETCH_SHARING ? new InFlightQueries() : null;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) => {
      const dataSource = new SubgraphDataSource(name, urls[name] ?? url!, {
        timeoutMs: subgraphTimeoutOf(config, name),
        maxConnections: config.SUBGRAPH_MAX_CONNECTIONS,
        observe: {
          fetched: (outcome, seconds) => metrics.observeSubgraphFetch(name, outcome, seconds),
          shared: () => metrics.countSharedSubgraphFetch(name),
        },
        inFlightQueries,
      });
      dataSources.push(dataSource);
      return dataSource;
    },
    logger,
  });
  let apiSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });
  let persistedOperations: PersistedOperations | null = null;
  const documentStore = new PinnedDocumentStore(
    () => persistedOperations,
    new InMemoryLRUCache<DocumentNode>({
      maxSize: 30 * 1024 * 1024,
      sizeCalculation: InMemoryLRUCache.sizeCalculation,
    }),
  );

  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
  const reachability = new SubgraphReachability(Object.values(urls), { timeoutMs: 1_000, cacheMs: 2_000 });
  let serving = false;
  const app = createServiceApp(async () => serving && (await reachability.anyReachable()));
  app.set('trust proxy', config.TRUSTED_PROXIES);
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // Shutdown is ours (stopOnSignals): Apollo's own handler would re-raise SIGTERM mid-drain.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    ...(production ? { formatError: maskUnexpectedErrors } : {}),
    // A browser form or <img> cannot send a GraphQL request: it needs a JSON body or a custom header.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: rules.parseOptions,
    validationRules: [...rules.validationRules],
    documentStore,
    persistedQueries: {
      ttl: config.APQ_TTL_SECONDS,
      // Apollo Server prefixes its keys with `apq:`.
      ...(redis ? { cache: new RedisApqCache(redis, config.EVENTS_KEY_PREFIX, logger) } : {}),
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_TIMEOUT_MS }),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      persistedOperationPlugin(),
      metrics.plugin(),
      requestLogging(),
      errorStatusPlugin(),
    ],
  });
  const rateLimits = new RequestRateLimits(config, redis, logger);
  const closeConnections = async () => {
    for (const dataSource of dataSources) dataSource.close();
    await rateLimits.close();
    if (redis) await redis.quit().catch(() => redis.disconnect());
  };
  await apollo.start().catch(async (error: unknown) => {
    await closeConnections();
    throw error;
  });
  try {
    persistedOperations = PersistedOperations.prepare(manifest, apiSchema!, rules, partnerOperationIds);
  } catch (error) {
    await apollo.stop();
    await closeConnections();
    throw error;
  }
  const operations = persistedOperations;

  const admission = new Admission({
    authenticator,
    rateLimits,
    apiCallQuota: new ApiCallQuota(config),
    operations: () => operations,
    safelistOnly: config.SAFELIST_ONLY ?? production,
    metrics,
    logger,
  });
  app.use(
    GRAPHQL_PATH,
    cors({ origin: [...config.CORS_ORIGINS], credentials: true, maxAge: 600 }),
    express.json({ limit: config.MAX_BODY_BYTES }),
    admission.middleware(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { caller, clientIp, persistedOperation } = req.admitted!;
        return {
          requestId: req.requestId,
          trace: req.trace,
          logger: logger.child({ requestId: req.requestId, traceId: req.trace.traceId }),
          viewer: caller.viewer,
          authorization: caller.authorization,
          clientIp,
          persistedOperation,
        };
      },
    }),
  );
  app.use(GRAPHQL_PATH, unreadableBody(metrics));
  mountPersonalDataDownload(app, { apollo, admission, config, logger });
  mountDocumentRoutes(app, { config, logger });

  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | null = null;
  const stopAll = async () => {
    serving = false;
    // Subscribers are told first (close 1001, "going away"), so they reconnect to another replica.
    await liveFeeds?.stop();
    await apollo.stop();
    await metricsServer?.close();
    await closeConnections();
  };
  try {
    liveFeeds = await startLiveFeeds({
      config,
      httpServer,
      authenticator,
      admission,
      rules,
      metrics,
      apollo,
      pinPayloadQuery: (query) => documentStore.pinDerived(query),
      schema: () => apiSchema!,
      logger,
    });
    metricsServer = await startMetricsServer(metrics, config.METRICS_PORT);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const port = await listen(httpServer, config.PORT, 'PORT').catch(async (error: unknown) => {
    await stopAll();
    throw error;
  });
  serving = true;
  logger.info(
    { port, graphql: GRAPHQL_PATH, metricsPort: metricsServer.port, persistedOperations: operations.size },
    'gateway ready',
  );
  return {
    url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
    port,
    metricsPort: metricsServer.port,
    liveFeeds: liveFeeds!,
    stop: stopAll,
  };
}

/**
 * A body the JSON parser refused (too large, not JSON) gets a GraphQL error body like any other refusal
 * instead of Express's HTML page: 413 PAYLOAD_TOO_LARGE past MAX_BODY_BYTES, 400 BAD_REQUEST otherwise.
 */
function unreadableBody(metrics: GatewayMetrics): ErrorRequestHandler {
  return (error: { type?: string; limit?: number }, _request, response, next) => {
    const tooLarge = error.type === 'entity.too.large';
    if (!tooLarge && error.type !== 'entity.parse.failed') {
      next(error);
      return;
    }
    const code = tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    metrics.countError(code);
    response.status(tooLarge ? 413 : 400).json({
      errors: [
        {
          message: tooLarge
            ? `The request body is larger than ${error.limit} bytes.`
            : 'The request body is not valid JSON.',
          extensions: { code },
        },
      ],
    });
  };
}
