import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { traceContextFrom } from '@talentgraph/platform';
import { capturingLogger } from '@talentgraph/testing';
import type { GatewayContext } from '../src/context.ts';
import { InFlightQueries } from '../src/shared-fetches.ts';
import { SubgraphDataSource } from '../src/subgraph-data-source.ts';
import { fetchOf, startFakeSubgraph, type FakeSubgraph } from './fake-subgraph.ts';

/**
 * Identical subgraph queries in flight at the same time share one fetch: what counts as identical, what
 * never is shared, how failures reach every sharer, and that nothing outlives the fetch. The stand-in
 * subgraph answers after 100 ms, so that requests sent together overlap.
 */
let subgraph: FakeSubgraph;
let inFlightQueries: InFlightQueries;
let observed: { fetched: string[]; shared: number };
const dataSources: SubgraphDataSource[] = [];

function dataSourceAt(url: string, options: { timeoutMs?: number; sharing?: boolean } = {}) {
  const dataSource = new SubgraphDataSource('offers', url, {
    timeoutMs: options.timeoutMs ?? 2_000,
    maxConnections: 16,
    observe: {
      fetched: (outcome) => observed.fetched.push(outcome),
      shared: () => (observed.shared += 1),
    },
    inFlightQueries: options.sharing === false ? null : inFlightQueries,
  });
  dataSources.push(dataSource);
  return dataSource;
}

let caller = 0;
/** A new request's context: its own request id and trace, with the given token. */
function request(
  authorization: string | null = 'Bearer token-1',
  logger = capturingLogger('gateway').logger,
) {
  caller += 1;
  return {
    requestId: `request-${caller}`,
    trace: traceContextFrom(undefined),
    authorization,
    clientIp: `203.0.113.${caller}`,
    logger,
  } satisfies Partial<GatewayContext>;
}

beforeEach(async () => {
  subgraph = await startFakeSubgraph(100);
  inFlightQueries = new InFlightQueries();
  observed = { fetched: [], shared: 0 };
});

afterEach(async () => {
  for (const dataSource of dataSources.splice(0)) dataSource.close();
  await subgraph.close();
});

describe('identical queries in flight', () => {
  it('share one fetch: each gets its own copy of the answer, and the first logs who shared it', async () => {
    const dataSource = dataSourceAt(subgraph.url);
    const first = capturingLogger('gateway');
    const firstRequest = request('Bearer token-1', first.logger);
    const secondRequest = request();
    const [a, b] = await Promise.all([
      dataSource.process(fetchOf(firstRequest)),
      dataSource.process(fetchOf(secondRequest)),
    ]);
    expect(subgraph.received).toHaveLength(1);
    expect(a).toEqual({ data: { echo: 'Fetch' } });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(b.data).not.toBe(a.data);
    expect(observed).toEqual({ fetched: ['ok'], shared: 1 });

    // The fetch carried the first request's ids; its log line names the other request.
    const sent = subgraph.received[0]!.headers;
    expect(sent['x-request-id']).toBe(firstRequest.requestId);
    expect(String(sent['traceparent'])).toContain(firstRequest.trace.traceId);
    expect(first.lines).toEqual([
      expect.objectContaining({
        msg: 'subgraph fetch shared',
        subgraph: 'offers',
        traceparent: sent['traceparent'],
        sharedWith: [{ requestId: secondRequest.requestId, traceId: secondRequest.trace.traceId }],
      }),
    ]);
  });

  it('are shared by anonymous requests, apart from signed-in ones', async () => {
    const dataSource = dataSourceAt(subgraph.url);
    await Promise.all([
      dataSource.process(fetchOf(request(null))),
      dataSource.process(fetchOf(request(null))),
      dataSource.process(fetchOf(request('Bearer token-1'))),
    ]);
    expect(subgraph.received.map(({ headers }) => headers['authorization'] ?? null)).toEqual([
      null,
      'Bearer token-1',
    ]);
    expect(observed.shared).toBe(1);
  });
});

