import { createServer, type Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { listen } from '@talentgraph/platform';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Operation names are chosen by clients: past this many distinct ones, others count as `other`. */
const MAX_OPERATION_LABELS = 200;

/**
 * The gateway's Prometheus metrics. Labels stay few (operation name, error code, subgraph), so the
 * cost per request is a few map lookups, and the number of series stays bounded whatever clients send.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'operation' | 'type'>;
  readonly #duration: Histogram<'operation'>;
  readonly #errors: Counter<'code'>;
  readonly #subgraphFetches: Histogram<'subgraph' | 'outcome'>;
  readonly #sharedSubgraphFetches: Counter<'subgraph'>;
  readonly #webSocketConnections: Gauge;
  readonly #operationLabels = new Set<string>();

  constructor(subscriptionCount: () => number) {
    collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' });
    const registers = [this.registry];
    this.#requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests (HTTP operations and WebSocket subscribes), by operation name and type',
      labelNames: ['operation', 'type'],
      registers,
    });
    this.#duration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request over HTTP, by operation name',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors returned to clients, by extensions.code (refusals before execution included)',
      labelNames: ['code'],
      registers,
    });
    this.#subgraphFetches = new Histogram({
      name: 'subgraph_fetch_duration_seconds',
      help: 'Time of one fetch from a subgraph, by subgraph and outcome (ok, error, timeout)',
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#sharedSubgraphFetches = new Counter({
      name: 'subgraph_fetches_shared_total',
      help: 'Subgraph queries answered by an identical fetch of another request already in flight, by subgraph',
      labelNames: ['subgraph'],
      registers,
    });
    this.#webSocketConnections = new Gauge({
      name: 'websocket_connections',
      help: 'Open graphql-ws connections',
      registers,
    });
    new Gauge({
      name: 'graphql_subscriptions',
      help: 'Active subscriptions on this gateway',
      registers,
      collect() {
        this.set(subscriptionCount());
      },
    });
  }

  /** Counts and times every operation that reaches Apollo Server, and its errors by code. */
  plugin<Context extends object>(): ApolloServerPlugin<Context> {
    const observe = (
      operationName: string | null | undefined,
      type: string,
      seconds: number,
      codes: readonly unknown[],
    ) => {
      const label = this.operationLabel(operationName);
      this.#requests.inc({ operation: label, type });
      this.#duration.observe({ operation: label }, seconds);
      for (const code of codes) this.countError(code);
    };
    return {
      async requestDidStart() {
        const startedAt = performance.now();
        return {
          async willSendResponse({ operationName, operation, errors }) {
            observe(
              operationName,
              operation?.operation ?? 'unknown',
              (performance.now() - startedAt) / 1000,
              (errors ?? []).map((error) => error.extensions?.['code']),
            );
          },
        };
      },
    };
  }

  countError(code: unknown): void {
    this.#errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
  }

  countSubscribe(operationName: string | null | undefined): void {
    this.#requests.inc({ operation: this.operationLabel(operationName), type: 'subscription' });
  }

  observeSubgraphFetch(subgraph: string, outcome: 'ok' | 'error' | 'timeout', seconds: number): void {
    this.#subgraphFetches.observe({ subgraph, outcome }, seconds);
  }

  countSharedSubgraphFetch(subgraph: string): void {
    this.#sharedSubgraphFetches.inc({ subgraph });
  }

  webSocketOpened(): void {
    this.#webSocketConnections.inc();
  }

  webSocketClosed(): void {
    this.#webSocketConnections.dec();
  }

  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.#operationLabels.has(name)) return name;
    if (this.#operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
    this.#operationLabels.add(name);
    return name;
  }
}

/**
 * `/metrics` on a port of its own (METRICS_PORT), never on the public API port: in production it is
 * reachable by whatever scrapes the pod or container network, not by the internet, and needs no
 * secret. Docker Compose does not publish it.
 */
export async function startMetricsServer(
  metrics: GatewayMetrics,
  port: number,
): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  });
  const boundPort = await listen(server, port, 'METRICS_PORT');
  return {
    port: boundPort,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
