/**
 * Environment-variable configuration, validated once at start.
 *
 * Each service declares a spec (variable → parser with a documented default); `readConfig` parses every
 * variable, collects every problem and throws one `ConfigError` listing one line per bad value, so an
 * operator fixes them all in a single pass instead of one restart per mistake.
 */

export interface Setting<T> {
  /** What the variable controls, shown in error messages and documentation. */
  readonly description: string;
  /** Value used when the variable is unset or empty; `undefined` means the variable is required. */
  readonly defaultValue: T | undefined;
  /** Human description of a valid value, e.g. "an integer from 1 to 65535". */
  readonly expected: string;
  /** Returns the parsed value, or `undefined` when the raw text is invalid. */
  parse(raw: string): T | undefined;
}

export type ConfigSpec = Record<string, Setting<unknown>>;

export type ConfigOf<Spec extends ConfigSpec> = {
  readonly [Name in keyof Spec]: Spec[Name] extends Setting<infer T> ? T : never;
};

export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function readConfig<Spec extends ConfigSpec>(
  spec: Spec,
  env: Record<string, string | undefined> = process.env,
): ConfigOf<Spec> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(spec)) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      if (setting.defaultValue === undefined) {
        problems.push(`${name} is required: ${setting.description} (expected ${setting.expected})`);
      } else {
        values[name] = setting.defaultValue;
      }
      continue;
    }
    const parsed = setting.parse(raw);
    if (parsed === undefined) {
      problems.push(`${name}=${JSON.stringify(raw)} is invalid: expected ${setting.expected}`);
    } else {
      values[name] = parsed;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<Spec>;
}

function setting<T>(
  description: string,
  expected: string,
  defaultValue: T | undefined,
  parse: (raw: string) => T | undefined,
): Setting<T> {
  return { description, expected, defaultValue, parse };
}

export function integer(
  description: string,
  options: { defaultValue?: number; min?: number; max?: number } = {},
): Setting<number> {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  return setting(description, `an integer from ${min} to ${max}`, options.defaultValue, (raw) => {
    if (!/^-?\d+$/.test(raw)) return undefined;
    const value = Number(raw);
    return value >= min && value <= max ? value : undefined;
  });
}

export function port(description: string, defaultValue?: number): Setting<number> {
  const options = defaultValue === undefined ? { min: 0, max: 65535 } : { defaultValue, min: 0, max: 65535 };
  return integer(description, options);
}

export function boolean(description: string, defaultValue?: boolean): Setting<boolean> {
  const truthy = new Set(['true', '1', 'yes', 'on']);
  const falsy = new Set(['false', '0', 'no', 'off']);
  return setting(description, 'true or false', defaultValue, (raw) => {
    const lowered = raw.toLowerCase();
    if (truthy.has(lowered)) return true;
    if (falsy.has(lowered)) return false;
    return undefined;
  });
}

export function oneOf<const Choice extends string>(
  description: string,
  choices: readonly Choice[],
  defaultValue?: Choice,
): Setting<Choice> {
  return setting(description, `one of ${choices.join(', ')}`, defaultValue, (raw) =>
    choices.find((choice) => choice === raw),
  );
}

export function text(description: string, defaultValue?: string): Setting<string> {
  return setting(description, 'a non-empty string', defaultValue, (raw) => raw);
}

/** Text that must match `pattern` entirely, described to the operator as `expected`. */
export function pattern(
  description: string,
  options: { pattern: RegExp; expected: string; defaultValue?: string },
): Setting<string> {
  return setting(description, options.expected, options.defaultValue, (raw) =>
    options.pattern.test(raw) ? raw : undefined,
  );
}

export function url(
  description: string,
  options: { defaultValue?: string; protocols: readonly string[] },
): Setting<string> {
  const expected = `a URL starting with ${options.protocols.map((protocol) => `${protocol}//`).join(' or ')}`;
  return setting(description, expected, options.defaultValue, (raw) => {
    try {
      const parsed = new URL(raw);
      return options.protocols.includes(parsed.protocol) ? raw : undefined;
    } catch {
      return undefined;
    }
  });
}

/** A URL that may be left unset (empty string): the feature it enables is then off. */
export function optionalUrl(description: string, protocols: readonly string[]): Setting<string> {
  const required = url(description, { protocols });
  return { ...required, defaultValue: '', expected: `${required.expected}, or unset` };
}

