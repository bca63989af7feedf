import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter, createRateLimiter } from '../src/rate-limit.ts';
import { describeRateLimiterContract } from './rate-limiter-contract.ts';

describeRateLimiterContract('MemoryRateLimiter', (options) => new MemoryRateLimiter(options));

describe('MemoryRateLimiter', () => {
  it('forgets buckets once they have refilled, so idle keys hold no memory', async () => {
    let now = 0;
    const limits = new MemoryRateLimiter({ capacity: 5, refillPerSecond: 1, clock: () => now });
    for (let index = 0; index < 1000; index++) await limits.consume(`ip:${index}`);
    expect(limits.size).toBe(1000);
    now += 4_000;
    await limits.consume('ip:late');
    expect(limits.size).toBe(1001);
    now += 1_000;
    await limits.consume('ip:later');
    expect(limits.size).toBe(2);
  });

  it('keeps at most `maxKeys` buckets, dropping the least recently used', async () => {
    const limits = new MemoryRateLimiter({
      capacity: 2,
      refillPerSecond: 1 / 60,
      clock: () => 0,
      maxKeys: 100,
    });
    await limits.consume('kept');
    await limits.consume('kept');
    for (let index = 0; index < 98; index++) await limits.consume(`other:${index}`);
    await limits.consume('kept');
    for (let index = 98; index < 150; index++) await limits.consume(`other:${index}`);
    expect(limits.size).toBe(100);
    expect((await limits.consume('kept')).allowed).toBe(false);
    expect((await limits.consume('other:0')).remaining).toBe(1);
  });
});

describe('createRateLimiter', () => {
  it('keeps buckets in memory when no Redis URL is given', async () => {
    const limits = createRateLimiter({ capacity: 1, refillPerSecond: 1, redisUrl: undefined });
    expect(limits).toBeInstanceOf(MemoryRateLimiter);
    await limits.close();
  });
});
