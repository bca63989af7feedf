import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort, isPortFree } from '@talentgraph/local-postgres';
import { graphqlRequest, queryDatabase } from '@talentgraph/testing';

const START_SCRIPT = new URL('./start.ts', import.meta.url).pathname;
const SERVICES = ['GATEWAY', 'USERS', 'PROFILES', 'OFFERS', 'MATCHING', 'COMMUNITY', 'EVENTS'];

async function freePorts(): Promise<Record<string, string>> {
  const ports: Record<string, string> = {};
  for (const service of SERVICES) ports[`${service}_PORT`] = String(await findFreePort());
  ports['EMBEDDED_POSTGRES_PORT'] = String(await findFreePort());
  ports['METRICS_PORT'] = String(await findFreePort());
  return ports;
}

function runStart(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [START_SCRIPT], {
    env: { ...parentEnv, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
  output: () => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`${what} did not happen within ${timeoutMs} ms. Output:\n${output()}`));
      }
    }, 100);
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('npm start on a machine with only Node.js', () => {
  let dataDirectory: string;
  let ports: Record<string, string>;
  let run: ReturnType<typeof runStart>;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'talentgraph-start-'));
    // Run as root, the embedded PostgreSQL runs as its own system user, which must enter this folder.
    chmodSync(dataDirectory, 0o755);
    ports = await freePorts();
    run = runStart({ ...ports, DATA_DIR: dataDirectory });
    await waitFor(() => run.output().includes('talentgraph is running'), 90_000, 'start', run.output);
  }, 120_000);

  afterAll(async () => {
    if (run?.child.exitCode === null) {
      run.child.kill('SIGKILL');
    }
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('prints the Sandbox URL and serves the federated API', async () => {
    expect(run.output()).toContain(`http://localhost:${ports['GATEWAY_PORT']}/graphql`);
    const response = await graphqlRequest<{
      offers: { edges: { node: { organization: { name: string } } }[] };
    }>(
      `http://127.0.0.1:${ports['GATEWAY_PORT']}/graphql`,
      '{ offers(first: 3) { edges { node { title organization { name } matches(first: 1) { totalCount } } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.offers.edges).toHaveLength(3);
    expect(response.data!.offers.edges.every((edge) => edge.node.organization.name.length > 0)).toBe(true);
  });

  it('stops every process it started, PostgreSQL included, on Ctrl-C', async () => {
    run.child.kill('SIGINT');
    expect(await exitOf(run.child)).toBe(0);
    for (const port of Object.values(ports)) expect(await isPortFree(Number(port))).toBe(true);
    const leftovers = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(dataDirectory) || line.includes(START_SCRIPT));
    expect(leftovers).toEqual([]);
  }, 60_000);
});

describe('npm start with DATABASE_URL', () => {
  const prefix = `start_test_${Date.now()}_`;
  const server = () => inject('databaseServerUrl');

  afterAll(async () => {
    for (const subgraph of ['users', 'profiles', 'offers', 'matching', 'community', 'events']) {
      await queryDatabase(server(), `drop database if exists ${prefix}${subgraph} with (force)`);
    }
  });

  it('uses that server, one database per subgraph, instead of the embedded PostgreSQL', async () => {
    const ports = await freePorts();
    const run = runStart({ ...ports, DATABASE_URL: server(), DATABASE_PREFIX: prefix });
    await waitFor(() => run.output().includes('talentgraph is running'), 90_000, 'start', run.output);
    expect(run.output()).not.toContain('embedded PostgreSQL');
    const response = await graphqlRequest<{ organizations: { totalCount: number } }>(
      `http://127.0.0.1:${ports['GATEWAY_PORT']}/graphql`,
      '{ organizations { totalCount } }',
    );
    expect(response.data!.organizations.totalCount).toBeGreaterThan(0);
    const databases = await queryDatabase<{ datname: string }>(
      server(),
      'select datname from pg_database where datname like $1 order by datname',
      [`${prefix}%`],
    );
    expect(databases.map((row) => row.datname)).toEqual(
      // One database per subgraph, and the event log they share.
      ['community', 'event_bus', 'events', 'matching', 'offers', 'profiles', 'users'].map(
        (name) => `${prefix}${name}`,
      ),
    );
    run.child.kill('SIGINT');
    expect(await exitOf(run.child)).toBe(0);
  }, 120_000);
});

describe('npm start when a port is busy', () => {
  let blocker: Server;
  let busyPort: number;

  beforeAll(async () => {
    busyPort = await findFreePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(busyPort, '127.0.0.1', resolve));
  });

  afterAll(() => {
    blocker?.close();
  });

  it('refuses to start with one line naming the port and its variable', async () => {
    const run = runStart({ ...(await freePorts()), OFFERS_PORT: String(busyPort), DATA_DIR: tmpdir() });
    expect(await exitOf(run.child)).toBe(1);
    expect(run.output().trim()).toBe(`Port ${busyPort} is already in use: set OFFERS_PORT to a free port.`);
  });

  it('refuses an invalid setting with one line naming it', async () => {
    const run = runStart({ ...(await freePorts()), GATEWAY_PORT: 'four thousand' });
    expect(await exitOf(run.child)).toBe(78);
    expect(run.output()).toContain(
      'GATEWAY_PORT="four thousand" is invalid: expected an integer from 0 to 65535',
    );
  });
});