/** Comma-separated list; an explicitly empty default means "none". */
export function list(description: string, defaultValue?: readonly string[]): Setting<readonly string[]> {
  return setting(description, 'a comma-separated list', defaultValue, (raw) =>
    raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
}

/**
 * Proxies whose `X-Forwarded-For` is believed for the client address (Express "trust proxy" values:
 * `loopback`, `uniquelocal`, addresses, CIDR ranges). Per-address rate limits are only as good as this.
 */
export function trustedProxies(defaultValue: readonly string[]): Setting<readonly string[]> {
  return list(
    'proxies whose X-Forwarded-For is believed for the client address (Express "trust proxy" values)',
    defaultValue,
  );
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Settings every service shares. */
export function commonSettings(defaultPort: number) {
  return {
    PORT: port('HTTP port the service listens on', defaultPort),
    NODE_ENV: oneOf('runtime mode; production hides Sandbox and internal errors', NODE_ENVS, 'development'),
    LOG_LEVEL: oneOf('minimum level of JSON log lines', LOG_LEVELS, 'info'),
    SHUTDOWN_TIMEOUT_MS: integer('how long a graceful shutdown may drain in-flight requests', {
      defaultValue: 10_000,
      min: 0,
      max: 600_000,
    }),
  };
}

/** Where access tokens come from: every service verifies them itself (a forged identity is refused). */
export function authenticationSettings() {
  return {
    AUTH_JWKS_URL: url('JWKS of the token issuer (the users subgraph), for verifying access tokens', {
      defaultValue: 'http://127.0.0.1:4001/.well-known/jwks.json',
      protocols: ['http:', 'https:'],
    }),
    AUTH_ISSUER: text('expected issuer (iss) of access tokens', 'talentgraph'),
    AUTH_AUDIENCE: text('expected audience (aud) of access tokens', 'talentgraph-api'),
  };
}

/**
 * Where domain events travel (packages/events): Redis Streams when `REDIS_URL` is set, otherwise an
 * event log in one PostgreSQL database shared by every service (not a subgraph's own database).
 */
export function eventBackboneSettings() {
  return {
    REDIS_URL: optionalUrl(
      'Redis shared by replicas (events, rate limits, subscriptions); unset: PostgreSQL and memory',
      ['redis:', 'rediss:'],
    ),
    EVENTS_KEY_PREFIX: pattern('prefix of the Redis keys and channels of events and live feeds', {
      pattern: /^[A-Za-z0-9:_-]{1,64}$/,
      expected: 'letters, digits, ":", "_" or "-" (at most 64)',
      defaultValue: 'talentgraph:events:',
    }),
    EVENTS_DATABASE_URL: url(
      'PostgreSQL database of the event log, shared by every service (when REDIS_URL is unset)',
      {
        defaultValue: 'postgres://postgres@127.0.0.1:5432/talentgraph_event_bus',
        protocols: ['postgres:', 'postgresql:'],
      },
    ),
  };
}

/** Settings every subgraph shares: its own database, and what to do with it at start. */
export function subgraphSettings(options: { defaultPort: number; database: string }) {
  return {
    ...commonSettings(options.defaultPort),
    DATABASE_URL: url(`PostgreSQL URL of this subgraph's own database (${options.database})`, {
      defaultValue: `postgres://postgres@127.0.0.1:5432/${options.database}`,
      protocols: ['postgres:', 'postgresql:'],
    }),
    DATABASE_POOL_MAX: integer('maximum connections in the database pool', {
      defaultValue: 10,
      min: 1,
      max: 200,
    }),
    ...authenticationSettings(),
    ...eventBackboneSettings(),
    MIGRATE_ON_START: boolean('apply pending migrations at start', true),
    SEED_DEMO_DATA: boolean('insert the demo data set once (skipped when already seeded)', false),
  };
}

export type SubgraphConfig = ConfigOf<ReturnType<typeof subgraphSettings>>;

/** For entry points: a bad configuration prints its problems and exits with status 78 (EX_CONFIG). */
export function loadConfigOrExit<Config>(service: string, load: () => Config): Config {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(78);
  }
}
