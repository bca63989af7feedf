/**
 * The operations our apps and partners use (schema/operations/{app,partners}/*.graphql) become the
 * persisted-operation manifest the gateway serves, schema/persisted-queries.json, in Apollo's format,
 * and schema/partner-operations.json, the ids of the operations partners may run (those of
 * schema/operations/partners/: Apollo's format has no field saying who an operation is for).
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
const PARTNER_OPERATIONS_FILE = new URL('../schema/partner-operations.json', import.meta.url);
const PARTNER_DOCUMENTS = 'schema/operations/partners/**/*.graphql';
const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url);
const checkOnly = process.argv.includes('--check');

process.chdir(root);
const manifest = await generatePersistedQueryManifest(
  { documents: ['schema/operations/app/**/*.graphql', PARTNER_DOCUMENTS] },
  undefined,
);
// Generated alone, the partners' documents get exactly the ids they have in the whole manifest.
const partnerManifest = await generatePersistedQueryManifest({ documents: [PARTNER_DOCUMENTS] }, undefined);
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

const outputs = [
  { url: MANIFEST_FILE, text: `${JSON.stringify(manifest, null, 2)}\n` },
  {
    url: PARTNER_OPERATIONS_FILE,
    text: `${JSON.stringify({ operations: partnerManifest.operations.map((operation) => operation.id) }, null, 2)}\n`,
  },
];
const summary = `${manifest.operations.length} operations, ${partnerManifest.operations.length} for partners`;
for (const { url, text } of outputs) {
  const file = relative(root, fileURLToPath(url));
  if (checkOnly) {
    const committed = existsSync(url) ? readFileSync(url, 'utf8') : '';
    if (committed !== text) {
      console.error(`${file} is stale: run \`npm run operations\` and commit the result.`);
      process.exit(1);
    }
  } else {
    writeFileSync(url, text);
  }
}
console.log(
  checkOnly
    ? `schema/persisted-queries.json and schema/partner-operations.json are up to date (${summary}, all valid).`
    : `Wrote schema/persisted-queries.json and schema/partner-operations.json (${summary}).`,
);
