import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort, startLocalPostgres } from '@talentgraph/local-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server the whole run uses (its maintenance database). */
    databaseServerUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole test run: the server of DATABASE_URL when it is set, otherwise a
 * throw-away embedded PostgreSQL 18 in a temporary folder. Each test file then creates its own databases.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const configured = process.env['DATABASE_URL'];
  if (configured) {
    project.provide('databaseServerUrl', configured);
    return;
  }
  const parent = mkdtempSync(join(tmpdir(), 'talentgraph-test-pg-'));
  // Run as root, PostgreSQL runs as its own system user, which must be able to enter the folder.
  chmodSync(parent, 0o755);
  const server = await startLocalPostgres({
    dataDirectory: join(parent, 'data'),
    port: await findFreePort(),
    persistent: false,
  });
  project.provide('databaseServerUrl', server.url);
  return () => server.stop();
}
