import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { traceContextFrom } from '@talentgraph/platform';
import type { GatewayContext } from '../src/context.ts';
import { SubgraphDataSource, type FetchObserver } from '../src/subgraph-data-source.ts';
import { fetchOf, startFakeSubgraph, type FakeSubgraph } from './fake-subgraph.ts';

/**
 * The gateway's own subgraph data source against a stand-in subgraph: what it sends, how it reads
 * answers and refusals, its deadline, its connection pool, and what it reports to the metrics.
 */
let subgraph: FakeSubgraph;
let dataSource: SubgraphDataSource;
let observed: { outcome: string; seconds: number }[];

function dataSourceFor(options: { timeoutMs?: number; maxConnections?: number } = {}): SubgraphDataSource {
  const observe: FetchObserver = {
    fetched: (outcome, seconds) => observed.push({ outcome, seconds }),
    shared: () => expect.unreachable('nothing is shared without InFlightQueries'),
  };
  return new SubgraphDataSource('offers', subgraph.url, {
    timeoutMs: options.timeoutMs ?? 2_000,
    maxConnections: options.maxConnections ?? 16,
    observe,
    inFlightQueries: null,
  });
}

const callerContext = (overrides: Partial<GatewayContext> = {}): Partial<GatewayContext> => ({
  requestId: 'request-1',
  trace: traceContextFrom('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
  authorization: 'Bearer token-1',
  clientIp: '203.0.113.7',
  ...overrides,
});

beforeEach(async () => {
  subgraph = await startFakeSubgraph(0);
  observed = [];
  dataSource = dataSourceFor();
});

afterEach(async () => {
  dataSource.close();
  await subgraph.close();
});

async function unavailability(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.unreachable('the fetch should have failed'),
    (reason: unknown) => reason as { message: string; extensions: Record<string, unknown> },
  );
  expect(error.message).toBe(
    'The offers subgraph is unavailable; its fields are missing from this response.',
  );
  expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'offers' });
}

describe('what the gateway sends a subgraph', () => {
  it('posts the operation with the request id, a new span of the trace, the token and the address', async () => {
    const response = await dataSource.process(
      fetchOf(callerContext(), {
        query: 'query Fetch($id: ID!) { echo(id: $id) }',
        variables: { id: 'o-1' },
      }),
    );
    expect(response).toEqual({ data: { echo: 'Fetch' } });
    await dataSource.process(fetchOf(callerContext()));
    const [first, second] = subgraph.received;
    expect(first!.body).toEqual({
      query: 'query Fetch($id: ID!) { echo(id: $id) }',
      variables: { id: 'o-1' },
      operationName: 'Fetch',
    });
    expect(first!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-request-id': 'request-1',
      authorization: 'Bearer token-1',
      'x-forwarded-for': '203.0.113.7',
    });
    const spans = [first, second].map((request) => {
      const [version, traceId, span, flags] = String(request!.headers['traceparent']).split('-');
      expect([version, traceId, flags]).toEqual(['00', '0af7651916cd43dd8448eb211c80319c', '01']);
      return span;
    });
    expect(spans[0]).not.toBe('b7ad6b7169203331');
    expect(spans[0]).not.toBe(spans[1]);
    // Kept alive: the second fetch went over the first one's connection.
    expect(second!.clientPort).toBe(first!.clientPort);
    expect(observed.map(({ outcome }) => outcome)).toEqual(['ok', 'ok']);
  });

  it('sends no caller headers when there is no caller', async () => {
    await dataSource.process(fetchOf({}));
    const { headers } = subgraph.received[0]!;
    for (const name of ['x-request-id', 'traceparent', 'authorization', 'x-forwarded-for']) {
      expect(headers[name]).toBeUndefined();
    }
  });

  it('opens at most SUBGRAPH_MAX_CONNECTIONS connections; more fetches wait for a free one', async () => {
    dataSource.close();
    dataSource = dataSourceFor({ maxConnections: 2 });
    subgraph.answer = () => ({
      status: 200,
      contentType: 'application/json',
      body: '{"data":{}}',
      delayMs: 50,
    });
    await Promise.all(Array.from({ length: 6 }, () => dataSource.process(fetchOf(callerContext()))));
    expect(subgraph.received).toHaveLength(6);
    expect(subgraph.peakConnections).toBe(2);
  });
});

describe('how answers are read', () => {
  it("passes a subgraph's GraphQL refusal on with its codes, whatever the HTTP status", async () => {
    subgraph.answer = () => ({
      status: 429,
      contentType: 'application/graphql-response+json',
      body: JSON.stringify({
        data: null,
        errors: [{ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } }],
      }),
    });
    const response = await dataSource.process(fetchOf(callerContext()));
    expect(response.errors).toEqual([
      { message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } },
    ]);
    expect(observed.map(({ outcome }) => outcome)).toEqual(['error']);
  });

  it('reports the subgraph unavailable when it answers something other than a GraphQL response', async () => {
    const answers = [
      { status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' },
      { status: 200, contentType: 'text/plain', body: 'ok' },
      { status: 200, contentType: 'application/json', body: '{"data":' },
      { status: 200, contentType: 'application/json', body: '[1, 2]' },
      { status: 401, contentType: 'application/json', body: '{"error":{"code":"UNAUTHENTICATED"}}' },
    ];
    for (const answer of answers) {
      subgraph.answer = () => answer;
      await unavailability(dataSource.process(fetchOf(callerContext())));
    }
    expect(observed.map(({ outcome }) => outcome)).toEqual(['error', 'ok', 'ok', 'ok', 'error']);
  });

  it('reports a subgraph that refuses connections unavailable', async () => {
    await subgraph.close();
    await unavailability(dataSource.process(fetchOf(callerContext())));
    expect(observed.map(({ outcome }) => outcome)).toEqual(['error']);
  });
});

describe('the deadline of a fetch', () => {
  for (const hang of ['before headers', 'after headers'] as const) {
    it(`reports a subgraph that hangs ${hang} unavailable at the deadline, as a timeout`, async () => {
      dataSource.close();
      dataSource = dataSourceFor({ timeoutMs: 300 });
      subgraph.answer = () => ({ hang });
      const startedAt = performance.now();
      await unavailability(dataSource.process(fetchOf(callerContext())));
      const elapsed = performance.now() - startedAt;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(1_500);
      expect(observed).toEqual([{ outcome: 'timeout', seconds: expect.closeTo(0.3, 1) }]);

      // The connection it hung on is gone; the next fetch gets a new one and its answer.
      subgraph.answer = () => ({
        status: 200,
        contentType: 'application/json',
        body: '{"data":{"ok":true}}',
      });
      expect(await dataSource.process(fetchOf(callerContext()))).toEqual({ data: { ok: true } });
    });
  }
});
