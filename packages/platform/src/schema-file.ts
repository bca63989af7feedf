import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Parses a subgraph's `schema.graphql`, given relative to the calling module's URL. */
export function loadSchemaFile(relativePath: string, base: string | URL): DocumentNode {
  return parse(readFileSync(new URL(relativePath, base), 'utf8'));
}
