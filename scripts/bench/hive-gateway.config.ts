/**
 * Hive Gateway's configuration in the gateway benchmark: out of the box, plus the persisted documents of
 * the manifest named by BENCH_PERSISTED_QUERIES (its own feature for them; other documents still allowed).
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from '@graphql-hive/gateway';

const manifest = JSON.parse(readFileSync(process.env['BENCH_PERSISTED_QUERIES']!, 'utf8')) as {
  operations: { id: string; body: string }[];
};
const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));

export const gatewayConfig = defineConfig({
  persistedDocuments: {
    getPersistedOperation: (id) => bodies.get(id) ?? null,
    allowArbitraryDocuments: true,
  },
});
