import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock, RateLimiter, TokenBucketOptions } from '../src/rate-limit.ts';

export type RateLimiterFactory = (options: TokenBucketOptions & { clock: Clock }) => RateLimiter;

/**
 * What every RateLimiter implementation must do, run against each one. Time is a controlled clock, so
 * refills are exact; keys are unique per test, so implementations with shared storage need no cleanup
 * between tests.
 */
export function describeRateLimiterContract(name: string, factory: RateLimiterFactory): void {
  describe(`${name} (RateLimiter contract)`, () => {
    let now = Date.UTC(2026, 10, 23, 9, 0, 0);
    const clock: Clock = () => now;
    const advanceSeconds = (seconds: number) => {
      now += seconds * 1000;
    };
    const opened: RateLimiter[] = [];
    const limiter = (options: TokenBucketOptions) => {
      const created = factory({ ...options, clock });
      opened.push(created);
      return created;
    };
    const fivePerFiveMinutes = { capacity: 5, refillPerSecond: 1 / 60 };
    const newKey = () => `user:${randomUUID()}`;

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((created) => created.close()));
    });

    it('allows `capacity` attempts, then refuses with the seconds until the next token', async () => {
      const limits = limiter(fivePerFiveMinutes);
      const key = newKey();
      const decisions = [];
      for (let attempt = 0; attempt < 5; attempt++) decisions.push(await limits.consume(key));
      expect(decisions).toEqual(
        [4, 3, 2, 1, 0].map((remaining) => ({ allowed: true, remaining, retryAfterSeconds: 0 })),
      );
      expect(await limits.consume(key)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
      advanceSeconds(20);
      expect(await limits.consume(key)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 40 });
      advanceSeconds(39.5);
      expect(await limits.consume(key)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
      advanceSeconds(0.5);
      expect(await limits.consume(key)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
      expect(await limits.consume(key)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
    });

    it('refills continuously, never beyond the capacity', async () => {
      const limits = limiter(fivePerFiveMinutes);
      const key = newKey();
      for (let attempt = 0; attempt < 5; attempt++) await limits.consume(key);
      advanceSeconds(150);
      expect(await limits.consume(key)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
      expect(await limits.consume(key)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
      expect(await limits.consume(key)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 30 });
      advanceSeconds(24 * 3600);
      const afterADay = [];
      for (let attempt = 0; attempt < 6; attempt++) afterADay.push((await limits.consume(key)).allowed);
      expect(afterADay).toEqual([true, true, true, true, true, false]);
    });

    it('mints no tokens when the clock goes backwards', async () => {
      const limits = limiter(fivePerFiveMinutes);
      const key = newKey();
      for (let attempt = 0; attempt < 5; attempt++) await limits.consume(key);
      advanceSeconds(-3600);
      expect((await limits.consume(key)).allowed).toBe(false);
      advanceSeconds(3600 + 60);
      expect(await limits.consume(key)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    });

    it('keeps keys apart', async () => {
      const limits = limiter({ capacity: 2, refillPerSecond: 1 / 60 });
      const [first, second] = [newKey(), newKey()];
      await limits.consume(first);
      await limits.consume(first);
      expect((await limits.consume(first)).allowed).toBe(false);
      expect(await limits.consume(second)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    });

    it('takes `cost` tokens at once, refusing without taking any when fewer are left', async () => {
      const limits = limiter(fivePerFiveMinutes);
      const key = newKey();
      expect(await limits.consume(key, 3)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
      expect(await limits.consume(key, 3)).toEqual({ allowed: false, remaining: 2, retryAfterSeconds: 60 });
      expect(await limits.consume(key, 2)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
      expect(await limits.consume(key, 5)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 300 });
      await expect(limits.consume(key, 6)).rejects.toThrow(RangeError);
      await expect(limits.consume(key, 0)).rejects.toThrow(RangeError);
      await expect(limits.consume(key, -1)).rejects.toThrow(RangeError);
    });

    it('refuses bucket options that make no sense', () => {
      expect(() => limiter({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
      expect(() => limiter({ capacity: 5, refillPerSecond: 0 })).toThrow(RangeError);
      expect(() => limiter({ capacity: 5, refillPerSecond: Number.NaN })).toThrow(RangeError);
    });

    it('reset refills one key only', async () => {
      const limits = limiter({ capacity: 2, refillPerSecond: 1 / 60 });
      const [key, other] = [newKey(), newKey()];
      for (const each of [key, key, other, other]) await limits.consume(each);
      await limits.reset(key);
      await limits.reset(newKey());
      expect(await limits.consume(key)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
      expect((await limits.consume(other)).allowed).toBe(false);
    });

    it('never admits more than the capacity under concurrent attempts', async () => {
      const limits = limiter(fivePerFiveMinutes);
      const key = newKey();
      const decisions = await Promise.all(Array.from({ length: 50 }, () => limits.consume(key)));
      const allowed = decisions.filter((each) => each.allowed);
      expect(allowed).toHaveLength(5);
      expect(allowed.map((each) => each.remaining).sort()).toEqual([0, 1, 2, 3, 4]);
      expect(decisions.filter((each) => !each.allowed).every((each) => each.retryAfterSeconds === 60)).toBe(
        true,
      );
    });
  });
}
