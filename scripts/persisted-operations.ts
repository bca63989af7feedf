/**
 * The operations our apps and partners use (schema/operations/{app,partners}/*.graphql) become the
 * persisted-operation manifest the gateway serves, schema/persisted-queries.json, in Apollo's format.
 *
 *   npm run operations          validates every operation and writes the manifest
 *   npm run operations:check    fails when an operation is invalid or breaks a gateway limit, or when the
 *                               committed manifest is stale (CI)
 *
 * The manifest is made by @apollo/generate-persisted-query-manifest, which runs each document through
 * Apollo Client itself (its document transforms, then `print`), so each id is the SHA-256 of exactly
 * the text Apollo Client would send, and a client's `generatePersistedQueryIdsFromManifest` finds it.
 * Each operation is validated against the API schema of the committed supergraph with the gateway's
 * own rules and default limits (a manifest operation over a limit would also stop the gateway's start).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { generatePersistedQueryManifest } from '@apollo/generate-persisted-query-manifest';
import { loadConfig } from '../gateway/src/config.ts';
import { checkOperation, operationRules } from '../gateway/src/limits.ts';
import { limitsOf } from '../gateway/src/persisted-operations.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST_FILE = new URL('../schema/persisted-queries.json', import.meta.url);
const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url);
const checkOnly = process.argv.includes('--check');

process.chdir(root);
const manifest = await generatePersistedQueryManifest(
  { documents: ['schema/operations/app/**/*.graphql', 'schema/operations/partners/**/*.graphql'] },
  undefined,
);
const schema = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema().toGraphQLJSSchema();
const rules = operationRules(limitsOf(loadConfig({})));

const problems = manifest.operations.flatMap((operation) => {
  const outcome = checkOperation(schema, operation.body, rules);
  return 'kind' in outcome ? [] : outcome.map((error) => `${operation.name}: ${error.message}`);
});
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in schema/operations:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

const text = `${JSON.stringify(manifest, null, 2)}\n`;
const file = relative(root, fileURLToPath(MANIFEST_FILE));
if (checkOnly) {
  const committed = existsSync(MANIFEST_FILE) ? readFileSync(MANIFEST_FILE, 'utf8') : '';
  if (committed !== text) {
    console.error(`${file} is stale: run \`npm run operations\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${file} is up to date (${manifest.operations.length} operations, all valid).`);
} else {
  writeFileSync(MANIFEST_FILE, text);
  console.log(`Wrote ${manifest.operations.length} operations to ${file}.`);
}
