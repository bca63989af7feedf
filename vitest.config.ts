import { defineConfig } from 'vitest/config';

const everywhere = '{packages,subgraphs,gateway,scripts}';

/**
 * Three projects, one run (`npm test`): unit tests need nothing; integration tests get a real
 * PostgreSQL (embedded unless DATABASE_URL is set) and a database per file; end-to-end tests start the
 * subgraphs and the gateway as real HTTP servers.
 */
export default defineConfig({
  resolve: {
    // graphql ships an ES build that Vite prefers, while Apollo's CommonJS packages load the CommonJS
    // one: two copies of graphql ("another module or realm"). Everyone gets the one Node itself loads.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    globalSetup: ['packages/testing/src/global-setup.ts'],
    hookTimeout: 60_000,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [`${everywhere}/**/*.test.ts`],
          exclude: ['**/node_modules/**', '**/*.integration.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [`${everywhere}/**/*.integration.test.ts`],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: [`${everywhere}/**/*.e2e.test.ts`], exclude: ['**/node_modules/**'] },
      },
    ],
  },
});
