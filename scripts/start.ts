/**
 * `npm start`: the whole platform on one machine with nothing but Node.js.
 *
 * Starts a real PostgreSQL (embedded, data kept in .data/ between runs) unless DATABASE_URL names an
 * existing server, then the six subgraphs — each on its own database, migrated and seeded once — and
 * the gateway, as separate processes talking real HTTP. Ctrl-C stops every process it started,
 * PostgreSQL included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPortFree, startLocalPostgres, type LocalPostgres } from '@talentgraph/local-postgres';
import {
  LOG_LEVELS,
  loadConfigOrExit,
  oneOf,
  pattern,
  port,
  readConfig,
  redactUrl,
  text,
  url,
  type ConfigSpec,
} from '@talentgraph/platform';
import { DEFAULT_DATABASE_PREFIX, SUBGRAPHS, databaseNameOf } from './subgraphs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 90_000;

const portVariable = (name: string) => `${name.toUpperCase()}_PORT`;

const settings = {
  GATEWAY_PORT: port('port of the gateway (Apollo Sandbox and the GraphQL API)', 4000),
  METRICS_PORT: port("port of the gateway's Prometheus /metrics", 9464),
  ...Object.fromEntries(
    SUBGRAPHS.map((subgraph) => [
      portVariable(subgraph.name),
      port(`port of the ${subgraph.name} subgraph`, subgraph.port),
    ]),
  ),
  DATABASE_URL: url('an existing PostgreSQL server to use instead of the embedded one (unset: embedded)', {
    defaultValue: '',
    protocols: ['postgres:', 'postgresql:'],
  }),
  DATABASE_PREFIX: pattern(
    'prefix of the six database names (several stacks can share one PostgreSQL server)',
    {
      pattern: /^[a-z][a-z0-9_]{0,40}$/,
      expected: 'lowercase letters, digits and underscores, starting with a letter (at most 41)',
      defaultValue: DEFAULT_DATABASE_PREFIX,
    },
  ),
  EMBEDDED_POSTGRES_PORT: port('port of the embedded PostgreSQL', 54329),
  DATA_DIR: text('folder of the embedded PostgreSQL data, kept between runs', resolve(ROOT, '.data')),
  LOG_LEVEL: oneOf('minimum level of the log lines shown', LOG_LEVELS, 'info'),
} satisfies ConfigSpec;

const config = loadConfigOrExit('npm start', () => readConfig(settings));
const useEmbedded = config.DATABASE_URL === '';
const portOf = (name: string) => (config as Record<string, unknown>)[portVariable(name)] as number;

const children: { name: string; process: ChildProcess }[] = [];
let database: LocalPostgres | undefined;
let stopping = false;

// This script owns shutdown: embedded-postgres installs exit hooks that would end the process with
// status 130 before the services have drained. A second Ctrl-C kills what is left at once.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => (stopping ? killAll() : void stopAll(0)));
}

await refuseBusyPorts();
const serverUrl = await startDatabase();
// The event log all services share (domain events, live feeds); REDIS_URL, when set, replaces it.
const eventLogUrl = new URL(serverUrl);
eventLogUrl.pathname = `/${config.DATABASE_PREFIX}event_bus`;
const eventBackbone = { EVENTS_DATABASE_URL: eventLogUrl.toString() };
for (const subgraph of SUBGRAPHS) {
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${databaseNameOf(subgraph.name, config.DATABASE_PREFIX)}`;
  launch(subgraph.name, `subgraphs/${subgraph.name}/src/main.ts`, {
    PORT: String(portOf(subgraph.name)),
    DATABASE_URL: databaseUrl.toString(),
    MIGRATE_ON_START: 'true',
    SEED_DEMO_DATA: 'true',
    ...eventBackbone,
  });
}
await Promise.all(SUBGRAPHS.map((subgraph) => waitUntilReady(subgraph.name, portOf(subgraph.name))));
launch('gateway', 'gateway/src/main.ts', {
  PORT: String(config.GATEWAY_PORT),
  METRICS_PORT: String(config.METRICS_PORT),
  ...eventBackbone,
  ...Object.fromEntries(
    SUBGRAPHS.map((subgraph) => [
      `${subgraph.name.toUpperCase()}_URL`,
      `http://127.0.0.1:${portOf(subgraph.name)}/graphql`,
    ]),
  ),
});
await waitUntilReady('gateway', config.GATEWAY_PORT);
console.log(
  [
    '',
    `talentgraph is running (${(performance.now() / 1000).toFixed(1)} s)`,
    `  GraphQL API and Apollo Sandbox: http://localhost:${config.GATEWAY_PORT}/graphql`,
    `  PostgreSQL: ${useEmbedded ? `embedded, data in ${config.DATA_DIR}` : redactUrl(serverUrl)}`,
    '  Press Ctrl-C to stop everything.',
    '',
  ].join('\n'),
);

async function refuseBusyPorts(): Promise<void> {
  const wanted = [
    { port: config.GATEWAY_PORT, variable: 'GATEWAY_PORT' },
    { port: config.METRICS_PORT, variable: 'METRICS_PORT' },
    ...SUBGRAPHS.map((subgraph) => ({ port: portOf(subgraph.name), variable: portVariable(subgraph.name) })),
    ...(useEmbedded ? [{ port: config.EMBEDDED_POSTGRES_PORT, variable: 'EMBEDDED_POSTGRES_PORT' }] : []),
  ];
  const busy: string[] = [];
  for (const { port: candidate, variable } of wanted) {
    if (!(await isPortFree(candidate)))
      busy.push(`Port ${candidate} is already in use: set ${variable} to a free port.`);
  }
  if (busy.length > 0) {
    console.error(busy.join('\n'));
    process.exit(1);
  }
}

async function startDatabase(): Promise<string> {
  if (!useEmbedded) return config.DATABASE_URL;
  console.log(`Starting the embedded PostgreSQL on port ${config.EMBEDDED_POSTGRES_PORT}…`);
  database = await startLocalPostgres({
    dataDirectory: resolve(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
    persistent: true,
  });
  return database.url;
}

function launch(name: string, entryPoint: string, env: Record<string, string>): void {
  const child = spawn(process.execPath, [resolve(ROOT, entryPoint)], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: config.LOG_LEVEL,
      // Every service verifies access tokens against the users subgraph, wherever its port is.
      AUTH_JWKS_URL: `http://127.0.0.1:${portOf('users')}/.well-known/jwks.json`,
      // Where services reach the users subgraph (profiles: the quota route that counts unlocks).
      USERS_URL: `http://127.0.0.1:${portOf('users')}/graphql`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches only this script, which then stops each service exactly once.
    detached: true,
  });
  children.push({ name, process: child });
  relayLines(name, child.stdout!, process.stdout);
  relayLines(name, child.stderr!, process.stderr);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[${name}] exited unexpectedly (${signal ?? `code ${code}`}); stopping everything.`);
    void stopAll(1);
  });
}

/** Service logs are JSON lines; shown here as `[service] level message {details}` for humans. */
function relayLines(name: string, input: NodeJS.ReadableStream, output: NodeJS.WriteStream): void {
  let pending = '';
  input.setEncoding('utf8');
  input.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') output.write(`${formatLine(name, line)}\n`);
  });
}

