import { describe, expect, it } from 'vitest';
import {
  CRITERION_WEIGHTS,
  MATCH_CRITERION_KINDS,
  scoreMatch,
  type MatchCriterionKind,
  type MatchScore,
  type ScorableOffer,
  type ScorableProfile,
} from '../src/domain/scoring.ts';
import { MATCH_SUGGESTION_THRESHOLD } from '../src/domain/match.ts';
import { CONTRACT_TYPES, WORK_MODES, type WorkMode } from '../src/domain/snapshots.ts';

/** A candidate and an offer that fit each other on every criterion; each test changes one thing. */
const candidate: ScorableProfile = {
  skills: [
    { name: 'TypeScript', years: 5 },
    { name: 'React', years: 5 },
    { name: 'GraphQL', years: 3 },
    { name: 'PostgreSQL', years: 3 },
    { name: 'Node.js', years: 4 },
  ],
  yearsOfExperience: 4,
  city: 'Lyon',
  countryCode: 'FR',
  remotePreference: 'REMOTE',
  desiredContractTypes: ['PERMANENT', 'FIXED_TERM'],
};

const offer: ScorableOffer = {
  requiredSkills: ['TypeScript', 'React', 'GraphQL'],
  niceToHaveSkills: ['PostgreSQL', 'Node.js'],
  minYearsOfExperience: 4,
  city: 'Lyon',
  countryCode: 'FR',
  remotePolicy: 'REMOTE',
  contractType: 'PERMANENT',
};

function criterionOf(result: MatchScore, kind: MatchCriterionKind) {
  const found = result.criteria.find((criterion) => criterion.criterion === kind);
  if (!found) throw new Error(`no ${kind} criterion`);
  return found;
}

