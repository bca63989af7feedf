/**
 * Fails when a generated resolver-types file differs from what `npm run codegen` produces from the
 * current schemas, i.e. someone changed a schema.graphql without regenerating (CI). The files are left
 * regenerated, ready to commit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const generatedFiles = readdirSync('subgraphs').map(
  (subgraph) => `subgraphs/${subgraph}/src/generated/resolvers-types.ts`,
);
const before = new Map(generatedFiles.map((file) => [file, readIfPresent(file)]));
execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], { stdio: 'inherit' });
const stale = generatedFiles.filter((file) => readIfPresent(file) !== before.get(file));
if (stale.length > 0) {
  console.error(`Generated resolver types were stale (now regenerated; commit them):`);
  for (const file of stale) console.error(`  - ${file}`);
  process.exit(1);
}
console.log('Generated resolver types are up to date.');

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
