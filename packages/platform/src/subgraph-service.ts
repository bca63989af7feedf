import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  OutboxRelay,
  consumeIdempotently,
  createEventTransport,
  eventEntities,
  type EventConsumer,
  type EventHandlerDefinition,
  type EventTransport,
} from '@talentgraph/events';
import express, { type Express } from 'express';
import type { DocumentNode } from 'graphql';
import {
  InvalidTokenError,
  applyAuthorization,
  bearerToken,
  remoteKeySource,
  unauthenticated,
  verifyAccessToken,
  type KeySource,
  type Viewer,
} from '@talentgraph/auth';
import { loadConfigOrExit, type SubgraphConfig } from './config.ts';
import type { SubgraphContext } from './context.ts';
import { maskUnexpectedErrors } from './errors.ts';
import { GRAPHQL_PATH, createServiceApp } from './http.ts';
import { requestLogging } from './graphql-logging.ts';
import { stopOnSignals, listen } from './lifecycle.ts';
import { LoaderRegistry } from './loaders.ts';
import { createLogger, type Logger } from './logger.ts';
import {
  applyMigrations,
  createOrm,
  ensureDatabaseExists,
  isDatabaseReachable,
  redactUrl,
  type MigrationObject,
  type OrmSettings,
} from './orm.ts';
import { seedOnce } from './seed.ts';

/** Everything that makes one subgraph what it is; the plumbing around it is shared. */
export interface SubgraphDefinition {
  /** Subgraph name as composed into the supergraph, e.g. `users`. */
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: unknown;
  readonly entities: OrmSettings['entities'];
  readonly migrations: readonly MigrationObject[];
  /**
   * Where this subgraph finds the public keys of access tokens; by default the issuer's JWKS at
   * AUTH_JWKS_URL. The users subgraph, which issues tokens, reads its own keys instead.
   */
  readonly keySource?: (orm: MikroORM) => KeySource;
  /**
   * HTTP routes beside GraphQL (JWKS, token endpoints, internal calls between services), mounted before
   * the service listens. `authenticate` verifies an Authorization header exactly as GraphQL requests are.
   */
  readonly routes?: (app: Express, services: SubgraphServices) => void;
  /** Idempotent insertion of the demo data set; run once per database when SEED_DEMO_DATA is on. */
  readonly seedDemoData?: (em: EntityManager) => Promise<void>;
  /**
   * The domain events this subgraph reacts to: consumer group name → handlers by event type. Each event
   * is handled once per group, in a transaction on this subgraph's database (packages/events).
   */
  readonly eventConsumers?: (
    services: SubgraphServices,
  ) => Readonly<Record<string, Readonly<Record<string, EventHandlerDefinition<never>>>>>;
}

/**
 * The entities of a subgraph's database: its own, plus the event outbox and the record of handled events
 * that every subgraph has (domain events are committed with the change they announce).
 */
export function databaseEntities(definition: Pick<SubgraphDefinition, 'entities'>): OrmSettings['entities'] {
  return [...(definition.entities as unknown[]), ...eventEntities] as OrmSettings['entities'];
}

export interface SubgraphServices {
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly config: SubgraphConfig;
  authenticate(authorization: string | undefined): Promise<Viewer | null>;
}

export interface RunningSubgraph {
  readonly url: string;
  readonly port: number;
  readonly orm: MikroORM;
  readonly logger: Logger;
  /** What the definition's routes and event consumers were given. */
  readonly services: SubgraphServices;
  stop(): Promise<void>;
}

/** Prepares the subgraph's own database: creates it if needed, migrates, seeds the demo data once. */
export async function prepareDatabase(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  logger: Logger,
  onQuery?: (sql: string) => void,
): Promise<MikroORM> {
  if (config.MIGRATE_ON_START && (await ensureDatabaseExists(config.DATABASE_URL))) {
    logger.info({ database: redactUrl(config.DATABASE_URL) }, 'database created');
  }
  const orm = await createOrm({
    databaseUrl: config.DATABASE_URL,
    entities: databaseEntities(definition),
    migrations: definition.migrations,
    poolMax: config.DATABASE_POOL_MAX,
    logger,
    ...(onQuery ? { onQuery } : {}),
  });
  try {
    if (config.MIGRATE_ON_START) {
      const applied = await applyMigrations(orm);
      if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    }
    if (config.SEED_DEMO_DATA && definition.seedDemoData) {
      const seeded = await seedOnce(orm, `${definition.name}-demo-data`, definition.seedDemoData);
      if (seeded) logger.info('demo data seeded');
    }
    return orm;
  } catch (error) {
    await orm.close();
    throw error;
  }
}

