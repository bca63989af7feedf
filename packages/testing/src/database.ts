import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the run's server; `drop` removes it even with open connections. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = new URL(inject('databaseServerUrl'));
  const name = `test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withServer(server, async (client) => {
    await client.query(`create database ${pg.escapeIdentifier(name)}`);
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withServer(server, async (client) => {
        await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      }),
  };
}

async function withServer<T>(server: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const maintenance = new URL(server);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs one SQL query against a test database, for assertions on what was (or was not) written. */
export async function queryDatabase<Row extends object>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A row that mentions something searched for (see rowsMentioning). */
export interface Mention {
  readonly table: string;
  readonly needle: string;
  /** The row, as PostgreSQL casts it to text. */
  readonly row: string;
}

/**
 * Every row of every table of the database's public schema that contains one of `needles` (ignoring
 * case), each row cast to text as a whole: what a test of erasure looks for, whatever the column.
 */
export async function rowsMentioning(url: string, needles: readonly string[]): Promise<Mention[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `select table_name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    const mentions: Mention[] = [];
    for (const { table_name: table } of tables.rows) {
      for (const needle of needles) {
        const found = await client.query<{ row: string }>(
          `select t::text as row from ${pg.escapeIdentifier(table)} t where strpos(lower(t::text), lower($1)) > 0`,
          [needle],
        );
        mentions.push(...found.rows.map(({ row }) => ({ table, needle, row })));
      }
    }
    return mentions;
  } finally {
    await client.end();
  }
}