describe('never shared', () => {
  it('queries with different tokens, variables, operations or subgraphs', async () => {
    const dataSource = dataSourceAt(subgraph.url);
    const elsewhere = dataSourceAt(subgraph.url.replace('/graphql', '/other/graphql'));
    await Promise.all([
      dataSource.process(fetchOf(request('Bearer token-1'))),
      dataSource.process(fetchOf(request('Bearer token-2'))),
      dataSource.process(fetchOf(request(), { variables: { first: 2 } })),
      dataSource.process(fetchOf(request(), { query: 'query Fetch { echo other: echo }' })),
      elsewhere.process(fetchOf(request())),
    ]);
    expect(subgraph.received).toHaveLength(5);
    expect(observed.shared).toBe(0);
  });

  it('mutations', async () => {
    const dataSource = dataSourceAt(subgraph.url);
    await Promise.all([
      dataSource.process(fetchOf(request(), {}, 'mutation')),
      dataSource.process(fetchOf(request(), {}, 'mutation')),
    ]);
    expect(subgraph.received).toHaveLength(2);
    expect(observed.shared).toBe(0);
  });

  it('a query sent after a mutation of the same caller with one sent before it', async () => {
    // Queries take 300 ms, the mutation none: the earlier queries are still in flight after it.
    subgraph.answer = ({ body }) => ({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ data: { echo: body.operationName } }),
      delayMs: body.operationName === 'Fetch' ? 300 : 0,
    });
    const dataSource = dataSourceAt(subgraph.url);
    const before = dataSource.process(fetchOf(request('Bearer token-1')));
    const otherCaller = dataSource.process(fetchOf(request('Bearer token-2')));
    await dataSource.process(
      fetchOf(
        request('Bearer token-1'),
        { query: 'mutation Change { change }', operationName: 'Change' },
        'mutation',
      ),
    );
    await Promise.all([
      before,
      otherCaller,
      dataSource.process(fetchOf(request('Bearer token-1'))),
      dataSource.process(fetchOf(request('Bearer token-2'))),
    ]);
    expect(
      subgraph.received.map(({ body, headers }) => `${body.operationName} ${headers['authorization']}`),
    ).toEqual([
      'Fetch Bearer token-1',
      'Fetch Bearer token-2',
      'Change Bearer token-1',
      'Fetch Bearer token-1',
    ]);
    // token-2's later query joined its earlier one; token-1's did not.
    expect(observed.shared).toBe(1);
  });

  it('a query once its answer has arrived: nothing is kept', async () => {
    const dataSource = dataSourceAt(subgraph.url);
    await dataSource.process(fetchOf(request()));
    await dataSource.process(fetchOf(request()));
    expect(subgraph.received).toHaveLength(2);
    expect(observed.shared).toBe(0);
  });

  it('anything, when SUBGRAPH_FETCH_SHARING is off', async () => {
    const dataSource = dataSourceAt(subgraph.url, { sharing: false });
    await Promise.all([dataSource.process(fetchOf(request())), dataSource.process(fetchOf(request()))]);
    expect(subgraph.received).toHaveLength(2);
  });

  it('a fetch that carries a federated trace of its request', async () => {
    const dataSource = dataSourceAt(subgraph.url);
    const traced = () => {
      const options = fetchOf(request());
      options.request.http = {
        method: 'POST',
        url: subgraph.url,
        headers: new Headers({ 'apollo-federation-include-trace': 'ftv1' }) as never,
      };
      return options;
    };
    await Promise.all([dataSource.process(traced()), dataSource.process(traced())]);
    expect(subgraph.received).toHaveLength(2);
    expect(subgraph.received[0]!.headers['apollo-federation-include-trace']).toBe('ftv1');
  });
});

describe('a shared fetch that fails', () => {
  async function bothUnavailable(dataSource: SubgraphDataSource) {
    const outcomes = await Promise.allSettled([
      dataSource.process(fetchOf(request())),
      dataSource.process(fetchOf(request())),
    ]);
    expect(subgraph.received).toHaveLength(1);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason.extensions).toEqual({
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: 'offers',
      });
    }
    // Two separate errors: the gateway writes each request's path into its own.
    const [first, second] = outcomes as PromiseRejectedResult[];
    expect(first!.reason).not.toBe(second!.reason);
  }

  it('fails every request that shared it, each with an error naming the subgraph', async () => {
    subgraph.answer = () => ({
      status: 502,
      contentType: 'text/html',
      body: '<h1>Bad gateway</h1>',
      delayMs: 100,
    });
    await bothUnavailable(dataSourceAt(subgraph.url));
    expect(observed).toEqual({ fetched: ['error'], shared: 1 });
  });

  it('times out for every request that shared it at the first one’s deadline', async () => {
    subgraph.answer = () => ({ hang: 'before headers' });
    const startedAt = performance.now();
    await bothUnavailable(dataSourceAt(subgraph.url, { timeoutMs: 300 }));
    expect(performance.now() - startedAt).toBeLessThan(1_500);
    expect(observed).toEqual({ fetched: ['timeout'], shared: 1 });
  });
});
