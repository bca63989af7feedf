import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MATCH_STATUSES } from '../domain/match.ts';
import type { CriterionScore } from '../domain/scoring.ts';
import { OfferSnapshotSchema } from './OfferSnapshot.ts';
import { ProfileSnapshotSchema } from './ProfileSnapshot.ts';

export const MatchSchema = defineEntity({
  name: 'Match',
  tableName: 'matches',
  uniques: [{ properties: ['profile', 'offer'] }],
  // Both connections list matches best score first within one profile or one offer.
  indexes: [{ properties: ['profile', 'score'] }, { properties: ['offer', 'score'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSnapshotSchema).deleteRule('cascade'),
    offer: () => p.manyToOne(OfferSnapshotSchema).deleteRule('cascade'),
    score: p.integer().check('(score >= 0) AND (score <= 100)'),
    /** The explained criteria the score was computed from (see domain/scoring.ts). */
    criteria: p.json<CriterionScore[]>(),
    status: p.enum(MATCH_STATUSES).default('SUGGESTED'),
    computedAt: p.datetime(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Match = InferEntity<typeof MatchSchema>;
