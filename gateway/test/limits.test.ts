import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperation, operationRules, type OperationLimits } from '../src/limits.ts';

const schema = Supergraph.build(
  readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
)
  .apiSchema()
  .toGraphQLJSSchema();

const generous: OperationLimits = {
  maxDepth: 100,
  maxAliases: 100,
  maxDirectives: 100,
  maxTokens: 100_000,
  maxCost: 10_000_000,
};

function errorsOf(query: string, limits: Partial<OperationLimits>): readonly GraphQLError[] {
  const outcome = checkOperation(schema, query, operationRules({ ...generous, ...limits }));
  return 'kind' in outcome ? [] : outcome;
}

/** offers → edges → node → organization → offers → edges → node → title: depth 8. */
const DEPTH_8 =
  '{ offers(first: 1) { edges { node { organization { offers(first: 1) { edges { node { title } } } } } } } }';
const THREE_ALIASES =
  '{ a: offers(first: 1) { totalCount } b: offers(first: 1) { totalCount } c: offers(first: 1) { totalCount } }';
const THREE_DIRECTIVES =
  'query ($x: Boolean!) { offers(first: 1) { totalCount @include(if: $x) edges @skip(if: $x) { cursor @include(if: $x) } } }';

describe('operation limits (the same rules for HTTP and WebSocket)', () => {
  it('passes an operation exactly at each limit', () => {
    expect(errorsOf(DEPTH_8, { maxDepth: 8 })).toEqual([]);
    expect(errorsOf(THREE_ALIASES, { maxAliases: 3 })).toEqual([]);
    expect(errorsOf(THREE_DIRECTIVES, { maxDirectives: 3 })).toEqual([]);
  });

  it('refuses one level, alias or directive more, naming the limit', () => {
    const [depth] = errorsOf(DEPTH_8, { maxDepth: 7 });
    expect(depth!.message).toBe('Query depth limit of 7 exceeded, found 8.');
    expect(depth!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_DEPTH' });
    const [aliases] = errorsOf(THREE_ALIASES, { maxAliases: 2 });
    expect(aliases!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_ALIASES' });
    expect(aliases!.message).toMatch(/Aliases limit of 2 exceeded, found 3/);
    const [directives] = errorsOf(THREE_DIRECTIVES, { maxDirectives: 2 });
    expect(directives!.extensions).toMatchObject({ limit: 'MAX_DIRECTIVES' });
  });

  it('refuses a document over the token limit while parsing, and passes one at it', () => {
    const query = '{ offers(first: 1) { totalCount } }';
    // { offers ( first : 1 ) { totalCount } } and <EOF>: 11 tokens.
    expect(errorsOf(query, { maxTokens: 11 })).toEqual([]);
    const [tooLong] = errorsOf(query, { maxTokens: 10 });
    expect(tooLong!.message).toMatch(/Document contains more tha[nt] 10 tokens/);
    expect(tooLong!.extensions['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses an operation over the cost limit, and passes it at its cost', () => {
    const [over] = errorsOf(DEPTH_8, { maxCost: 1 });
    const cost = Number(/found (\d+(?:\.\d+)?)/.exec(over!.message)![1]);
    expect(over!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_COST' });
    expect(errorsOf(DEPTH_8, { maxCost: Math.ceil(cost) })).toEqual([]);
    expect(errorsOf(DEPTH_8, { maxCost: Math.floor(cost) - 1 })).toHaveLength(1);
  });

  it('reports GraphQL validation errors with their code, as Apollo Server does', () => {
    const [unknownField] = errorsOf('{ offers(first: 1) { salaryInBitcoin } }', {});
    expect(unknownField!.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const [syntax] = errorsOf('{ offers(', {});
    expect(syntax!.extensions['code']).toBe('GRAPHQL_PARSE_FAILED');
  });
});
