/**
 * The three gateways the gateway benchmark compares, each started the same way: one Node process, its
 * output to a log file, optionally with a CPU profile written when it stops.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphName } from '../subgraphs.ts';

export const GATEWAY_KINDS = ['stock', 'ours', 'hive'] as const;
export type GatewayKind = (typeof GATEWAY_KINDS)[number];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HIVE_GATEWAY_BIN = join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js');
const READY_TIMEOUT_MS = 60_000;

/**
 * Our gateway as in production (NODE_ENV=production: persisted operations only, limits, error masking,
 * request log lines at info, metrics); its rate limits are raised far above the benchmark's rate, so
 * every request pays for the token buckets without being refused.
 */
export const OUR_GATEWAY_SETTINGS: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  IP_REQUESTS_PER_MINUTE: '1000000',
  USER_REQUESTS_PER_MINUTE: '1000000',
  PARTNER_REQUESTS_PER_MINUTE: '1000000',
  METRICS_PORT: '0',
};

export interface GatewayLaunch {
  readonly port: number;
  /** The supergraph with the join__graph URLs of the subgraphs to call (stock and Hive read them there). */
  readonly supergraphPath: string;
  /** The same URLs, for our gateway, which takes them from its configuration. */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** Token issuer keys and event log, as npm start gives our gateway. */
  readonly serviceEnv: Readonly<Record<string, string>>;
  readonly persistedQueriesPath: string;
  readonly logDirectory: string;
  /** When set, the process writes `<kind>.cpuprofile` there when it stops. */
  readonly cpuProfileDirectory?: string;
}

export interface RunningGateway {
  readonly kind: GatewayKind;
  readonly pid: number;
  readonly url: string;
  stop(): Promise<void>;
}

export async function launchGateway(kind: GatewayKind, launch: GatewayLaunch): Promise<RunningGateway> {
  const { port } = launch;
  const commands: Record<GatewayKind, { args: string[]; env: Record<string, string> }> = {
    stock: {
      args: [join(ROOT, 'scripts/bench/stock-gateway.ts'), launch.supergraphPath, String(port)],
      env: { NODE_ENV: 'production' },
    },
    ours: {
      args: [join(ROOT, 'gateway/src/main.ts')],
      env: {
        ...launch.serviceEnv,
        ...OUR_GATEWAY_SETTINGS,
        PORT: String(port),
        PERSISTED_QUERIES_PATH: launch.persistedQueriesPath,
        ...Object.fromEntries(
          Object.entries(launch.subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]),
        ),
      },
    },
    hive: {
      args: [
        HIVE_GATEWAY_BIN,
        'supergraph',
        launch.supergraphPath,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--fork',
        '1',
        '--config-path',
        join(ROOT, 'scripts/bench/hive-gateway.config.ts'),
      ],
      env: { NODE_ENV: 'production', BENCH_PERSISTED_QUERIES: launch.persistedQueriesPath },
    },
  };
  const { args, env } = commands[kind];
  const profiling = launch.cpuProfileDirectory
    ? ['--cpu-prof', `--cpu-prof-dir=${launch.cpuProfileDirectory}`, `--cpu-prof-name=${kind}.cpuprofile`]
    : [];
  const logPath = join(launch.logDirectory, `${kind}-${port}.log`);
  const log = openSync(logPath, 'a');
  const { DATABASE_URL: _database, NODE_OPTIONS: _options, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [...profiling, ...args], {
    cwd: ROOT,
    env: { ...parentEnv, ...env },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const readinessUrl = {
    stock: url,
    ours: `http://127.0.0.1:${port}/ready`,
    hive: `http://127.0.0.1:${port}/readiness`,
  }[kind];
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${kind} gateway exited with ${child.exitCode}:\n${readFileSync(logPath, 'utf8')}`);
    }
    if (await isReady(kind, readinessUrl)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${kind} gateway not ready after ${READY_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    kind,
    pid: child.pid!,
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    },
  };
}

async function isReady(kind: GatewayKind, url: string): Promise<boolean> {
  try {
    // Apollo's standalone server has no readiness route: it is ready when it answers GraphQL.
    const response =
      kind === 'stock'
        ? await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          })
        : await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}
