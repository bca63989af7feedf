import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import pg from 'pg';
import type { Logger } from './logger.ts';

export type { EntityManager, MikroORM, MigrationObject };

export interface OrmSettings {
  readonly databaseUrl: string;
  readonly entities: Options['entities'];
  readonly migrations: readonly MigrationObject[];
  readonly poolMax?: number;
  readonly logger?: Logger;
  /** Called with every SQL statement sent; tests use it to prove that loading is batched (no N+1). */
  readonly onQuery?: (sql: string) => void;
}

/**
 * One ORM per subgraph, on that subgraph's own database. Migrations are given as an explicit list (not
 * discovered from the file system) so the same code runs from sources, in tests and in containers.
 */
export async function createOrm(settings: OrmSettings): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: settings.databaseUrl,
    entities: settings.entities,
    extensions: [Migrator],
    pool: { min: 0, max: settings.poolMax ?? 10, idleTimeoutMillis: 30_000 },
    migrations: {
      migrationsList: [...settings.migrations],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    debug: settings.onQuery ? ['query'] : false,
    colors: false,
    logger: (message) => {
      if (settings.onQuery) settings.onQuery(message);
      else settings.logger?.debug({ orm: message }, 'orm');
    },
  });
}

export async function applyMigrations(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/** `SELECT 1` with a deadline, for readiness probes. */
export async function isDatabaseReachable(orm: MikroORM, timeoutMs = 2_000): Promise<boolean> {
  const probe = orm.em
    .fork()
    .getConnection()
    .execute('select 1')
    .then(() => true)
    .catch(() => false);
  const deadline = new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, false).unref());
  return Promise.race([probe, deadline]);
}

/**
 * Creates `databaseUrl`'s database when it does not exist yet, connecting to the server's maintenance
 * database. Database names come from configuration, so they are quoted as identifiers.
 */
export async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  const target = new URL(databaseUrl);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (database === '') throw new Error(`DATABASE_URL ${redactUrl(databaseUrl)} names no database`);
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (existing.rowCount !== 0) return false;
    await client.query(`create database ${pg.escapeIdentifier(database)}`);
    return true;
  } catch (error) {
    // Two services racing to create the same database: the loser sees duplicate_database (42P04).
    if (['42P04', '23505'].includes((error as { code?: string }).code ?? '')) return false;
    throw error;
  } finally {
    await client.end();
  }
}

export function redactUrl(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable URL]';
  }
}