function formatLine(name: string, line: string): string {
  try {
    const {
      level,
      msg,
      time: _time,
      service: _service,
      ...details
    } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.keys(details).length > 0 ? ` ${JSON.stringify(details)}` : '';
    return `[${name}] ${String(level)} ${String(msg)}${extra}`;
  } catch {
    return `[${name}] ${line}`;
  }
}

/**
 * Resolves once the service answers /ready. Once something else has started stopping everything, it
 * never resolves: start-up goes no further (no gateway launched, no "running" banner) and stopAll ends
 * the process.
 */
async function waitUntilReady(name: string, servicePort: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return new Promise<void>(() => {});
    try {
      const response = await fetch(`http://127.0.0.1:${servicePort}/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
  }
  if (stopping) return new Promise<void>(() => {});
  console.error(`[${name}] not ready after ${READY_TIMEOUT_MS / 1000} s; stopping everything.`);
  await stopAll(1);
}

function killAll(): never {
  console.error('Second signal: killing every service now.');
  for (const { process: child } of children) child.kill('SIGKILL');
  process.exit(1);
}

/** SIGTERM to every service (they drain and close their pools), then PostgreSQL last. */
async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping talentgraph…');
  await Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
          const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolveExit();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (database) {
    // On Ctrl-C the terminal signals PostgreSQL too; it may already be shutting down by itself.
    await database.stop().catch(() => undefined);
  }
  console.log('Stopped.');
  process.exit(exitCode);
}
