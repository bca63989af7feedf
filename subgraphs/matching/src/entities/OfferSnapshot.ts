import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CONTRACT_TYPES, OFFER_KINDS, OFFER_STATUSES, WORK_MODES } from '../domain/snapshots.ts';

/**
 * Matching's own copy of an offer owned by the offers subgraph (same id), holding only what scoring and
 * filtering need; it is never read from the offers database.
 */
export const OfferSnapshotSchema = defineEntity({
  name: 'OfferSnapshot',
  tableName: 'offer_snapshots',
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    kind: p.enum(OFFER_KINDS),
    requiredSkills: p.array().$type<string[]>(),
    niceToHaveSkills: p.array().$type<string[]>(),
    minYearsOfExperience: p.integer().check('min_years_of_experience >= 0'),
    city: p.string().length(120).nullable(),
    countryCode: p.string().length(2).nullable(),
    remotePolicy: p.enum(WORK_MODES),
    /** Null for offers that involve no contract, such as scholarships. */
    contractType: p.enum(CONTRACT_TYPES).nullable(),
    status: p.enum(OFFER_STATUSES).index(),
    /** When the read model last received this offer's state. */
    syncedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type OfferSnapshot = InferEntity<typeof OfferSnapshotSchema>;

/**
 * What an `Offer` resolver receives: the offer may not have reached the read model yet, and its id is
 * all matching needs to list its matches.
 */
export type OfferReference = Pick<OfferSnapshot, 'id'>;
