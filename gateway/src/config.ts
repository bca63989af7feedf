import {
  authenticationSettings,
  boolean,
  commonSettings,
  eventBackboneSettings,
  integer,
  list,
  readConfig,
  text,
  trustedProxies,
  url,
  type ConfigOf,
  type Setting,
} from '@talentgraph/platform';

const subgraphUrl = (name: string, port: number) =>
  url(`GraphQL endpoint of the ${name} subgraph`, {
    defaultValue: `http://127.0.0.1:${port}/graphql`,
    protocols: ['http:', 'https:'],
  });

const SUBGRAPH_NAMES = ['users', 'profiles', 'offers', 'matching', 'community', 'events'] as const;

/** `name=milliseconds` pairs, e.g. `matching=2000,users=1000`: subgraphs that get their own fetch deadline. */
function subgraphTimeouts(): Setting<Readonly<Record<string, number>>> {
  return {
    description: 'fetch deadlines of particular subgraphs, overriding SUBGRAPH_TIMEOUT_MS',
    expected: `comma-separated name=milliseconds pairs (names: ${SUBGRAPH_NAMES.join(', ')}; 100 to 120000 ms)`,
    defaultValue: {},
    parse(raw) {
      const timeouts: Record<string, number> = {};
      for (const pair of raw.split(',')) {
        const match = /^\s*([a-z]+)\s*=\s*(\d+)\s*$/.exec(pair);
        const milliseconds = Number(match?.[2]);
        if (!match || !(SUBGRAPH_NAMES as readonly string[]).includes(match[1]!)) return undefined;
        if (milliseconds < 100 || milliseconds > 120_000) return undefined;
        timeouts[match[1]!] = milliseconds;
      }
      return timeouts;
    },
  };
}

/** Unset follows NODE_ENV (on in production); `true` or `false` decides regardless. */
function safelistOnly(): Setting<boolean | null> {
  const explicit = boolean('first-party clients too may run only the operations of the manifest');
  return {
    ...explicit,
    defaultValue: null,
    expected: 'true or false (unset: true when NODE_ENV=production)',
  };
}

const perMinute = (who: string, defaultValue: number) =>
  integer(`requests per minute allowed ${who} (token bucket: a burst of as many, refilled evenly)`, {
    defaultValue,
    min: 1,
    max: 1_000_000,
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
  SUBGRAPH_TIMEOUTS: subgraphTimeouts(),
  SUBGRAPH_FETCH_SHARING: boolean(
    'identical subgraph queries in flight at the same time (same subgraph, body and Authorization) share one fetch',
    true,
  ),
  SUBGRAPH_MAX_CONNECTIONS: integer(
    'keep-alive connections the gateway opens to one subgraph at most; more fetches wait for a free one, within their deadline',
    { defaultValue: 128, min: 1, max: 10_000 },
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
  PERSISTED_QUERIES_PATH: text(
    'persisted-operation manifest (npm run operations writes it from schema/operations)',
    new URL('../../schema/persisted-queries.json', import.meta.url).pathname,
  ),
  PARTNER_OPERATIONS_PATH: text(
    'the manifest operations partner API keys may run (npm run operations writes it from schema/operations/partners)',
    new URL('../../schema/partner-operations.json', import.meta.url).pathname,
  ),
  SAFELIST_ONLY: safelistOnly(),
  APQ_TTL_SECONDS: integer('how long an automatic persisted query (APQ) is remembered', {
    defaultValue: 86_400,
    min: 60,
    max: 30 * 86_400,
  }),
  MAX_DEPTH: integer('deepest selection nesting an operation may have', {
    defaultValue: 12,
    min: 1,
    max: 100,
  }),
  MAX_ALIASES: integer('aliases an operation may use', { defaultValue: 15, min: 0, max: 1_000 }),
  MAX_DIRECTIVES: integer('directives an operation may use', { defaultValue: 20, min: 0, max: 1_000 }),
  MAX_TOKENS: integer('lexical tokens an operation document may have', {
    defaultValue: 2_000,
    min: 10,
    max: 100_000,
  }),
  MAX_COST: integer(
    'graphql-armor cost an operation may reach (2 per object, 1 per scalar, x1.5 per level)',
    {
      defaultValue: 10_000,
      min: 1,
      max: 10_000_000,
    },
  ),
  MAX_BODY_BYTES: integer('largest HTTP request body or WebSocket message', {
    defaultValue: 256 * 1024,
    min: 1_024,
    max: 16 * 1024 * 1024,
  }),
  IP_REQUESTS_PER_MINUTE: perMinute('from one client address', 1_200),
  USER_REQUESTS_PER_MINUTE: perMinute('to one signed-in person', 600),
  PARTNER_REQUESTS_PER_MINUTE: perMinute('to one partner API key', 600),
  API_CALL_QUOTA_LEASE: integer(
    "API calls of a partner's monthly plan quota a gateway takes at once from the users subgraph",
    { defaultValue: 50, min: 1, max: 10_000 },
  ),
  METRICS_PORT: integer(
    'port of the Prometheus /metrics listener, apart from the public port (0: any free port)',
    {
      defaultValue: 9464,
      min: 0,
      max: 65_535,
    },
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

/** Subgraph name → how long one fetch to it may take. */
export function subgraphTimeoutOf(config: GatewayConfig, name: string): number {
  return config.SUBGRAPH_TIMEOUTS[name] ?? config.SUBGRAPH_TIMEOUT_MS;
}

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
