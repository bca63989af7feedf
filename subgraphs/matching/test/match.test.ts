import { describe, expect, it } from 'vitest';
import { offers, profiles } from '@talentgraph/demo-data';
import {
  MATCH_SUGGESTION_THRESHOLD,
  isMatchable,
  isScoreBound,
  suggestMatches,
} from '../src/domain/match.ts';
import { scoreMatch } from '../src/domain/scoring.ts';
import { OFFER_STATUSES, PROFILE_KINDS, PROFILE_STATUSES } from '../src/domain/snapshots.ts';

const [amina, lucas, sofia, karim] = profiles;
const [fullStackJob, roboticsJob, dataMission, , apprenticeship] = offers;

describe('isScoreBound', () => {
  it('accepts the integers a score can take, from 0 to 100', () => {
    for (const bound of [0, 1, 50, 99, 100]) expect(isScoreBound(bound)).toBe(true);
  });

  it('rejects anything else', () => {
    for (const bound of [-1, 101, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isScoreBound(bound)).toBe(false);
    }
  });
});

describe('isMatchable', () => {
  it('matches only validated profiles with published offers', () => {
    for (const profileStatus of PROFILE_STATUSES) {
      for (const offerStatus of OFFER_STATUSES) {
        expect(isMatchable({ kind: 'CANDIDATE', status: profileStatus }, { status: offerStatus })).toBe(
          profileStatus === 'VALIDATED' && offerStatus === 'PUBLISHED',
        );
      }
    }
  });

  it('matches candidates and consultants, never mentors, who do not look for work', () => {
    const offer = { status: 'PUBLISHED' as const };
    expect(PROFILE_KINDS.filter((kind) => isMatchable({ kind, status: 'VALIDATED' }, offer))).toEqual([
      'CANDIDATE',
      'CONSULTANT',
    ]);
  });
});

describe('suggestMatches', () => {
  const suggestions = suggestMatches(profiles, offers);
  const scoreOf = (profileId: string, offerId: string) =>
    suggestions.find(({ profile, offer }) => profile.id === profileId && offer.id === offerId)?.result.score;

  it('suggests the obvious fits of the demo data with a perfect score', () => {
    expect(scoreOf(amina!.id, fullStackJob!.id)).toBe(100);
    expect(scoreOf(lucas!.id, dataMission!.id)).toBe(100);
    expect(scoreOf(sofia!.id, roboticsJob!.id)).toBe(100);
  });

  it('keeps only pairs at or above the threshold of 30', () => {
    expect(MATCH_SUGGESTION_THRESHOLD).toBe(30);
    expect(suggestions.length).toBeGreaterThan(0);
    for (const { result } of suggestions)
      expect(result.score).toBeGreaterThanOrEqual(MATCH_SUGGESTION_THRESHOLD);
    const dismissedPairs = profiles
      .flatMap((profile) => offers.map((offer) => ({ profile, offer })))
      .filter(({ profile, offer }) => isMatchable(profile, offer))
      .filter(({ profile, offer }) => scoreOf(profile.id, offer.id) === undefined);
    expect(dismissedPairs.length).toBeGreaterThan(0);
    for (const { profile, offer } of dismissedPairs) {
      expect(scoreMatch(profile, offer).score).toBeLessThan(MATCH_SUGGESTION_THRESHOLD);
    }
  });

  it('keeps a pair scoring exactly the threshold', () => {
    // Nice-to-have skill (15), half the location fit (5) and the wanted contract (10).
    const profile = {
      ...amina!,
      skills: [{ name: 'Kubernetes', years: 2 }],
      remotePreference: 'REMOTE' as const,
      city: 'Paris',
      desiredContractTypes: ['FREELANCE' as const],
    };
    const offer = offers[3]!;
    expect(scoreMatch(profile, offer).score).toBe(30);
    expect(suggestMatches([profile], [offer])).toHaveLength(1);
  });

  it('never suggests a profile that is not validated or an offer that is not published', () => {
    // Karim's submitted profile fits the apprenticeship perfectly, but is not validated yet.
    expect(scoreMatch(karim!, apprenticeship!).score).toBe(100);
    expect(scoreOf(karim!.id, apprenticeship!.id)).toBeUndefined();
    for (const { profile, offer } of suggestions) {
      expect(profile.status).toBe('VALIDATED');
      expect(offer.status).toBe('PUBLISHED');
    }
  });

  it('suggests nothing from empty lists', () => {
    expect(suggestMatches([], offers)).toEqual([]);
    expect(suggestMatches(profiles, [])).toEqual([]);
  });
});
