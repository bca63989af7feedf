import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';

/**
 * Rate limits as token buckets. A bucket holds at most `capacity` tokens and starts full; each attempt
 * takes `cost` tokens (default 1) and is refused, taking nothing, when fewer are left; tokens come back
 * continuously at `refillPerSecond`. So `{ capacity: 5, refillPerSecond: 1 / 60 }` allows a burst of 5
 * attempts, then one a minute, and an idle key is back to 5 after 5 minutes. A bucket that has refilled
 * is the same as no bucket, which is what lets both implementations forget idle keys.
 *
 * Two implementations of one contract: Redis (shared by every replica, when `REDIS_URL` is set) and
 * in-process memory (single process: `npm start`, tests).
 */
export interface TokenBucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this attempt. */
  readonly remaining: number;
  /** 0 when allowed; otherwise the whole seconds (at least 1) until this attempt would be allowed. */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Takes `cost` tokens (default 1, at most the capacity) from the bucket of `key` if it has them. */
  consume(key: string, cost?: number): Promise<RateLimitDecision>;
  /** Refills the bucket of `key`, e.g. after a successful login. */
  reset(key: string): Promise<void>;
  /** Releases the limiter's resources (a Redis connection it opened). */
  close(): Promise<void>;
}

/** Milliseconds since the epoch; injectable so tests control time. */
export type Clock = () => number;

/** Floating-point slack: 5 tokens at 1/60 per second must come back after 300 s, not 300.000000001 s. */
const EPSILON = 1e-9;

function millisecondsPerToken(options: TokenBucketOptions): number {
  const { capacity, refillPerSecond } = options;
  if (!Number.isFinite(capacity) || capacity <= 0)
    throw new RangeError('A rate limit capacity must be positive.');
  if (!Number.isFinite(refillPerSecond) || refillPerSecond <= 0) {
    throw new RangeError('A rate limit refill rate must be positive.');
  }
  return 1000 / refillPerSecond;
}

function checkCost(cost: number, capacity: number): void {
  if (!Number.isFinite(cost) || cost <= 0 || cost > capacity) {
    throw new RangeError(`A rate limit cost must be positive and at most the capacity (${capacity}).`);
  }
}

function decision(allowed: boolean, tokens: number, waitMilliseconds: number): RateLimitDecision {
  return {
    allowed,
    remaining: Math.floor(tokens + EPSILON),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(waitMilliseconds / 1000 - EPSILON)),
  };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * In-process buckets. Memory stays bounded: buckets are kept in least-recently-updated order, each
 * `consume` drops those old enough to have refilled (amortized O(1), no timer), and past `maxKeys` the
 * least recently updated bucket is dropped even if not yet full.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #capacity: number;
  readonly #millisecondsPerToken: number;
  readonly #clock: Clock;
  readonly #maxKeys: number;

  constructor(options: TokenBucketOptions & { readonly clock?: Clock; readonly maxKeys?: number }) {
    this.#millisecondsPerToken = millisecondsPerToken(options);
    this.#capacity = options.capacity;
    this.#clock = options.clock ?? Date.now;
    this.#maxKeys = options.maxKeys ?? 100_000;
  }

  /** How many buckets are held (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  async consume(key: string, cost = 1): Promise<RateLimitDecision> {
    checkCost(cost, this.#capacity);
    const now = this.#clock();
    this.#forgetRefilled(now);
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, updatedAt: now };
    if (now > bucket.updatedAt) {
      bucket.tokens = Math.min(
        this.#capacity,
        bucket.tokens + (now - bucket.updatedAt) / this.#millisecondsPerToken,
      );
      bucket.updatedAt = now;
    }
    const allowed = bucket.tokens + EPSILON >= cost;
    if (allowed) bucket.tokens = Math.max(0, bucket.tokens - cost);
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxKeys) this.#buckets.delete(this.#buckets.keys().next().value!);
    return decision(
      allowed,
      bucket.tokens,
      allowed ? 0 : (cost - bucket.tokens) * this.#millisecondsPerToken,
    );
  }

  async reset(key: string): Promise<void> {
    this.#buckets.delete(key);
  }

  async close(): Promise<void> {
    this.#buckets.clear();
  }

  #forgetRefilled(now: number): void {
    const refillMilliseconds = this.#capacity * this.#millisecondsPerToken;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.updatedAt + refillMilliseconds > now) return;
      this.#buckets.delete(key);
    }
  }
}

/**
 * The whole decision in one script, so that concurrent attempts from any number of replicas are
 * serialized by Redis and can never be admitted beyond the capacity. ARGV: capacity, milliseconds per
 * token, cost, and the current time in milliseconds or '' to use the Redis server's clock (one clock for
 * every replica). The bucket is a hash {tokens, updatedAt} that expires once it would have refilled.
 */