export async function startSubgraph(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  options: {
    logger?: Logger;
    portVariable?: string;
    onQuery?: (sql: string) => void;
    /** Overrides where access-token keys come from (tests sign with their own key). */
    keySource?: KeySource;
  } = {},
): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(`${definition.name}-subgraph`, config.LOG_LEVEL);
  const orm = await prepareDatabase(definition, config, logger, options.onQuery);
  const keys = options.keySource ?? definition.keySource?.(orm) ?? remoteKeySource(config.AUTH_JWKS_URL);
  const app = createServiceApp(() => isDatabaseReachable(orm));
  const httpServer = createServer(app);
  const production = config.NODE_ENV === 'production';
  const apollo = new ApolloServer<SubgraphContext>({
    schema: applyAuthorization<SubgraphContext>(
      buildSubgraphSchema([
        {
          typeDefs: definition.typeDefs,
          resolvers: definition.resolvers as GraphQLResolverMap<SubgraphContext>,
        },
      ]),
    ),
    introspection: !production,
    // Shutdown is ours (stopOnSignals): Apollo's own handler would re-raise SIGTERM before the pool closes.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    ...(production ? { formatError: maskUnexpectedErrors } : {}),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_TIMEOUT_MS }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      requestLogging(),
    ],
  });
  await apollo.start();
  let transport: EventTransport;
  try {
    transport = await connectEventTransport(config, logger);
  } catch (error) {
    await apollo.stop();
    await orm.close();
    throw error;
  }
  const services: SubgraphServices = {
    orm,
    logger,
    config,
    authenticate: (authorization) => authenticate(authorization, keys, config),
  };
  definition.routes?.(app, services);
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await authenticate(req.headers.authorization, keys, config);
        const em = orm.em.fork();
        return {
          em,
          loaders: new LoaderRegistry(em),
          logger: logger.child({ requestId: req.requestId, traceId: req.trace.traceId }),
          requestId: req.requestId,
          viewer,
          authorization: viewer === null ? null : (req.headers.authorization ?? null),
          now: new Date(),
          deadLetters: transport.deadLetters,
        };
      },
    }),
  );
  let events: EventBackbone;
  try {
    events = await startEventBackbone(definition, transport, services, logger);
  } catch (error) {
    await apollo.stop();
    await orm.close();
    throw error;
  }
  let port: number;
  try {
    port = await listen(httpServer, config.PORT, options.portVariable ?? 'PORT');
  } catch (error) {
    await events.stop();
    await apollo.stop();
    await orm.close();
    throw error;
  }
  logger.info({ port, graphql: GRAPHQL_PATH }, `${definition.name} subgraph ready`);
  return {
    url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
    port,
    orm,
    logger,
    services,
    async stop() {
      await apollo.stop();
      await events.stop();
      await orm.close();
    },
  };
}

interface EventBackbone {
  stop(): Promise<void>;
}

/**
 * The process's one connection to the event backbone: Redis Streams when REDIS_URL is set, otherwise the
 * shared PostgreSQL event log. Its relay, its consumers and the dead-letter admin API all use it.
 */
async function connectEventTransport(config: SubgraphConfig, logger: Logger): Promise<EventTransport> {
  if (!config.REDIS_URL) await ensureDatabaseExists(config.EVENTS_DATABASE_URL);
  return createEventTransport({
    redisUrl: config.REDIS_URL || undefined,
    keyPrefix: config.EVENTS_KEY_PREFIX,
    eventsDatabaseUrl: config.EVENTS_DATABASE_URL,
    logger,
  });
}

/**
 * The subgraph's side of the event backbone: a relay that publishes its committed outbox rows, and its
 * consumer groups. Stopping it closes the transport.
 */
async function startEventBackbone(
  definition: SubgraphDefinition,
  transport: EventTransport,
  services: SubgraphServices,
  logger: Logger,
): Promise<EventBackbone> {
  const relay = new OutboxRelay({ em: services.orm.em, transport, logger });
  const consumers: EventConsumer[] = [];
  try {
    relay.start();
    for (const [group, handlers] of Object.entries(definition.eventConsumers?.(services) ?? {})) {
      consumers.push(await consumeIdempotently(transport, { group, em: services.orm.em, handlers }));
    }
  } catch (error) {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await relay.stop();
    await transport.close();
    throw error;
  }
  return {
    async stop() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay.stop();
      await transport.close();
    },
  };
}

/**
 * Entry point of a subgraph process: validate the configuration (one line per bad variable, no stack
 * trace), start, then stop gracefully on SIGTERM / SIGINT.
 */
export async function runSubgraph(
  definition: SubgraphDefinition,
  loadConfig: () => SubgraphConfig,
): Promise<void> {
  const config = loadConfigOrExit(`${definition.name} subgraph`, loadConfig);
  const logger = createLogger(`${definition.name}-subgraph`, config.LOG_LEVEL);
  try {
    const running = await startSubgraph(definition, config, { logger });
    stopOnSignals(logger, () => running.stop(), config.SHUTDOWN_TIMEOUT_MS);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'failed to start');
    process.exitCode = 1;
  }
}

/**
 * The caller of one request: anonymous without an Authorization header; otherwise the token must verify
 * (signature against the issuer's keys, algorithm, issuer, audience, expiry), or the whole request is
 * refused as UNAUTHENTICATED, so a forged or stale identity never reaches a resolver.
 */
async function authenticate(
  authorization: string | undefined,
  keys: KeySource,
  config: Pick<SubgraphConfig, 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>,
): Promise<Viewer | null> {
  try {
    const token = bearerToken(authorization);
    if (token === null) return null;
    return await verifyAccessToken(token, keys, {
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
    });
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
    throw error;
  }
}
