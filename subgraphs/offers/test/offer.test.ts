import { describe, expect, it } from 'vitest';
import { OFFER_STATUSES, canTransition, nextStatuses, type OfferStatus } from '../src/domain/offer.ts';

describe('offer lifecycle', () => {
  const allowed: readonly (readonly [OfferStatus, OfferStatus])[] = [
    ['DRAFT', 'PUBLISHED'],
    ['PUBLISHED', 'CLOSED'],
    ['PUBLISHED', 'EXPIRED'],
  ];
  const everyPair = OFFER_STATUSES.flatMap((from) => OFFER_STATUSES.map((to) => [from, to] as const));

  it('covers the 16 pairs of statuses', () => {
    expect(everyPair).toHaveLength(16);
  });

  it.each(everyPair)('%s → %s', (from, to) => {
    const expected = allowed.some(([allowedFrom, allowedTo]) => allowedFrom === from && allowedTo === to);
    expect(canTransition(from, to)).toBe(expected);
  });

  it('never lets a status stay in place, as that would record a change that did not happen', () => {
    for (const status of OFFER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('lists the next statuses of each status', () => {
    expect(nextStatuses('DRAFT')).toEqual(['PUBLISHED']);
    expect(nextStatuses('PUBLISHED')).toEqual(['CLOSED', 'EXPIRED']);
    expect(nextStatuses('CLOSED')).toEqual([]);
    expect(nextStatuses('EXPIRED')).toEqual([]);
  });
});
