/**
 * Hive Gateway's configuration in the gateway benchmark: out of the box, plus the persisted documents of
 * the manifest named by BENCH_PERSISTED_QUERIES (its own feature for them; other documents still allowed),
 * and the client's `Authorization` header passed on to the subgraphs (its `propagateHeaders`), so that a
 * signed-in caller gets what they may see, as through our gateway.
 *
 * The file does not import `@graphql-hive/gateway` (whose `defineConfig` only returns its argument): the
 * package's graphql-yoga types widen graphql's `GraphQLErrorExtensions` for the whole typed program, which
 * breaks code that reads `extensions.http` as Apollo Server shapes it. The part of its configuration type
 * used here is written out instead.
 */
import { readFileSync } from 'node:fs';

interface HiveGatewayConfig {
  readonly persistedDocuments: {
    readonly getPersistedOperation: (id: string) => string | null;
    readonly allowArbitraryDocuments: boolean;
  };
  readonly propagateHeaders: {
    readonly fromClientToSubgraphs: (payload: {
      readonly request: { readonly headers: { get(name: string): string | null } };
    }) => Record<string, string | null | undefined>;
  };
}

const manifest = JSON.parse(readFileSync(process.env['BENCH_PERSISTED_QUERIES']!, 'utf8')) as {
  operations: { id: string; body: string }[];
};
const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));

export const gatewayConfig: HiveGatewayConfig = {
  persistedDocuments: {
    getPersistedOperation: (id) => bodies.get(id) ?? null,
    allowArbitraryDocuments: true,
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
  },
};
