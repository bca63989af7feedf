import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { remoteKeySource } from '@talentgraph/auth';
import { communitySubgraph } from '@talentgraph/community-subgraph';
import { eventsSubgraph } from '@talentgraph/events-subgraph';
import { matchingSubgraph } from '@talentgraph/matching-subgraph';
import { offersSubgraph } from '@talentgraph/offers-subgraph';
import { profilesSubgraph } from '@talentgraph/profiles-subgraph';
import { usersSubgraph } from '@talentgraph/users-subgraph';
import { createLogger, type Logger, type SubgraphDefinition } from '@talentgraph/platform';
import {
  createTestDatabase,
  postGraphQL,
  startTestSubgraph,
  type GraphQLResponse,
  type TestDatabase,
  type TestSubgraph,
} from '@talentgraph/testing';
import { loadConfig } from '../src/config.ts';
import { startGateway, type RunningGateway } from '../src/gateway.ts';
import { readManifest } from '../src/persisted-operations.ts';

export const ALL_SUBGRAPHS: readonly SubgraphDefinition[] = [
  usersSubgraph,
  profilesSubgraph,
  offersSubgraph,
  matchingSubgraph,
  communitySubgraph,
  eventsSubgraph,
];

export interface TestSupergraph {
  readonly gateway: RunningGateway;
  readonly subgraphs: Record<string, TestSubgraph>;
  /** The event log every service of this supergraph shares. */
  readonly eventLog: TestDatabase;
  /** What another gateway over the same subgraphs needs (see startGatewayFor). */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/** The six subgraphs (each on its own fresh, seeded database) and a gateway, all real HTTP servers. */
export async function startTestSupergraph(
  options: {
    env?: Record<string, string>;
    loggers?: Record<string, Logger>;
    /** Events and live feeds through Redis (under keys of this test only), as with several replicas. */
    redis?: boolean;
  } = {},
): Promise<TestSupergraph> {
  const loggerOf = (name: string) => (options.loggers?.[name] ? { logger: options.loggers[name]! } : {});
  // The users subgraph issues tokens; every other service trusts its JWKS, as in production.
  const eventLog = await createTestDatabase('event_bus');
  const redisEnv: Record<string, string> = options.redis
    ? { REDIS_URL: TEST_REDIS_URL, EVENTS_KEY_PREFIX: `test:${randomBytes(6).toString('hex')}:` }
    : {};
  const shared = { eventsDatabaseUrl: eventLog.url, env: redisEnv };
  const users = await startTestSubgraph(usersSubgraph, { ...loggerOf('users'), ...shared });
  const jwksUrl = users.url.replace('/graphql', '/.well-known/jwks.json');
  // The profiles subgraph counts unlocks through the users subgraph's quota route; like the users
  // subgraph's own extra settings, it reads its USERS_URL from the environment when it starts.
  process.env['USERS_URL'] = users.url;
  const others = await Promise.all(
    ALL_SUBGRAPHS.filter((definition) => definition !== usersSubgraph).map((definition) =>
      startTestSubgraph(definition, {
        ...loggerOf(definition.name),
        ...shared,
        keySource: remoteKeySource(jwksUrl),
      }),
    ),
  );
  const started = [users, ...others];
  const subgraphs = Object.fromEntries(
    started.map((subgraph, index) => [
      [usersSubgraph, ...ALL_SUBGRAPHS.filter((d) => d !== usersSubgraph)][index]!.name,
      subgraph,
    ]),
  );
  const gateway = await startGatewayFor(
    subgraphs,
    { EVENTS_DATABASE_URL: eventLog.url, ...redisEnv, ...options.env },
    options.loggers?.['gateway'],
  );
  return {
    gateway,
    subgraphs,
    eventLog,
    env: { EVENTS_DATABASE_URL: eventLog.url, ...redisEnv },
    async close() {
      await gateway.stop();
      // A subgraph a test already stopped only needs its database dropped.
      await Promise.all(started.map((subgraph) => subgraph.close().catch(() => subgraph.database.drop())));
      await eventLog.drop();
      if (redisEnv['EVENTS_KEY_PREFIX']) await deleteRedisKeys(redisEnv['EVENTS_KEY_PREFIX']);
    },
  };
}

/** A gateway on a free port over already running subgraphs. */
export function startGatewayFor(
  subgraphs: Record<string, TestSubgraph>,
  env: Record<string, string> = {},
  logger: Logger = createLogger('gateway', 'silent'),
): Promise<RunningGateway> {
  return startGateway(
    loadConfig({
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SUBGRAPH_TIMEOUT_MS: '3000',
      METRICS_PORT: '0',
      SESSION_CHECK_CACHE_MS: '0',
      WS_SESSION_CHECK_MS: '200',
      AUTH_JWKS_URL: subgraphs['users']!.url.replace('/graphql', '/.well-known/jwks.json'),
      ...Object.fromEntries(
        Object.entries(subgraphs).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph.url]),
      ),
      ...env,
    }),
    { logger },
  );
}

export const TEST_REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

const manifest = readManifest(new URL('../../schema/persisted-queries.json', import.meta.url).pathname);

/** The id (SHA-256 of its text) of an operation of schema/operations, by name. */
export function persistedOperationId(name: string): string {
  const operation = manifest.find((candidate) => candidate.name === name);
  if (!operation) throw new Error(`no operation ${name} in schema/persisted-queries.json`);
  return operation.id;
}

/** Runs an operation of the manifest by its id alone, as a partner does (no query text). */
export function persistedRequest<Data = Record<string, unknown>>(
  url: string,
  name: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(
    url,
    { variables, extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperationId(name) } } },
    headers,
  );
}
