/**
 * The platform exactly as `npm start` runs it — embedded PostgreSQL, migrations, demo data, six subgraph
 * processes and the gateway — on free ports and a throw-away data folder, for the benchmarks.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@talentgraph/local-postgres';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs.ts';
import { processTable, processTree } from './processes.ts';

/** The password `startLocalPostgres` gives the embedded server's superuser. */
const EMBEDDED_POSTGRES_URL = (port: number) => `postgres://postgres:talentgraph-local@127.0.0.1:${port}`;

export interface BenchPlatform {
  /** The GraphQL endpoint of npm start's gateway. */
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** What npm start gives every service: the token issuer's keys and the shared event log. */
  readonly serviceEnv: Readonly<Record<string, string>>;
  /** Process ids of the services npm start launched and of PostgreSQL (server and backends), now. */
  processes(): PlatformProcesses;
  stop(): Promise<void>;
}

export interface PlatformProcesses {
  readonly gateway: number;
  readonly subgraphs: Readonly<Record<SubgraphName, number>>;
  /** PostgreSQL and anything else npm start runs (itself included). */
  readonly rest: readonly number[];
}

export async function startPlatform(
  options: { logLevel?: string; env?: Readonly<Record<string, string>> } = {},
): Promise<BenchPlatform> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'talentgraph-bench-'));
  // The embedded PostgreSQL runs as its own system user when started as root; it must reach the folder.
  chmodSync(dataDirectory, 0o755);
  const ports: Record<string, string> = {};
  for (const service of ['GATEWAY', ...SUBGRAPHS.map((subgraph) => subgraph.name.toUpperCase())]) {
    ports[`${service}_PORT`] = String(await findFreePort());
  }
  const postgresPort = await findFreePort();
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const platform = spawn(process.execPath, [new URL('../start.ts', import.meta.url).pathname], {
    env: {
      ...parentEnv,
      ...ports,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      DATA_DIR: dataDirectory,
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Own process group: a Ctrl-C reaches only the benchmark, which stops npm start exactly once (a
    // second signal would make it kill its services without stopping PostgreSQL).
    detached: true,
  });
  // Its output (warnings and errors only, at this log level) goes to stderr, clear of the figures.
  platform.stdout!.pipe(process.stderr);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('talentgraph is running')) return;
      platform.stdout!.off('data', onOutput);
      resolve();
    };
    platform.stdout!.on('data', onOutput);
    platform.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
  });
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((subgraph) => [
      subgraph.name,
      `http://127.0.0.1:${ports[`${subgraph.name.toUpperCase()}_PORT`]}/graphql`,
    ]),
  ) as Record<SubgraphName, string>;
  return {
    gatewayUrl: `http://127.0.0.1:${ports['GATEWAY_PORT']}/graphql`,
    subgraphUrls,
    serviceEnv: {
      AUTH_JWKS_URL: new URL('/.well-known/jwks.json', subgraphUrls.users).toString(),
      EVENTS_DATABASE_URL: `${EMBEDDED_POSTGRES_URL(postgresPort)}/talentgraph_event_bus`,
    },
    processes() {
      const table = processTable();
      const children = [...table.values()].filter((process) => process.parentPid === platform.pid);
      const pidRunning = (entryPoint: string) =>
        children.find((child) => child.command.includes(entryPoint))?.pid ?? 0;
      const gateway = pidRunning('gateway/src/main.ts');
      const subgraphs = Object.fromEntries(
        SUBGRAPHS.map((subgraph) => [subgraph.name, pidRunning(`subgraphs/${subgraph.name}/src/main.ts`)]),
      ) as Record<SubgraphName, number>;
      const services = new Set([gateway, ...Object.values(subgraphs)]);
      const rest = processTree(table, platform.pid!).filter((pid) => !services.has(pid));
      return { gateway, subgraphs, rest };
    },
    async stop() {
      const started = processTree(processTable(), platform.pid!);
      if (platform.exitCode === null && platform.signalCode === null) {
        const exited = new Promise((resolve) => platform.once('exit', resolve));
        platform.kill('SIGINT');
        await exited;
      }
      // PostgreSQL writes into the data folder until it is down; the folder goes after it.
      const deadline = Date.now() + 30_000;
      while (started.some((pid) => existsSync(`/proc/${pid}`)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      rmSync(dataDirectory, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/**
 * Runs `stop` once on Ctrl-C or SIGTERM, then exits with 130. Importing the embedded PostgreSQL package
 * (for findFreePort) installs exit hooks that would end this process at once and leave the platform
 * running; this process runs no PostgreSQL of its own, so they are removed.
 */
export function stopOnInterrupt(stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }
}
