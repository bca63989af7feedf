import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../src/delivery.ts';
import {
  checkDeadLetterId,
  checkGroupName,
  DeadLetterNotFoundError,
  resolveConsumeOptions,
  resolveListOptions,
} from '../src/transport.ts';

describe('consumer groups and options', () => {
  it('accepts simple group names only', () => {
    expect(checkGroupName('matching')).toBe('matching');
    expect(checkGroupName('gateway-subscriptions')).toBe('gateway-subscriptions');
    for (const bad of ['', 'Matching', '1st', 'a b', 'a:b', 'x'.repeat(64)]) {
      expect(() => checkGroupName(bad)).toThrow(RangeError);
    }
  });

  it('fills in defaults, with a consumer name unique to this process', () => {
    const options = resolveConsumeOptions();
    expect(options).toEqual({
      consumerName: expect.stringContaining(`-${process.pid}-`),
      batchSize: 16,
      retry: DEFAULT_RETRY_POLICY,
      claimIdleMs: 60_000,
      pollIntervalMs: 1_000,
    });
    expect(resolveConsumeOptions().consumerName).not.toBe(options.consumerName);
  });

  it('refuses options that make no sense', () => {
    expect(() => resolveConsumeOptions({ batchSize: 0 })).toThrow(RangeError);
    expect(() => resolveConsumeOptions({ batchSize: 1_001 })).toThrow(RangeError);
    expect(() => resolveConsumeOptions({ claimIdleMs: 0 })).toThrow(RangeError);
    expect(() => resolveConsumeOptions({ pollIntervalMs: 2.5 })).toThrow(RangeError);
    expect(() => resolveConsumeOptions({ consumerName: 'has space' })).toThrow(RangeError);
    expect(() => resolveConsumeOptions({ retry: { maxAttempts: 0 } })).toThrow(RangeError);
  });
});

describe('dead-letter listing', () => {
  it('reads page options, defaulting to the first 20 of every group', () => {
    expect(resolveListOptions()).toEqual({ group: null, first: 20, after: 0 });
    expect(resolveListOptions({ group: 'billing', first: 100, after: '42' })).toEqual({
      group: 'billing',
      first: 100,
      after: 42,
    });
    expect(() => resolveListOptions({ first: 0 })).toThrow(RangeError);
    expect(() => resolveListOptions({ after: '-1' })).toThrow(RangeError);
    expect(() => resolveListOptions({ group: 'Billing' })).toThrow(RangeError);
  });

  it('treats a malformed dead-letter id as not found', () => {
    expect(checkDeadLetterId('7')).toBe(7);
    for (const bad of ['0', 'abc', '1e3', ''])
      expect(() => checkDeadLetterId(bad)).toThrow(DeadLetterNotFoundError);
  });
});
