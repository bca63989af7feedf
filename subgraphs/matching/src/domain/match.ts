import { scoreMatch, type MatchScore, type ScorableOffer, type ScorableProfile } from './scoring.ts';
import type { OfferStatus, ProfileKind, ProfileStatus } from './snapshots.ts';

/** Where a match stands for the people it concerns: suggested by the platform, then kept or set aside. */
export const MATCH_STATUSES = ['SUGGESTED', 'SHORTLISTED', 'DISMISSED'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const LOWEST_SCORE = 0;
export const HIGHEST_SCORE = 100;

/**
 * Pairs scoring under 30 are not stored as matches. Location and contract together weigh 20 points and
 * experience only counts with at least one required skill, so under 30 a pair holds little more than
 * convenient logistics: noise in a list of suggestions, for the candidate as for the recruiter.
 */
export const MATCH_SUGGESTION_THRESHOLD = 30;

/** Bounds of a score filter such as `minScore`: an integer the score itself can take. */
export function isScoreBound(value: number): boolean {
  return Number.isInteger(value) && value >= LOWEST_SCORE && value <= HIGHEST_SCORE;
}

/**
 * Only validated profiles of people who look for work (candidates and consultants, not mentors) and
 * published offers are matched: a profile still in review, or an offer not yet (or no longer) open, must
 * not reach the other side.
 */
export function isMatchable(
  profile: { kind: ProfileKind; status: ProfileStatus },
  offer: { status: OfferStatus },
): boolean {
  return profile.kind !== 'MENTOR' && profile.status === 'VALIDATED' && offer.status === 'PUBLISHED';
}

export interface SuggestedMatch<Profile, Offer> {
  readonly profile: Profile;
  readonly offer: Offer;
  readonly result: MatchScore;
}

/** Scores every matchable profile × offer pair and keeps those at or above the suggestion threshold. */
export function suggestMatches<
  Profile extends ScorableProfile & { kind: ProfileKind; status: ProfileStatus },
  Offer extends ScorableOffer & { status: OfferStatus },
>(profiles: readonly Profile[], offers: readonly Offer[]): SuggestedMatch<Profile, Offer>[] {
  const suggestions: SuggestedMatch<Profile, Offer>[] = [];
  for (const profile of profiles) {
    for (const offer of offers) {
      if (!isMatchable(profile, offer)) continue;
      const result = scoreMatch(profile, offer);
      if (result.score >= MATCH_SUGGESTION_THRESHOLD) suggestions.push({ profile, offer, result });
    }
  }
  return suggestions;
}
