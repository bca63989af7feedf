/**
 * Generates the next migration of one subgraph from the difference between its entities and the schema
 * its existing migrations produce, then registers it in `src/migrations/index.ts`.
 *
 *   npm run migration:create -- <subgraph> [name]
 *
 * Works on a throw-away database on the server of DATABASE_URL (default: the local PostgreSQL).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createOrm, ensureDatabaseExists, type SubgraphDefinition } from '@talentgraph/platform';
import { isSubgraphName } from './subgraphs.ts';

const [subgraph, migrationName] = process.argv.slice(2);
if (!subgraph || !isSubgraphName(subgraph)) {
  console.error(
    'usage: npm run migration:create -- <users|profiles|offers|matching|community|events> [name]',
  );
  process.exit(2);
}

const module = (await import(`../subgraphs/${subgraph}/src/subgraph.ts`)) as Record<
  string,
  SubgraphDefinition
>;
const definition = Object.values(module).find((value) => value?.name === subgraph);
if (!definition)
  throw new Error(`subgraphs/${subgraph}/src/subgraph.ts exports no definition named ${subgraph}`);

const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const scratch = new URL(server);
scratch.pathname = `/migration_scratch_${randomBytes(4).toString('hex')}`;
const migrationsDirectory = fileURLToPath(
  new URL(`../subgraphs/${subgraph}/src/migrations/`, import.meta.url),
);

await ensureDatabaseExists(scratch.toString());
const orm = await createOrm({
  databaseUrl: scratch.toString(),
  entities: definition.entities,
  migrations: definition.migrations,
});
try {
  await orm.migrator.up();
  const result = await orm.migrator.create(migrationsDirectory, false, false, migrationName);
  if (!result.fileName) {
    console.log(`No schema change in ${subgraph}: no migration created.`);
  } else {
    registerMigrations(migrationsDirectory);
    console.log(`Created subgraphs/${subgraph}/src/migrations/${result.fileName}`);
  }
} finally {
  await orm.close();
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${pg.escapeIdentifier(scratch.pathname.slice(1))}`);
  await admin.end();
}

/** Rewrites the index so the explicit migration list always matches the files, in name (= time) order. */
function registerMigrations(directory: string): void {
  const names = readdirSync(directory)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const lines = [
    "import type { MigrationObject } from '@talentgraph/platform';",
    ...names.map((name) => `import { ${name} } from './${name}.ts';`),
    '',
    '/** Applied in this order; `npm run migration:create -- <subgraph>` regenerates this list. */',
    'export const migrations: MigrationObject[] = [',
    ...names.map((name) => `  { name: '${name}', class: ${name} },`),
    '];',
    '',
  ];
  writeFileSync(`${directory}/index.ts`, lines.join('\n'));
}
