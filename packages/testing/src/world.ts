import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import type { KeySource, Viewer } from '@talentgraph/auth';
import type { SubgraphDefinition } from '@talentgraph/platform';
import { queryDatabase } from './database.ts';
import { graphqlRequest, type GraphQLResponse } from './graphql-client.ts';
import { startTestSubgraph, type TestSubgraph } from './subgraph.ts';
import { createTestIssuer, type TestIssuer } from './tokens.ts';

/**
 * One subgraph as its tests use it: a real HTTP server on its own fresh database, trusting the tokens of
 * a test issuer as it trusts the users subgraph's in production, with every SQL statement it sends kept.
 */
export interface TestWorld {
  readonly definition: SubgraphDefinition;
  readonly subgraph: TestSubgraph;
  readonly issuer: TestIssuer;
  /** Base URL of the subgraph's HTTP server, for its non-GraphQL routes. */
  readonly baseUrl: string;
  /** SQL statements sent since the start or the last `countSelects`. */
  readonly statements: string[];
  close(): Promise<void>;
}

export async function startTestWorld(
  definition: SubgraphDefinition,
  options: {
    /** Seed the demo data (the default). */
    seed?: boolean;
    /** What the subgraph trusts, when more than the issuer's tokens (the users subgraph's own, say). */
    keySource?: (issuer: TestIssuer) => KeySource;
    /** An event log shared with other services of the test (see startTestSubgraph). */
    eventsDatabaseUrl?: string;
  } = {},
): Promise<TestWorld> {
  const issuer = await createTestIssuer();
  const statements: string[] = [];
  const subgraph = await startTestSubgraph(definition, {
    keySource: options.keySource?.(issuer) ?? issuer.keySource,
    onQuery: (sql) => statements.push(sql),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.eventsDatabaseUrl ? { eventsDatabaseUrl: options.eventsDatabaseUrl } : {}),
  });
  return {
    definition,
    subgraph,
    issuer,
    baseUrl: `http://127.0.0.1:${subgraph.port}`,
    statements,
    close: () => subgraph.close(),
  };
}

/**
 * What `start` makes (a world, a supergraph), for the tests of the file or `describe` block that calls
 * this: started before them, closed after them. The object returned is filled in by the first hook, so
 * it is read in hooks and tests only; `start` must give a plain object whose fields keep their values
 * (their contents may change), as they are copied into it.
 */
export function startForTests<Started extends { close(): Promise<void> }>(
  start: () => Promise<Started>,
): Started {
  const started = {} as Started;
  let running = false;
  beforeAll(async () => {
    Object.assign(started, await start());
    running = true;
  });
  afterAll(async () => {
    if (running) await started.close();
  });
  return started;
}

/** A GraphQL request to the world's subgraph as `viewer` (anonymous when null), as the gateway forwards it. */
export async function request<Data = Record<string, unknown>>(
  world: Pick<TestWorld, 'subgraph' | 'issuer'>,
  viewer: Viewer | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  const headers = viewer ? await world.issuer.headersFor(viewer) : {};
  return graphqlRequest<Data>(world.subgraph.url, query, variables, headers);
}

/** Runs one SQL query on the world's database. */
export function rows<Row extends object>(
  world: Pick<TestWorld, 'subgraph'>,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  return queryDatabase<Row>(world.subgraph.database.url, sql, values);
}

/** Whether a statement the ORM logged is a SELECT. */
export function isSelect(statement: string): boolean {
  // The ORM colours its log lines; without stripping, "select" touches the escape code and has no \b.
  return /\bselect\b/i.test(stripVTControlCharacters(statement));
}

/** Runs `work` and counts the SELECT statements it caused. */
export async function countSelects(
  world: Pick<TestWorld, 'statements'>,
  work: () => Promise<unknown>,
): Promise<number> {
  world.statements.length = 0;
  await work();
  return world.statements.filter(isSelect).length;
}
