import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { OfferKind, OfferStatus, RemotePolicy } from '../domain/offer.ts';
import { skillKey } from '../domain/skills.ts';
import type { Offer } from '../entities/Offer.ts';

/**
 * Most recently published first. Every offer listed in this order has a publication date (only drafts
 * lack one, by check constraint, and drafts are listed on their own, in LAST_CHANGED_FIRST order), so it
 * is also "publishedAt desc nulls last"; the placement of nulls is not spelled out because
 * `firstPagesByParent` only reads asc / desc.
 */
export const NEWEST_FIRST: QueryOrderMap<Offer> = { publishedAt: 'desc', id: 'asc' };

/** Most recently changed first: the order of drafts, which have no publication date yet. */
export const LAST_CHANGED_FIRST: QueryOrderMap<Offer> = { updatedAt: 'desc', id: 'asc' };

/**
 * The rows whose effective status (domain/visibility.ts `effectiveStatus`) at `now` is one of
 * `statuses`, as a query: a published offer past its expiry date counts as expired, not published.
 */
export function whereEffectiveStatusIn(statuses: readonly OfferStatus[], now: Date): FilterQuery<Offer> {
  return { $or: statuses.flatMap((status) => storedStatesReadAs(status, now)) };
}

function storedStatesReadAs(status: OfferStatus, now: Date): FilterQuery<Offer>[] {
  switch (status) {
    case 'PUBLISHED':
      return [{ status: 'PUBLISHED', $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] }];
    case 'EXPIRED':
      return [{ status: 'EXPIRED' }, { status: 'PUBLISHED', expiresAt: { $lte: now } }];
    case 'DRAFT':
    case 'CLOSED':
      return [{ status }];
  }
}

export interface CatalogueFilters {
  readonly kind?: OfferKind | null;
  readonly remotePolicy?: RemotePolicy | null;
  readonly countryCode?: string | null;
  readonly skill?: string | null;
}

/** The public catalogue (offers effectively PUBLISHED at `now`) narrowed by the filters a reader set. */
export function catalogueWhere(filters: CatalogueFilters, now: Date): FilterQuery<Offer> {
  return {
    $and: [
      whereEffectiveStatusIn(['PUBLISHED'], now),
      {
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(filters.remotePolicy ? { remotePolicy: filters.remotePolicy } : {}),
        // The CountryCode scalar lets "fr" through as typed; codes are stored in capitals.
        ...(filters.countryCode ? { countryCode: filters.countryCode.toUpperCase() } : {}),
        ...(filters.skill ? { skillKeys: { $contains: [skillKey(filters.skill)] } } : {}),
      },
    ],
  };
}
