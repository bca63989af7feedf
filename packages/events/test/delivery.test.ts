import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  deliverWithRetries,
  NonRetryableEventError,
  resolveRetryPolicy,
  retryDelayMs,
  sleep,
} from '../src/delivery.ts';
import { thingHappened } from './support/events.ts';

const quick = { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 4 };

describe('retry policy', () => {
  it('doubles the delay after each failure, up to the maximum', () => {
    const policy = { maxAttempts: 10, initialDelayMs: 200, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((failures) => retryDelayMs(policy, failures))).toEqual([
      200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('fills in defaults and refuses nonsense', () => {
    expect(resolveRetryPolicy()).toEqual(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy({ maxAttempts: 2 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 });
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ maxAttempts: 1.5 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ initialDelayMs: -1 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(RangeError);
  });
});

describe('deliverWithRetries', () => {
  const event = thingHappened(1);

  it('reports HANDLED after a handler succeeds on a later attempt, reporting each retry', async () => {
    const attempts: number[] = [];
    const retries: [number, number][] = [];
    const outcome = await deliverWithRetries(
      event,
      async (_event, { attempt }) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Error('deadlock detected');
      },
      {
        policy: quick,
        signal: new AbortController().signal,
        onRetry: (attempt, _error, delayMs) => retries.push([attempt, delayMs]),
      },
    );
    expect(outcome).toEqual({ status: 'HANDLED' });
    expect(attempts).toEqual([1, 2, 3]);
    expect(retries).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('reports FAILED with the last error after maxAttempts', async () => {
    let calls = 0;
    const outcome = await deliverWithRetries(
      event,
      async () => {
        calls += 1;
        throw new TypeError(`broken ${calls}`);
      },
      { policy: quick, signal: new AbortController().signal },
    );
    expect(outcome).toEqual({ status: 'FAILED', error: 'TypeError: broken 4', attempts: 4 });
  });

  it('gives up at once on a NonRetryableEventError, and describes non-Error throws', async () => {
    const signal = new AbortController().signal;
    expect(
      await deliverWithRetries(event, () => Promise.reject(new NonRetryableEventError('never')), {
        policy: quick,
        signal,
      }),
    ).toEqual({ status: 'FAILED', error: 'NonRetryableEventError: never', attempts: 1 });
    expect(
      await deliverWithRetries(event, () => Promise.reject('a string'), {
        policy: { ...quick, maxAttempts: 1 },
        signal,
      }),
    ).toEqual({ status: 'FAILED', error: 'a string', attempts: 1 });
  });

  it('reports INTERRUPTED when the consumer stops during the handler or the back-off, without more attempts', async () => {
    const duringHandler = new AbortController();
    expect(
      await deliverWithRetries(
        event,
        async () => {
          duringHandler.abort();
          throw new Error('cancelled');
        },
        { policy: quick, signal: duringHandler.signal },
      ),
    ).toEqual({ status: 'INTERRUPTED' });

    const duringBackOff = new AbortController();
    let calls = 0;
    const outcome = deliverWithRetries(
      event,
      async () => {
        calls += 1;
        throw new Error('failing');
      },
      {
        policy: { maxAttempts: 5, initialDelayMs: 60_000, maxDelayMs: 60_000 },
        signal: duringBackOff.signal,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    duringBackOff.abort();
    expect(await outcome).toEqual({ status: 'INTERRUPTED' });
    expect(calls).toBe(1);
  });

  it('acknowledges a handler that finishes successfully even though the consumer stopped meanwhile', async () => {
    const controller = new AbortController();
    const outcome = await deliverWithRetries(
      event,
      async () => {
        controller.abort();
      },
      { policy: quick, signal: controller.signal },
    );
    expect(outcome).toEqual({ status: 'HANDLED' });
  });
});

describe('sleep', () => {
  it('resolves true after the delay, false at once when aborted', async () => {
    expect(await sleep(1)).toBe(true);
    const controller = new AbortController();
    const sleeping = sleep(60_000, controller.signal);
    controller.abort();
    expect(await sleeping).toBe(false);
    expect(await sleep(60_000, controller.signal)).toBe(false);
  });
});
