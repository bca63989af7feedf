/**
 * Fails when a subgraph's entities differ from the schema its committed migrations produce, i.e.
 * someone changed an entity without `npm run migration:create` (CI). Each subgraph's migrations are
 * applied to a scratch database, then compared with its entities. Uses the server of DATABASE_URL, or
 * a throw-away embedded PostgreSQL when it is unset.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startLocalPostgres } from '@talentgraph/local-postgres';
import { withScratchOrm } from './scratch-database.ts';
import { SUBGRAPHS } from './subgraphs.ts';

const configured = process.env['DATABASE_URL'];
const parent = mkdtempSync(join(tmpdir(), 'talentgraph-migrations-'));
chmodSync(parent, 0o755);
const local = configured
  ? undefined
  : await startLocalPostgres({
      dataDirectory: join(parent, 'data'),
      port: await findFreePort(),
      persistent: false,
    });
const server = configured ?? local!.url;

const drifted: string[] = [];
try {
  for (const { name } of SUBGRAPHS) {
    const changed = await withScratchOrm(server, name, async (orm) => {
      await orm.migrator.up();
      return orm.migrator.checkSchema();
    });
    if (changed) drifted.push(name);
  }
} finally {
  await local?.stop();
}
if (drifted.length > 0) {
  console.error(`Entities differ from the committed migrations in: ${drifted.join(', ')}.`);
  console.error('Run `npm run migration:create -- <subgraph> <name>` and commit the new migration.');
  process.exit(1);
}
console.log(`Migrations match the entities of all ${SUBGRAPHS.length} subgraphs.`);
