import { remoteKeySource } from '@talentgraph/auth';
import { communitySubgraph } from '@talentgraph/community-subgraph';
import { eventsSubgraph } from '@talentgraph/events-subgraph';
import { matchingSubgraph } from '@talentgraph/matching-subgraph';
import { offersSubgraph } from '@talentgraph/offers-subgraph';
import { profilesSubgraph } from '@talentgraph/profiles-subgraph';
import { usersSubgraph } from '@talentgraph/users-subgraph';
import { createLogger, type Logger, type SubgraphDefinition } from '@talentgraph/platform';
import { startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { loadConfig } from '../src/config.ts';
import { startGateway, type RunningGateway } from '../src/gateway.ts';

export const ALL_SUBGRAPHS: readonly SubgraphDefinition[] = [
  usersSubgraph,
  profilesSubgraph,
  offersSubgraph,
  matchingSubgraph,
  communitySubgraph,
  eventsSubgraph,
];

export interface TestSupergraph {
  readonly gateway: RunningGateway;
  readonly subgraphs: Record<string, TestSubgraph>;
  close(): Promise<void>;
}

/** The six subgraphs (each on its own fresh, seeded database) and a gateway, all real HTTP servers. */
export async function startTestSupergraph(
  options: { env?: Record<string, string>; loggers?: Record<string, Logger> } = {},
): Promise<TestSupergraph> {
  const loggerOf = (name: string) => (options.loggers?.[name] ? { logger: options.loggers[name]! } : {});
  // The users subgraph issues tokens; every other service trusts its JWKS, as in production.
  const users = await startTestSubgraph(usersSubgraph, loggerOf('users'));
  const jwksUrl = users.url.replace('/graphql', '/.well-known/jwks.json');
  const others = await Promise.all(
    ALL_SUBGRAPHS.filter((definition) => definition !== usersSubgraph).map((definition) =>
      startTestSubgraph(definition, { ...loggerOf(definition.name), keySource: remoteKeySource(jwksUrl) }),
    ),
  );
  const started = [users, ...others];
  const subgraphs = Object.fromEntries(
    started.map((subgraph, index) => [
      [usersSubgraph, ...ALL_SUBGRAPHS.filter((d) => d !== usersSubgraph)][index]!.name,
      subgraph,
    ]),
  );
  const gateway = await startGatewayFor(subgraphs, options.env, options.loggers?.['gateway']);
  return {
    gateway,
    subgraphs,
    async close() {
      await gateway.stop();
      // A subgraph a test already stopped only needs its database dropped.
      await Promise.all(started.map((subgraph) => subgraph.close().catch(() => subgraph.database.drop())));
    },
  };
}

/** A gateway on a free port over already running subgraphs. */
export function startGatewayFor(
  subgraphs: Record<string, TestSubgraph>,
  env: Record<string, string> = {},
  logger: Logger = createLogger('gateway', 'silent'),
): Promise<RunningGateway> {
  return startGateway(
    loadConfig({
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SUBGRAPH_TIMEOUT_MS: '3000',
      SESSION_CHECK_CACHE_MS: '0',
      AUTH_JWKS_URL: subgraphs['users']!.url.replace('/graphql', '/.well-known/jwks.json'),
      ...Object.fromEntries(
        Object.entries(subgraphs).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph.url]),
      ),
      ...env,
    }),
    { logger },
  );
}
