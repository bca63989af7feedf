import { describe, expect, it } from 'vitest';
import {
  PUBLIC_STATUSES,
  effectiveStatus,
  isInCatalogue,
  isPublicStatus,
  isPubliclyVisible,
  type OfferVisibilityFacts,
} from '../src/domain/visibility.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const offer = (status: OfferVisibilityFacts['status'], expiresAt: Date | null = null) => ({
  status,
  expiresAt,
});

describe('effective status', () => {
  it('reads a published offer past its expiry date as EXPIRED', () => {
    expect(effectiveStatus(offer('PUBLISHED', at(-1)), now)).toBe('EXPIRED');
    expect(effectiveStatus(offer('PUBLISHED', at(-86_400_000)), now)).toBe('EXPIRED');
  });

  it('expires an offer at the very instant of its expiry date', () => {
    expect(effectiveStatus(offer('PUBLISHED', now), now)).toBe('EXPIRED');
  });

  it('keeps a published offer published until then, or for ever without an expiry date', () => {
    expect(effectiveStatus(offer('PUBLISHED', at(1)), now)).toBe('PUBLISHED');
    expect(effectiveStatus(offer('PUBLISHED', null), now)).toBe('PUBLISHED');
    expect(effectiveStatus({ status: 'PUBLISHED' }, now)).toBe('PUBLISHED');
  });

  it('leaves every other status as stored, whatever the expiry date', () => {
    for (const status of ['DRAFT', 'CLOSED', 'EXPIRED'] as const) {
      expect(effectiveStatus(offer(status, at(-1)), now)).toBe(status);
      expect(effectiveStatus(offer(status, at(1)), now)).toBe(status);
    }
  });
});

describe('public visibility', () => {
  it('hides drafts only', () => {
    expect(PUBLIC_STATUSES).toEqual(['PUBLISHED', 'CLOSED', 'EXPIRED']);
    expect(isPublicStatus('DRAFT')).toBe(false);
    expect(isPubliclyVisible(offer('DRAFT'), now)).toBe(false);
    expect(isPubliclyVisible(offer('DRAFT', at(1)), now)).toBe(false);
    expect(isPubliclyVisible(offer('CLOSED'), now)).toBe(true);
    expect(isPubliclyVisible(offer('EXPIRED', at(-1)), now)).toBe(true);
    expect(isPubliclyVisible(offer('PUBLISHED', at(-1)), now)).toBe(true);
  });
});

describe('public catalogue', () => {
  it('lists published offers that have not expired at the given instant', () => {
    expect(isInCatalogue(offer('PUBLISHED', null), now)).toBe(true);
    expect(isInCatalogue(offer('PUBLISHED', at(1)), now)).toBe(true);
    expect(isInCatalogue(offer('PUBLISHED', now), now)).toBe(false);
    expect(isInCatalogue(offer('PUBLISHED', at(-1)), now)).toBe(false);
  });

  it('judges expiry against the instant it is given, not the clock', () => {
    const expiresAt = new Date('2027-01-31T23:59:59.000Z');
    expect(isInCatalogue(offer('PUBLISHED', expiresAt), new Date('2027-01-31T23:59:58.999Z'))).toBe(true);
    expect(isInCatalogue(offer('PUBLISHED', expiresAt), new Date('2027-02-01T00:00:00.000Z'))).toBe(false);
  });

  it('never lists drafts, closed or expired offers', () => {
    for (const status of ['DRAFT', 'CLOSED', 'EXPIRED'] as const) {
      expect(isInCatalogue(offer(status, null), now)).toBe(false);
      expect(isInCatalogue(offer(status, at(1)), now)).toBe(false);
    }
  });
});
