import { describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT_PER_CALL,
  PLANS,
  PLAN_LIMITS,
  QUOTA_METRICS,
  isValidAmount,
  limitOf,
  quotaStatus,
  resetsAtOf,
  usagePeriodOf,
} from '../../src/quotas/plans.ts';

describe('plans', () => {
  it('gives every plan a positive limit for every metric, growing from FREE to ENTERPRISE', () => {
    for (const metric of QUOTA_METRICS) {
      const limits = PLANS.map((plan) => limitOf(plan, metric));
      expect(limits.every((limit) => Number.isInteger(limit) && limit > 0)).toBe(true);
      expect([...limits].sort((a, b) => a - b)).toEqual(limits);
      expect(new Set(limits).size).toBe(limits.length);
    }
  });

  it('documents the FREE plan numbers the schema descriptions quote', () => {
    expect(PLAN_LIMITS.FREE).toEqual({ PROFILE_UNLOCKS: 10, ACTIVE_OFFERS: 3, API_CALLS: 1_000 });
    expect(PLAN_LIMITS.PRO).toEqual({ PROFILE_UNLOCKS: 200, ACTIVE_OFFERS: 25, API_CALLS: 100_000 });
    expect(PLAN_LIMITS.ENTERPRISE).toEqual({
      PROFILE_UNLOCKS: 2_000,
      ACTIVE_OFFERS: 250,
      API_CALLS: 2_000_000,
    });
  });
});

describe('usage periods', () => {
  it('counts monthly metrics per UTC calendar month, whatever the local time', () => {
    expect(usagePeriodOf('API_CALLS', new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
    expect(usagePeriodOf('API_CALLS', new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-12');
    expect(usagePeriodOf('PROFILE_UNLOCKS', new Date('2027-01-01T00:30:00+01:00'))).toBe('2026-12');
  });

  it('keeps active offers in one period that never resets', () => {
    expect(usagePeriodOf('ACTIVE_OFFERS', new Date('2026-01-15T00:00:00Z'))).toBe(
      usagePeriodOf('ACTIVE_OFFERS', new Date('2031-07-01T00:00:00Z')),
    );
    expect(resetsAtOf('ACTIVE_OFFERS', new Date())).toBeNull();
  });

  it('resets monthly counters at the start of the next UTC month, across years', () => {
    expect(resetsAtOf('API_CALLS', new Date('2026-11-23T08:00:00Z'))).toEqual(
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(resetsAtOf('API_CALLS', new Date('2026-12-31T23:00:00Z'))).toEqual(
      new Date('2027-01-01T00:00:00Z'),
    );
  });
});

describe('amounts and status', () => {
  it.each([
    [1, true],
    [MAX_AMOUNT_PER_CALL, true],
    [0, false],
    [-1, false],
    [1.5, false],
    [MAX_AMOUNT_PER_CALL + 1, false],
    ['1', false],
    [null, false],
    [Number.NaN, false],
  ])('amount %s is valid: %s', (amount, valid) => {
    expect(isValidAmount(amount)).toBe(valid);
  });

  it('never reports a negative remainder, even after a downgrade left usage above the limit', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    expect(quotaStatus('FREE', 'ACTIVE_OFFERS', 2, now)).toMatchObject({ limit: 3, used: 2, remaining: 1 });
    expect(quotaStatus('FREE', 'ACTIVE_OFFERS', 7, now)).toMatchObject({ limit: 3, used: 7, remaining: 0 });
  });
});
