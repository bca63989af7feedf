import { describe, expect, it } from 'vitest';
import { isActive, isPublished, isRotationDue } from '../src/signing-keys/rotation.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-23T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('signing key rotation rules', () => {
  it('rotates the active key once it has signed for the configured number of days', () => {
    expect(isRotationDue({ activatedAt: ago(29 * DAY), retiredAt: null }, now, 30)).toBe(false);
    expect(isRotationDue({ activatedAt: ago(30 * DAY), retiredAt: null }, now, 30)).toBe(true);
    expect(isRotationDue({ activatedAt: ago(2 * DAY), retiredAt: null }, now, 1)).toBe(true);
  });

  it('never rotates a key that is not active', () => {
    expect(isRotationDue({ activatedAt: ago(90 * DAY), retiredAt: ago(DAY) }, now, 30)).toBe(false);
    expect(isRotationDue({ activatedAt: null, retiredAt: null }, now, 30)).toBe(false);
    expect(isActive({ activatedAt: null, retiredAt: null })).toBe(false);
  });

  it('publishes the active key and retired keys while their tokens may be valid (lifetime + 5 min)', () => {
    const ttl = 15 * 60;
    expect(isPublished({ activatedAt: ago(DAY), retiredAt: null }, now, ttl)).toBe(true);
    expect(isPublished({ activatedAt: ago(DAY), retiredAt: ago(19 * 60_000) }, now, ttl)).toBe(true);
    expect(isPublished({ activatedAt: ago(DAY), retiredAt: ago(20 * 60_000) }, now, ttl)).toBe(false);
    expect(isPublished({ activatedAt: null, retiredAt: null }, now, ttl)).toBe(false);
  });
});
