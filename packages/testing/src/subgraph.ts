import {
  createLogger,
  readConfig,
  startSubgraph,
  subgraphSettings,
  type Logger,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import type { KeySource } from '@talentgraph/auth';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestSubgraph extends RunningSubgraph {
  readonly database: TestDatabase;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/**
 * Starts a subgraph as a real HTTP server on a free port, on its own fresh database, migrated and
 * seeded with the demo data unless `seed` is false.
 */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  options: {
    seed?: boolean;
    /** Where the subgraph logs (silent by default); tests pass a capturing logger to assert on log lines. */
    logger?: Logger;
    /** Public keys the subgraph trusts for access tokens (see createTestIssuer). */
    keySource?: KeySource;
    /** Receives every SQL statement, to assert that a query is batched (no N+1). */
    onQuery?: (sql: string) => void;
    /**
     * The event log shared with the other services of the test (see createTestDatabase); by default the
     * subgraph gets an event log of its own, dropped with it.
     */
    eventsDatabaseUrl?: string;
    /** More settings of the subgraph's configuration, e.g. REDIS_URL. */
    env?: Record<string, string>;
  } = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(definition.name);
  const ownEventLog = options.eventsDatabaseUrl
    ? null
    : await createTestDatabase(`${definition.name}_event_bus`);
  const config = readConfig(subgraphSettings({ defaultPort: 0, database: definition.name }), {
    DATABASE_URL: database.url,
    EVENTS_DATABASE_URL: options.eventsDatabaseUrl ?? ownEventLog!.url,
    PORT: '0',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: String(options.seed ?? true),
    SHUTDOWN_TIMEOUT_MS: '1000',
    ...options.env,
  });
  const running = await startSubgraph(definition, config, {
    logger: options.logger ?? createLogger(definition.name, 'silent'),
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
    ...(options.keySource ? { keySource: options.keySource } : {}),
  });
  return {
    ...running,
    database,
    async close() {
      await running.stop();
      await database.drop();
      await ownEventLog?.drop();
    },
  };
}
