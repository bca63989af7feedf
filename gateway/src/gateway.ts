import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
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
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { Authenticator } from './authentication.ts';
import { startLiveFeeds, type LiveFeeds } from './subscriptions/live-feeds.ts';
import { subgraphUrls, type GatewayConfig } from './config.ts';
import { errorStatusPlugin } from './error-status.ts';
import type { GatewayContext } from './context.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly liveFeeds: LiveFeeds;
  stop(): Promise<void>;
}

/**
 * The federated gateway: serves the committed supergraph (schema/supergraph.graphql) over the six
 * subgraphs, called over HTTP at the URLs of the configuration.
 */
export async function startGateway(
  config: GatewayConfig,
  options: { logger?: Logger; authenticator?: Authenticator } = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const urls = subgraphUrls(config);
  const authenticator = options.authenticator ?? new Authenticator(config);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, urls[name] ?? url!, config.SUBGRAPH_TIMEOUT_MS),
    logger,
  });
  let apiSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });

  let serving = false;
  const app = createServiceApp(async () => serving);
  app.set('trust proxy', config.TRUSTED_PROXIES);
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // Shutdown is ours (stopOnSignals): Apollo's own handler would re-raise SIGTERM mid-drain.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    ...(production ? { formatError: maskUnexpectedErrors } : {}),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_TIMEOUT_MS }),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      requestLogging(),
      errorStatusPlugin(),
    ],
  });
  await apollo.start();
  serving = true;

  app.use(
    GRAPHQL_PATH,
    cors({ origin: [...config.CORS_ORIGINS], credentials: true, maxAge: 600 }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const caller = await authenticator.authenticate(req.headers);
        return {
          requestId: req.requestId,
          logger: logger.child({ requestId: req.requestId }),
          viewer: caller.viewer,
          authorization: caller.authorization,
          clientIp: req.ip ?? req.socket.remoteAddress ?? '',
        };
      },
    }),
  );

  let liveFeeds: LiveFeeds;
  try {
    liveFeeds = await startLiveFeeds({
      config,
      httpServer,
      authenticator,
      apollo,
      schema: () => apiSchema!,
      logger,
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const port = await listen(httpServer, config.PORT, 'PORT').catch(async (error: unknown) => {
    await liveFeeds.stop();
    await apollo.stop();
    throw error;
  });
  logger.info({ port, graphql: GRAPHQL_PATH }, 'gateway ready');
  return {
    url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
    port,
    liveFeeds,
    async stop() {
      serving = false;
      // Subscribers are told first (close 1001, "going away"), so they reconnect to another replica.
      await liveFeeds.stop();
      await apollo.stop();
    },
  };
}
