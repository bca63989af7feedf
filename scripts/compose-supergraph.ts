/**
 * Composes the six subgraph schemas into schema/supergraph.graphql with @apollo/composition (the rover
 * CLI downloads a binary and cannot run here).
 *
 *   npm run compose          writes the file
 *   npm run compose:check    fails on composition errors or when the committed file is stale (CI)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs.ts';

const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url);
const checkOnly = process.argv.includes('--check');

const result = composeServices(
  SUBGRAPHS.map(({ name, port }) => ({
    name,
    // The gateway replaces these local defaults with <NAME>_URL from its configuration.
    url: `http://127.0.0.1:${port}/graphql`,
    typeDefs: parse(readFileSync(new URL(`../subgraphs/${name}/schema.graphql`, import.meta.url), 'utf8')),
  })),
);

if (result.errors) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`  - ${error.message}`);
  process.exit(1);
}

const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
if (checkOnly) {
  const committed = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date.');
} else {
  writeFileSync(SUPERGRAPH_FILE, supergraph);
  console.log(`Composed ${SUBGRAPHS.length} subgraphs into schema/supergraph.graphql.`);
}
for (const hint of result.hints ?? []) console.warn(`hint: ${hint.toString()}`);
