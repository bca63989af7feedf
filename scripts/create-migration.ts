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
import { withScratchOrm } from './scratch-database.ts';
import { SUBGRAPHS, isSubgraphName } from './subgraphs.ts';

const [subgraph, migrationName] = process.argv.slice(2);
if (!subgraph || !isSubgraphName(subgraph)) {
  console.error(`usage: npm run migration:create -- <${SUBGRAPHS.map(({ name }) => name).join('|')}> [name]`);
  process.exit(2);
}

const server = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const migrationsDirectory = fileURLToPath(
  new URL(`../subgraphs/${subgraph}/src/migrations/`, import.meta.url),
);

const fileName = await withScratchOrm(server, subgraph, async (orm) => {
  await orm.migrator.up();
  return (await orm.migrator.create(migrationsDirectory, false, false, migrationName)).fileName;
});
if (!fileName) {
  console.log(`No schema change in ${subgraph}: no migration created.`);
} else {
  registerMigrations(migrationsDirectory);
  console.log(`Created subgraphs/${subgraph}/src/migrations/${fileName}`);
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
