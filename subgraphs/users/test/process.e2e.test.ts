import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, isPortFree } from '@talentgraph/local-postgres';
import { createTestDatabase, graphqlRequest, type TestDatabase } from '@talentgraph/testing';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;

/** The users subgraph as its own process, the way `npm start` and the containers run every service. */
function startProcess(env: Record<string, string>): { child: ChildProcess; lines: () => string[] } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, lines: () => output.split('\n').filter((line) => line.trim() !== '') };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );
}

async function waitUntilReady(port: number): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready on port ${port}`);
}

describe('a subgraph process', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('users_process');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('serves, then on SIGTERM drains, closes its pool and exits 0', async () => {
    const port = await findFreePort();
    const service = startProcess({ PORT: String(port), DATABASE_URL: database.url, SEED_DEMO_DATA: 'true' });
    await waitUntilReady(port);
    const response = await graphqlRequest<{ organizations: { totalCount: number } }>(
      `http://127.0.0.1:${port}/graphql`,
      '{ organizations { totalCount } }',
      {},
      { 'x-request-id': 'process-test-1' },
    );
    expect(response.data!.organizations.totalCount).toBeGreaterThan(0);

    service.child.kill('SIGTERM');
    expect(await exitOf(service.child)).toBe(0);
    expect(await isPortFree(port)).toBe(true);
    const messages = service.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(messages.find((message) => message['requestId'] === 'process-test-1')).toMatchObject({
      service: 'users-subgraph',
      msg: 'graphql request',
    });
    expect(messages.slice(-2).map((message) => message['msg'])).toEqual(['shutting down', 'stopped']);
  });

  it('refuses a bad configuration with one line per bad variable and exit status 78', async () => {
    const service = startProcess({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/users',
      LOG_LEVEL: 'loud',
    });
    expect(await exitOf(service.child)).toBe(78);
    expect(service.lines()).toEqual([
      'users subgraph: Invalid configuration:',
      '  - PORT="eighty" is invalid: expected an integer from 0 to 65535',
      '  - LOG_LEVEL="loud" is invalid: expected one of fatal, error, warn, info, debug, trace, silent',
      '  - DATABASE_URL="mysql://localhost/users" is invalid: expected a URL starting with postgres:// or postgresql://',
    ]);
  });
});