describe('scoreMatch', () => {
  it('scores a perfect match 100, every criterion fully met and explained', () => {
    const result = scoreMatch(candidate, offer);
    expect(result.score).toBe(100);
    expect(result.criteria).toEqual([
      {
        criterion: 'REQUIRED_SKILLS',
        weight: 45,
        score: 1,
        explanation: '3 of 3 required skills: TypeScript, React, GraphQL',
      },
      {
        criterion: 'NICE_TO_HAVE_SKILLS',
        weight: 15,
        score: 1,
        explanation: '2 of 2 nice-to-have skills: PostgreSQL, Node.js',
      },
      { criterion: 'EXPERIENCE', weight: 20, score: 1, explanation: '4 years of experience, offer asks 4' },
      {
        criterion: 'LOCATION',
        weight: 10,
        score: 1,
        explanation: 'Remote-friendly offer matches a remote preference',
      },
      {
        criterion: 'CONTRACT_TYPE',
        weight: 10,
        score: 1,
        explanation: 'Permanent contract, as the candidate wants',
      },
    ]);
  });

  it('has documented weights that sum to 100, one per criterion, in a fixed order', () => {
    const result = scoreMatch(candidate, offer);
    expect(result.criteria.map((criterion) => criterion.criterion)).toEqual([...MATCH_CRITERION_KINDS]);
    expect(result.criteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
    expect(Object.values(CRITERION_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBe(100);
    for (const criterion of result.criteria)
      expect(criterion.weight).toBe(CRITERION_WEIGHTS[criterion.criterion]);
  });

  describe('skills', () => {
    it('compares skill names regardless of case, spaces and punctuation', () => {
      const spelledDifferently: ScorableProfile = {
        ...candidate,
        skills: ['typescript', 'REACT', 'Graph QL', 'postgresql', 'NodeJS'].map((name) => ({
          name,
          years: 3,
        })),
      };
      const result = scoreMatch(spelledDifferently, offer);
      expect(result.score).toBe(100);
      expect(criterionOf(result, 'REQUIRED_SKILLS').explanation).toBe(
        '3 of 3 required skills: TypeScript, React, GraphQL',
      );
    });

    it('scores a candidate without skills low, under the suggestion threshold', () => {
      const result = scoreMatch({ ...candidate, skills: [] }, offer);
      expect(criterionOf(result, 'REQUIRED_SKILLS')).toMatchObject({
        score: 0,
        explanation: '0 of 3 required skills; missing TypeScript, React, GraphQL',
      });
      expect(criterionOf(result, 'NICE_TO_HAVE_SKILLS').score).toBe(0);
      expect(criterionOf(result, 'EXPERIENCE')).toMatchObject({
        score: 0,
        explanation: '4 years of experience, not counted without any of the required skills',
      });
      expect(result.score).toBe(20);
      expect(result.score).toBeLessThan(MATCH_SUGGESTION_THRESHOLD);
    });

    it('penalises a missing required skill more than a missing nice-to-have one', () => {
      const withoutSkill = (name: string): ScorableProfile => ({
        ...candidate,
        skills: candidate.skills.filter((skill) => skill.name !== name),
      });
      const missingRequired = scoreMatch(withoutSkill('GraphQL'), offer);
      const missingNiceToHave = scoreMatch(withoutSkill('PostgreSQL'), offer);
      expect(missingRequired.score).toBe(85);
      expect(missingNiceToHave.score).toBe(93);
      expect(missingRequired.score).toBeLessThan(missingNiceToHave.score);
      expect(criterionOf(missingRequired, 'REQUIRED_SKILLS')).toMatchObject({
        score: 0.667,
        explanation: '2 of 3 required skills: TypeScript, React; missing GraphQL',
      });
      expect(criterionOf(missingNiceToHave, 'NICE_TO_HAVE_SKILLS')).toMatchObject({
        score: 0.5,
        explanation: '1 of 2 nice-to-have skills: Node.js; missing PostgreSQL',
      });
    });

    it('treats an offer listing no skills as fully met, without dividing by zero', () => {
      const noSkillsAsked: ScorableOffer = { ...offer, requiredSkills: [], niceToHaveSkills: [] };
      for (const profile of [candidate, { ...candidate, skills: [] }]) {
        const result = scoreMatch(profile, noSkillsAsked);
        expect(result.score).toBe(100);
        expect(criterionOf(result, 'REQUIRED_SKILLS')).toMatchObject({
          score: 1,
          explanation: 'The offer lists no required skills',
        });
        expect(criterionOf(result, 'NICE_TO_HAVE_SKILLS')).toMatchObject({
          score: 1,
          explanation: 'The offer lists no nice-to-have skills',
        });
        for (const criterion of result.criteria) expect(Number.isFinite(criterion.score)).toBe(true);
      }
    });

    it('ignores blank skill names and counts two spellings of one skill once', () => {
      const result = scoreMatch(
        { ...candidate, skills: [{ name: '', years: 1 }] },
        { ...offer, requiredSkills: ['Node.js', 'NodeJS', '  ', '.'], niceToHaveSkills: [''] },
      );
      expect(criterionOf(result, 'REQUIRED_SKILLS')).toMatchObject({
        score: 0,
        explanation: '0 of 1 required skill; missing Node.js',
      });
      expect(criterionOf(result, 'NICE_TO_HAVE_SKILLS').score).toBe(1);
    });
  });

  describe('experience', () => {
    it('does not penalise experience above the minimum', () => {
      const result = scoreMatch({ ...candidate, yearsOfExperience: 20 }, offer);
      expect(result.score).toBe(100);
      expect(criterionOf(result, 'EXPERIENCE').explanation).toBe('20 years of experience, offer asks 4');
    });

    it('gives partial credit in proportion to the years short of the minimum', () => {
      const result = scoreMatch({ ...candidate, yearsOfExperience: 1 }, offer);
      expect(criterionOf(result, 'EXPERIENCE')).toMatchObject({
        score: 0.25,
        explanation: '1 year of experience, offer asks 4 (3 years short)',
      });
      expect(result.score).toBe(85);
    });

    it('fully meets an offer that asks no minimum, even with no experience', () => {
      const result = scoreMatch(
        { ...candidate, yearsOfExperience: 0 },
        { ...offer, minYearsOfExperience: 0 },
      );
      expect(criterionOf(result, 'EXPERIENCE')).toMatchObject({
        score: 1,
        explanation: '0 years of experience, the offer asks no minimum',
      });
    });

    it('reads negative years as none', () => {
      const result = scoreMatch({ ...candidate, yearsOfExperience: -3 }, offer);
      expect(criterionOf(result, 'EXPERIENCE')).toMatchObject({ score: 0 });
      expect(result.score).toBe(80);
    });
  });

  describe('location and remote work', () => {
    const locationScore = (
      remotePolicy: WorkMode,
      remotePreference: WorkMode,
      place: Pick<ScorableProfile, 'city' | 'countryCode'> = { city: 'Lyon', countryCode: 'FR' },
    ) =>
      criterionOf(
        scoreMatch({ ...candidate, remotePreference, ...place }, { ...offer, remotePolicy }),
        'LOCATION',
      );

    it.each([
      ['REMOTE', 'REMOTE', 1],
      ['REMOTE', 'HYBRID', 0.75],
      ['REMOTE', 'ONSITE', 0.5],
      ['HYBRID', 'HYBRID', 1],
      ['HYBRID', 'ONSITE', 0.75],
      ['HYBRID', 'REMOTE', 0.5],
      ['ONSITE', 'ONSITE', 1],
      ['ONSITE', 'HYBRID', 0.5],
      ['ONSITE', 'REMOTE', 0],
    ] as const)(
      'a %s offer for a candidate preferring %s work in the same city scores %s',
      (policy, preference, expected) => {
        expect(locationScore(policy, preference).score).toBe(expected);
      },
    );

    it('explains the work mode and the distance', () => {
      expect(locationScore('ONSITE', 'ONSITE').explanation).toBe(
        'On-site offer matches an on-site preference; it is in Lyon, where the candidate lives',
      );
      expect(locationScore('HYBRID', 'REMOTE', { city: 'Paris', countryCode: 'FR' }).explanation).toBe(
        'Hybrid offer; the candidate prefers remote work; it is in Lyon, the candidate lives in Paris',
      );
      expect(locationScore('REMOTE', 'ONSITE').explanation).toBe(
        'Remote-friendly offer; the candidate prefers on-site work',
      );
    });

    it('ignores where the candidate lives for a remote offer', () => {
      expect(locationScore('REMOTE', 'REMOTE', { city: 'Berlin', countryCode: 'DE' }).score).toBe(1);
    });

    it('halves the fit for another city of the same country and drops it for another country', () => {
      expect(locationScore('ONSITE', 'ONSITE', { city: 'Paris', countryCode: 'FR' }).score).toBe(0.5);
      const abroad = locationScore('ONSITE', 'ONSITE', { city: 'Berlin', countryCode: 'DE' });
      expect(abroad).toMatchObject({
        score: 0,
        explanation:
          'On-site offer matches an on-site preference; it is in Lyon (FR), the candidate lives in Berlin (DE)',
      });
      expect(locationScore('HYBRID', 'HYBRID', { city: 'Paris', countryCode: 'FR' }).score).toBe(0.5);
    });

    it('compares cities regardless of case, accents and hyphens', () => {
      const result = criterionOf(
        scoreMatch(
          { ...candidate, remotePreference: 'ONSITE', city: 'saint etienne', countryCode: 'fr' },
          { ...offer, remotePolicy: 'ONSITE', city: 'Saint-Étienne', countryCode: 'FR' },
        ),
        'LOCATION',
      );
      expect(result.score).toBe(1);
    });

    it('gives half the fit when the city of either side is unknown', () => {
      expect(locationScore('ONSITE', 'ONSITE', { city: null, countryCode: null })).toMatchObject({
        score: 0.5,
        explanation: "On-site offer matches an on-site preference; the candidate's city is unknown",
      });
      const noOfferCity = criterionOf(
        scoreMatch(
          { ...candidate, remotePreference: 'HYBRID' },
          { ...offer, remotePolicy: 'HYBRID', city: null },
        ),
        'LOCATION',
      );
      expect(noOfferCity).toMatchObject({
        score: 0.5,
        explanation: 'Hybrid offer matches a hybrid preference; the offer names no city',
      });
    });
  });

  describe('contract type', () => {
    it('scores a contract the candidate does not want 0 and says which they want', () => {
      const result = scoreMatch(candidate, { ...offer, contractType: 'FREELANCE' });
      expect(criterionOf(result, 'CONTRACT_TYPE')).toMatchObject({
        score: 0,
        explanation: 'Freelance contract; the candidate wants permanent or fixed-term',
      });
      expect(result.score).toBe(90);
    });

    it('fully meets an offer that involves no contract, such as a scholarship', () => {
      for (const contractType of [null, undefined]) {
        expect(criterionOf(scoreMatch(candidate, { ...offer, contractType }), 'CONTRACT_TYPE')).toMatchObject(
          {
            score: 1,
            explanation: 'The offer involves no contract',
          },
        );
      }
    });

    it('gives half to a candidate who stated no contract preference', () => {
      const result = scoreMatch(
        { ...candidate, desiredContractTypes: [] },
        { ...offer, contractType: 'INTERNSHIP' },
      );
      expect(criterionOf(result, 'CONTRACT_TYPE')).toMatchObject({
        score: 0.5,
        explanation: 'Internship contract; the candidate has not said which contracts they want',
      });
      expect(result.score).toBe(95);
    });
  });

  it('always gives an integer from 0 to 100 that the criteria add up to', () => {
    const skillSets = [[], ['TypeScript'], ['React', 'GraphQL', 'Node.js'], ['Python', 'PostgreSQL']];
    const pairs: [ScorableProfile, ScorableOffer][] = [];
    for (const skills of skillSets)
      for (const yearsOfExperience of [0, 1, 3, 4, 12])
        for (const remotePreference of WORK_MODES)
          for (const remotePolicy of WORK_MODES)
            for (const city of ['Lyon', 'Paris', null])
              for (const contractType of [...CONTRACT_TYPES, null])
                for (const requiredSkills of [[], ['TypeScript', 'React', 'GraphQL'], ['Rust']]) {
                  pairs.push([
                    {
                      ...candidate,
                      skills: skills.map((name) => ({ name, years: 2 })),
                      yearsOfExperience,
                      remotePreference,
                      city,
                    },
                    { ...offer, requiredSkills, remotePolicy, contractType, minYearsOfExperience: 3 },
                  ]);
                }
    // Collected, not asserted one by one, so that a failure names every offending pair at once.
    const violations = pairs.flatMap(([profile, scoredOffer]) => {
      const { score, criteria } = scoreMatch(profile, scoredOffer);
      const weighted = criteria.reduce((sum, criterion) => sum + criterion.weight * criterion.score, 0);
      const wellFormed =
        Number.isInteger(score) &&
        score >= 0 &&
        score <= 100 &&
        Math.abs(score - weighted) <= 0.55 &&
        criteria.every(
          (criterion) => criterion.score >= 0 && criterion.score <= 1 && criterion.explanation.length > 0,
        );
      return wellFormed ? [] : [{ profile, offer: scoredOffer, score, criteria }];
    });
    expect(pairs).toHaveLength(4 * 5 * 3 * 3 * 3 * 6 * 3);
    expect(violations).toEqual([]);
  });

  it('is pure: the same inputs give the same result and are left untouched', () => {
    const frozenCandidate = structuredClone(candidate);
    const frozenOffer = structuredClone(offer);
    Object.freeze(frozenCandidate);
    Object.freeze(frozenOffer);
    expect(scoreMatch(frozenCandidate, frozenOffer)).toEqual(scoreMatch(candidate, offer));
    expect(frozenCandidate).toEqual(candidate);
    expect(frozenOffer).toEqual(offer);
  });
});
