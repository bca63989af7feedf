import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisRateLimiter, createRateLimiter } from '../src/rate-limit.ts';
import { describeRateLimiterContract } from './rate-limiter-contract.ts';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Unique to this run, so parallel runs and leftovers never meet; deleted afterwards. */
const prefix = `test:rate-limit:${randomUUID()}:`;

let redis: Redis;

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describeRateLimiterContract(
  'RedisRateLimiter',
  (options) => new RedisRateLimiter({ ...options, redis, keyPrefix: prefix }),
);

describe('RedisRateLimiter', () => {
  it('keeps each bucket under the prefix in a hash that expires once it would have refilled', async () => {
    const limits = new RedisRateLimiter({ capacity: 5, refillPerSecond: 1 / 60, redis, keyPrefix: prefix });
    await limits.consume('ttl-check', 2);
    const stored = await redis.hgetall(`${prefix}ttl-check`);
    expect(Number(stored['tokens'])).toBe(3);
    expect(Number(stored['updatedAt'])).toBeGreaterThan(Date.now() - 60_000);
    const ttl = await redis.pttl(`${prefix}ttl-check`);
    expect(ttl).toBeGreaterThan(115_000);
    expect(ttl).toBeLessThanOrEqual(121_000);
  });

  it('uses the Redis server clock when no clock is given', async () => {
    const limits = new RedisRateLimiter({ capacity: 2, refillPerSecond: 20, redis, keyPrefix: prefix });
    const key = `server-clock:${randomUUID()}`;
    expect((await limits.consume(key)).allowed).toBe(true);
    expect((await limits.consume(key)).allowed).toBe(true);
    expect(await limits.consume(key)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await limits.consume(key)).allowed).toBe(true);
  });

  it('reloads its script with EVAL after the server forgot it (SCRIPT FLUSH), then uses EVALSHA again', async () => {
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const limits = new RedisRateLimiter({
        capacity: 3,
        refillPerSecond: 1 / 60,
        redis: client,
        keyPrefix: prefix,
      });
      const key = `flush:${randomUUID()}`;
      await limits.consume(key);
      await client.script('FLUSH');
      const evalsha = vi.spyOn(client, 'evalsha');
      const evalScript = vi.spyOn(client, 'eval');
      expect(await limits.consume(key)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
      expect(evalsha).toHaveBeenCalledTimes(1);
      expect(evalScript).toHaveBeenCalledTimes(1);
      expect(await limits.consume(key)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
      expect(evalsha).toHaveBeenCalledTimes(2);
      expect(evalScript).toHaveBeenCalledTimes(1);
    } finally {
      await client.quit();
    }
  });

  it('never over-admits across replicas: five connections, ten concurrent attempts each', async () => {
    const replicas = Array.from({ length: 5 }, () =>
      createRateLimiter({ capacity: 5, refillPerSecond: 1 / 60, redisUrl: REDIS_URL, keyPrefix: prefix }),
    );
    try {
      expect(replicas[0]).toBeInstanceOf(RedisRateLimiter);
      const key = `replicas:${randomUUID()}`;
      const decisions = await Promise.all(
        replicas.flatMap((replica) => Array.from({ length: 10 }, () => replica.consume(key))),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });

  it('does not close a connection it was given', async () => {
    const limits = new RedisRateLimiter({ capacity: 1, refillPerSecond: 1, redis, keyPrefix: prefix });
    await limits.close();
    expect(await redis.ping()).toBe('PONG');
  });
});
