/**
 * Fails when a generated file (resolver types, typed client operations) differs from what
 * `npm run codegen` produces from the current schemas and operations, i.e. someone changed a
 * schema.graphql or an operation without regenerating (CI). The files are left
 * regenerated, ready to commit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const generatedFiles = [
  ...readdirSync('subgraphs').map((subgraph) => `subgraphs/${subgraph}/src/generated/resolvers-types.ts`),
  'packages/client-operations/src/generated/operations.ts',
];
const before = new Map(generatedFiles.map((file) => [file, readIfPresent(file)]));
execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], { stdio: 'inherit' });
const stale = generatedFiles.filter((file) => readIfPresent(file) !== before.get(file));
if (stale.length > 0) {
  console.error(`Generated files were stale (now regenerated; commit them):`);
  for (const file of stale) console.error(`  - ${file}`);
  process.exit(1);
}
console.log('Generated files are up to date.');

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