const CONSUME_SCRIPT = `
local capacity = tonumber(ARGV[1])
local msPerToken = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updatedAt')
local tokens = tonumber(state[1])
local updatedAt = tonumber(state[2])
if tokens == nil or updatedAt == nil then
  tokens = capacity
  updatedAt = now
elseif now > updatedAt then
  tokens = math.min(capacity, tokens + (now - updatedAt) / msPerToken)
  updatedAt = now
end
local allowed = 0
local waitMs = 0
if tokens + ${EPSILON} >= cost then
  tokens = math.max(0, tokens - cost)
  allowed = 1
else
  waitMs = (cost - tokens) * msPerToken
end
local fullInMs = math.ceil((capacity - tokens) * msPerToken)
if fullInMs > 0 then
  redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'updatedAt', string.format('%.17g', updatedAt))
  redis.call('PEXPIRE', KEYS[1], fullInMs + 1000)
else
  redis.call('DEL', KEYS[1])
end
return { allowed, string.format('%.17g', tokens), string.format('%.17g', waitMs) }
`;
const CONSUME_SCRIPT_SHA1 = createHash('sha1').update(CONSUME_SCRIPT).digest('hex');

export interface RedisRateLimiterOptions extends TokenBucketOptions {
  readonly redis: Redis;
  /** Prepended to every key. Limits with different bucket options must not share a prefix. */
  readonly keyPrefix?: string;
  /** By default the Redis server's clock. */
  readonly clock?: Clock;
  /** Whether `close()` also closes `redis` (true when the limiter opened the connection itself). */
  readonly ownsConnection?: boolean;
}

/** Buckets in Redis, shared by every replica; one atomic Lua script per attempt (EVALSHA, EVAL on NOSCRIPT). */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #capacity: number;
  readonly #millisecondsPerToken: number;
  readonly #keyPrefix: string;
  readonly #clock: Clock | undefined;
  readonly #ownsConnection: boolean;

  constructor(options: RedisRateLimiterOptions) {
    this.#millisecondsPerToken = millisecondsPerToken(options);
    this.#capacity = options.capacity;
    this.#redis = options.redis;
    this.#keyPrefix = options.keyPrefix ?? 'rate-limit:';
    this.#clock = options.clock;
    this.#ownsConnection = options.ownsConnection ?? false;
  }

  async consume(key: string, cost = 1): Promise<RateLimitDecision> {
    checkCost(cost, this.#capacity);
    const args = [
      String(this.#capacity),
      String(this.#millisecondsPerToken),
      String(cost),
      this.#clock ? String(this.#clock()) : '',
    ];
    const redisKey = this.#keyPrefix + key;
    let reply: unknown;
    try {
      reply = await this.#redis.evalsha(CONSUME_SCRIPT_SHA1, 1, redisKey, ...args);
    } catch (error) {
      // After a restart, failover or SCRIPT FLUSH the server no longer knows the script; EVAL reloads it.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      reply = await this.#redis.eval(CONSUME_SCRIPT, 1, redisKey, ...args);
    }
    const [allowed, tokens, waitMilliseconds] = reply as [number, string, string];
    return decision(allowed === 1, Number(tokens), Number(waitMilliseconds));
  }

  async reset(key: string): Promise<void> {
    await this.#redis.del(this.#keyPrefix + key);
  }

  async close(): Promise<void> {
    if (this.#ownsConnection) await this.#redis.quit();
  }
}

export type CreateRateLimiterOptions = TokenBucketOptions & {
  /** Redis when set (a connection of its own), in-process memory otherwise. */
  readonly redisUrl?: string | undefined;
  /** An existing connection to share instead of `redisUrl`. */
  readonly redis?: Redis | undefined;
  readonly keyPrefix?: string;
  readonly clock?: Clock;
};

export function createRateLimiter(options: CreateRateLimiterOptions): RateLimiter {
  const { redisUrl, redis, ...bucket } = options;
  if (redis) return new RedisRateLimiter({ ...bucket, redis });
  if (redisUrl) {
    // Fail fast rather than queue attempts while Redis is unreachable: the caller then refuses the login.
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    return new RedisRateLimiter({ ...bucket, redis: connection, ownsConnection: true });
  }
  return new MemoryRateLimiter(bucket);
}

/**
 * The error for a refused attempt: `RATE_LIMITED` with the seconds to wait, and (Apollo Server reads
 * `extensions.http`, then removes it from the response) HTTP 429 with a `Retry-After` header.
 */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(`Too many attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
    },
  });
}
