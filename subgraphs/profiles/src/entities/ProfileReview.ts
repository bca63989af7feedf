import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AssessmentScore } from '../domain/review.ts';
import { ProfileSchema } from './Profile.ts';

export const REVIEW_OUTCOMES = ['VALIDATED', 'REJECTED', 'RELEASED'] as const;

/**
 * One review of a profile by a moderator: claimed, then ended by a decision (with the assessment grid and,
 * for a rejection, the reasons) or released unassessed. A profile keeps all its reviews, the history of its
 * decisions; at most one is open (not ended), the one of its IN_REVIEW status.
 */
export const ProfileReviewSchema = defineEntity({
  name: 'ProfileReview',
  tableName: 'profile_reviews',
  indexes: [{ properties: ['profile', 'claimedAt'] }],
  checks: [
    {
      name: 'profile_reviews_ended_check',
      expression: '(outcome IS NULL) = (ended_at IS NULL)',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    /** The moderator's account (users subgraph id); null once that account is erased (the review stays). */
    reviewerId: p.uuid().nullable(),
    claimedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    outcome: p.enum(REVIEW_OUTCOMES).nullable(),
    /** The assessment grid of a decision (domain/review.ts). */
    assessment: p.json<AssessmentScore[]>().nullable(),
    reasons: p.array().$type<string[]>().default([]),
    comment: p.text().nullable(),
  },
});

export type ProfileReview = InferEntity<typeof ProfileReviewSchema>;
