import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@talentgraph/demo-data';
import { graphqlRequest } from '@talentgraph/testing';
import type { RunningGateway } from '../src/gateway.ts';
import { startGatewayFor, startTestSupergraph, type TestSupergraph } from './helpers.ts';
import { startSubgraphProxy, type SubgraphProxy } from './proxy.ts';

/**
 * A subgraph that hangs or is down costs the client only that subgraph's fields, never the request;
 * service comes back by itself when the subgraph does; readiness says when nothing can be served.
 * Each subgraph is reached through a proxy whose behaviour the test switches, as outages come and go.
 */

/** Offers and one event: `event` is nullable, so a missing events subgraph leaves the offers standing. */
const OFFERS_AND_EVENTS = `{ offers(first: 1) { totalCount } event(id: "${events[0]!.id}") { title } }`;

let supergraph: TestSupergraph;
let proxies: Record<string, SubgraphProxy>;
let gateway: RunningGateway;

beforeAll(async () => {
  supergraph = await startTestSupergraph();
  proxies = Object.fromEntries(
    await Promise.all(
      Object.entries(supergraph.subgraphs).map(
        async ([name, subgraph]) => [name, await startSubgraphProxy(subgraph.url)] as const,
      ),
    ),
  );
  gateway = await startGatewayFor(supergraph.subgraphs, {
    ...supergraph.env,
    ...Object.fromEntries(
      Object.entries(proxies).map(([name, proxy]) => [`${name.toUpperCase()}_URL`, proxy.url]),
    ),
    SUBGRAPH_TIMEOUT_MS: '3000',
    SUBGRAPH_TIMEOUTS: 'events=500',
  });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.close()));
  await supergraph?.close();
});

async function timed<Result>(work: () => Promise<Result>): Promise<{ result: Result; milliseconds: number }> {
  const startedAt = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - startedAt };
}

describe('a slow or down subgraph', () => {
  it('that accepts the connection and never answers costs only its fields, at its own deadline', async () => {
    proxies['events']!.mode = 'hang';
    const { result, milliseconds } = await timed(() =>
      graphqlRequest<{ offers: { totalCount: number }; event: unknown }>(gateway.url, OFFERS_AND_EVENTS),
    );
    expect(result.status).toBe(200);
    expect(result.data!.offers.totalCount).toBeGreaterThan(0);
    expect(result.data!.event).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'events',
    });
    expect(result.errors![0]!.message).toMatch(/events subgraph is unavailable/);
    // SUBGRAPH_TIMEOUTS gives events 500 ms, well before the 3 s every other subgraph gets.
    expect(milliseconds).toBeGreaterThanOrEqual(450);
    expect(milliseconds).toBeLessThan(2_500);

    const metrics = await (await fetch(`http://127.0.0.1:${gateway.metricsPort}/metrics`)).text();
    expect(metrics).toMatch(
      /subgraph_fetch_duration_seconds_count\{subgraph="events",outcome="timeout"\} [1-9]/,
    );
  });

  it('that refuses connections costs only its fields, at once', async () => {
    proxies['events']!.mode = 'down';
    const { result, milliseconds } = await timed(() =>
      graphqlRequest<{ offers: { totalCount: number }; event: unknown }>(gateway.url, OFFERS_AND_EVENTS),
    );
    expect(result.data!.offers.totalCount).toBeGreaterThan(0);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'events',
    });
    expect(milliseconds).toBeLessThan(450);
  });

  it('is served again as soon as it comes back, without restarting the gateway', async () => {
    proxies['events']!.mode = 'forward';
    const result = await graphqlRequest<{ event: { title: string } }>(gateway.url, OFFERS_AND_EVENTS);
    expect(result.errors).toBeUndefined();
    expect(result.data!.event.title).toBe(events[0]!.title);
  });
});

describe('readiness', () => {
  const ready = () => fetch(gateway.url.replace('/graphql', '/ready'));

  it('stays ready while some subgraphs are down: the rest is still served', async () => {
    proxies['events']!.mode = 'down';
    proxies['matching']!.mode = 'hang';
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const answer = await ready();
    expect([answer.status, await answer.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('fails when no subgraph can be reached, and recovers when one comes back', async () => {
    for (const proxy of Object.values(proxies)) proxy.mode = 'down';
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const down = await ready();
    expect([down.status, await down.json()]).toEqual([503, { status: 'unavailable' }]);

    proxies['offers']!.mode = 'forward';
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await ready()).status).toBe(200);
    for (const proxy of Object.values(proxies)) proxy.mode = 'forward';
  });

  it('is not ready when the supergraph cannot be served: the gateway does not start', async () => {
    await expect(
      startGatewayFor(supergraph.subgraphs, {
        ...supergraph.env,
        SUPERGRAPH_PATH: '/nonexistent/supergraph.graphql',
      }),
    ).rejects.toThrow(/ENOENT/);
  });
});

describe('identical queries in flight', () => {
  it('share one fetch per subgraph through the gateway, and each request gets the whole answer', async () => {
    for (const name of ['offers', 'events']) proxies[name]!.delayMs = 300;
    const forwardedBefore = {
      offers: proxies['offers']!.forwarded.length,
      events: proxies['events']!.forwarded.length,
    };
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          graphqlRequest<{ offers: { totalCount: number }; event: { title: string } }>(
            gateway.url,
            OFFERS_AND_EVENTS,
          ),
        ),
      );
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toEqual(answers[0]!.data);
      }
      expect(answers[0]!.data!.event.title).toBe(events[0]!.title);
      expect(proxies['offers']!.forwarded.length - forwardedBefore.offers).toBe(1);
      expect(proxies['events']!.forwarded.length - forwardedBefore.events).toBe(1);
      const metrics = await (await fetch(`http://127.0.0.1:${gateway.metricsPort}/metrics`)).text();
      expect(metrics).toMatch(/subgraph_fetches_shared_total\{subgraph="offers"\} 4\b/);
      expect(metrics).toMatch(/subgraph_fetches_shared_total\{subgraph="events"\} 4\b/);
    } finally {
      for (const name of ['offers', 'events']) proxies[name]!.delayMs = 0;
    }
  });
});
