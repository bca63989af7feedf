import {
  authenticationSettings,
  commonSettings,
  eventBackboneSettings,
  integer,
  list,
  readConfig,
  text,
  trustedProxies,
  url,
  type ConfigOf,
} from '@talentgraph/platform';

const subgraphUrl = (name: string, port: number) =>
  url(`GraphQL endpoint of the ${name} subgraph`, {
    defaultValue: `http://127.0.0.1:${port}/graphql`,
    protocols: ['http:', 'https:'],
  });

export const settings = {
  ...commonSettings(4000),
  ...authenticationSettings(),
  ...eventBackboneSettings(),
  SESSION_CHECK_CACHE_MS: integer('how long the answer "this sign-in session is active" is reused', {
    defaultValue: 5_000,
    min: 0,
    max: 60_000,
  }),
  USERS_URL: subgraphUrl('users', 4001),
  PROFILES_URL: subgraphUrl('profiles', 4002),
  OFFERS_URL: subgraphUrl('offers', 4003),
  MATCHING_URL: subgraphUrl('matching', 4004),
  COMMUNITY_URL: subgraphUrl('community', 4005),
  EVENTS_URL: subgraphUrl('events', 4006),
  SUPERGRAPH_PATH: text(
    'composed supergraph schema to serve (npm run compose writes it)',
    new URL('../../schema/supergraph.graphql', import.meta.url).pathname,
  ),
  SUBGRAPH_TIMEOUT_MS: integer(
    'how long the gateway waits for one subgraph fetch before reporting it unavailable',
    {
      defaultValue: 10_000,
      min: 100,
      max: 120_000,
    },
  ),
  // None by default: the gateway is the edge. Behind a load balancer, list it so that per-address
  // limits see the caller rather than the balancer.
  TRUSTED_PROXIES: trustedProxies([]),
  WS_KEEPALIVE_MS: integer('interval of WebSocket pings; a client that misses one pong is disconnected', {
    defaultValue: 12_000,
    min: 1_000,
    max: 300_000,
  }),
  WS_SESSION_CHECK_MS: integer(
    'how often WebSocket connections are checked for ended sign-in sessions (logout, disabled account)',
    { defaultValue: 30_000, min: 100, max: 3_600_000 },
  ),
  SUBSCRIPTION_QUEUE_LIMIT: integer(
    'events a subscriber may have waiting before it counts as too slow and its subscription ends',
    { defaultValue: 100, min: 1, max: 10_000 },
  ),
  CORS_ORIGINS: list('browser origins allowed to call the API (comma-separated; empty allows none)', [
    'http://localhost:3000',
    'http://localhost:5173',
    'https://studio.apollographql.com',
  ]),
};

export type GatewayConfig = ConfigOf<typeof settings>;

export const loadConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig =>
  readConfig(settings, env);

/** Subgraph name (as composed in the supergraph) → the URL the gateway calls it at. */
export function subgraphUrls(config: GatewayConfig): Record<string, string> {
  return {
    users: config.USERS_URL,
    profiles: config.PROFILES_URL,
    offers: config.OFFERS_URL,
    matching: config.MATCHING_URL,
    community: config.COMMUNITY_URL,
    events: config.EVENTS_URL,
  };
}
