import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createOrm,
  databaseEntities,
  ensureDatabaseExists,
  type MikroORM,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import type { SubgraphName } from './subgraphs.ts';

/** A subgraph's definition, loaded by name (each `src/subgraph.ts` exports one). */
export async function loadSubgraph(subgraph: SubgraphName): Promise<SubgraphDefinition> {
  const module = (await import(`../subgraphs/${subgraph}/src/subgraph.ts`)) as Record<
    string,
    SubgraphDefinition
  >;
  const definition = Object.values(module).find((value) => value?.name === subgraph);
  if (!definition)
    throw new Error(`subgraphs/${subgraph}/src/subgraph.ts exports no definition named ${subgraph}`);
  return definition;
}

/**
 * Runs `work` with an ORM of the subgraph on a fresh scratch database of `serverUrl`, dropped afterwards
 * whatever happens.
 */
export async function withScratchOrm<T>(
  serverUrl: string,
  subgraph: SubgraphName,
  work: (orm: MikroORM) => Promise<T>,
): Promise<T> {
  const definition = await loadSubgraph(subgraph);
  const scratch = new URL(serverUrl);
  scratch.pathname = `/scratch_${subgraph}_${randomBytes(4).toString('hex')}`;
  await ensureDatabaseExists(scratch.toString());
  try {
    const orm = await createOrm({
      databaseUrl: scratch.toString(),
      entities: databaseEntities(definition),
      migrations: definition.migrations,
    });
    try {
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    const maintenance = new URL(serverUrl);
    maintenance.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    await admin.query(
      `drop database if exists ${pg.escapeIdentifier(scratch.pathname.slice(1))} with (force)`,
    );
    await admin.end();
  }
}
