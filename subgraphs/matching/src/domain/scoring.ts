import { foldAccents, skillKey } from '@talentgraph/vocabulary';
import type { ContractType, SkillSnapshot, WorkMode } from './snapshots.ts';

/**
 * Explainable scoring of one candidate profile against one offer.
 *
 * The score is a weighted sum of five criteria, each scored from 0 to 1 and explained in one sentence, so
 * that a candidate or a recruiter can see why a match ranks where it does and recompute it:
 *
 *   score = round(Σ weight × criterion score), an integer from 0 to 100.
 *
 * | criterion           | weight | scored as                                                           |
 * |---------------------|-------:|---------------------------------------------------------------------|
 * | REQUIRED_SKILLS     |     45 | share of the offer's required skills the candidate holds            |
 * | NICE_TO_HAVE_SKILLS |     15 | share of the offer's nice-to-have skills the candidate holds        |
 * | EXPERIENCE          |     20 | years of experience over the minimum asked, capped at 1             |
 * | LOCATION            |     10 | remote policy vs remote preference, times distance to the workplace |
 * | CONTRACT_TYPE       |     10 | whether the offer's contract is one the candidate wants             |
 *
 * Required skills weigh three times the nice-to-have ones: missing a requirement disqualifies more than
 * missing a bonus. Experience above the minimum is never penalised (over-qualification is the
 * candidate's call, not the algorithm's), but it only counts when the candidate holds at least one of the
 * required skills: ten years of accounting say nothing of a fit for a C++ role, and without this rule
 * experience plus logistics alone would lift unrelated offers into a candidate's suggestions. An empty
 * list on the offer's side (no required skill, no minimum experience, no contract) asks nothing, so
 * every candidate fully meets it.
 */

export const MATCH_CRITERION_KINDS = [
  'REQUIRED_SKILLS',
  'NICE_TO_HAVE_SKILLS',
  'EXPERIENCE',
  'LOCATION',
  'CONTRACT_TYPE',
] as const;
export type MatchCriterionKind = (typeof MATCH_CRITERION_KINDS)[number];

/** Points each criterion contributes to a perfect match; they sum to 100. */
export const CRITERION_WEIGHTS: Readonly<Record<MatchCriterionKind, number>> = {
  REQUIRED_SKILLS: 45,
  NICE_TO_HAVE_SKILLS: 15,
  EXPERIENCE: 20,
  LOCATION: 10,
  CONTRACT_TYPE: 10,
};

/** What scoring needs to know of a candidate profile. */
export interface ScorableProfile {
  readonly skills: readonly SkillSnapshot[];
  readonly yearsOfExperience: number;
  /** Unknown when null or absent, as for every optional field here. */
  readonly city?: string | null;
  readonly countryCode?: string | null;
  readonly remotePreference: WorkMode;
  readonly desiredContractTypes: readonly ContractType[];
}

/** What scoring needs to know of an offer. */
export interface ScorableOffer {
  readonly requiredSkills: readonly string[];
  readonly niceToHaveSkills: readonly string[];
  readonly minYearsOfExperience: number;
  readonly city?: string | null;
  readonly countryCode?: string | null;
  readonly remotePolicy: WorkMode;
  /** Null for offers that involve no contract, such as scholarships. */
  readonly contractType?: ContractType | null;
}

export interface CriterionScore {
  readonly criterion: MatchCriterionKind;
  readonly weight: number;
  /** From 0 (not met at all) to 1 (fully met), rounded to three decimals. */
  readonly score: number;
  readonly explanation: string;
}

export interface MatchScore {
  /** Integer from 0 to 100. */
  readonly score: number;
  /** One entry per criterion, in the order of `MATCH_CRITERION_KINDS`. */
  readonly criteria: readonly CriterionScore[];
}

export function scoreMatch(profile: ScorableProfile, offer: ScorableOffer): MatchScore {
  const heldSkills = new Set(profile.skills.map((skill) => skillKey(skill.name)));
  const required = skillsFit('required', offer.requiredSkills, heldSkills);
  const criteria = [
    criterion('REQUIRED_SKILLS', required),
    criterion('NICE_TO_HAVE_SKILLS', skillsFit('nice-to-have', offer.niceToHaveSkills, heldSkills)),
    criterion(
      'EXPERIENCE',
      experienceFit(profile.yearsOfExperience, offer.minYearsOfExperience, required.score > 0),
    ),
    criterion('LOCATION', locationFit(profile, offer)),
    criterion('CONTRACT_TYPE', contractFit(profile.desiredContractTypes, offer.contractType)),
  ];
  const weighted = criteria.reduce((sum, { weight, score }) => sum + weight * score, 0);
  return { score: Math.min(100, Math.max(0, Math.round(weighted))), criteria };
}

interface Fit {
  readonly score: number;
  readonly explanation: string;
}

function criterion(kind: MatchCriterionKind, fit: Fit): CriterionScore {
  const score = Math.min(1, Math.max(0, fit.score));
  return {
    criterion: kind,
    weight: CRITERION_WEIGHTS[kind],
    score: Math.round(score * 1000) / 1000,
    explanation: fit.explanation,
  };
}

function skillsFit(adjective: string, askedSkills: readonly string[], heldSkills: ReadonlySet<string>): Fit {
  const asked = distinctSkills(askedSkills);
  if (asked.length === 0) return { score: 1, explanation: `The offer lists no ${adjective} skills` };
  const held = asked.filter((skill) => heldSkills.has(skillKey(skill)));
  const missing = asked.filter((skill) => !heldSkills.has(skillKey(skill)));
  const noun = asked.length === 1 ? 'skill' : 'skills';
  const heldPart = held.length > 0 ? `: ${held.join(', ')}` : '';
  const missingPart = missing.length > 0 ? `; missing ${missing.join(', ')}` : '';
  return {
    score: held.length / asked.length,
    explanation: `${held.length} of ${asked.length} ${adjective} ${noun}${heldPart}${missingPart}`,
  };
}

/** The offer's skills without blanks or repeats ("Node.js" and "NodeJS" count once). */
function distinctSkills(skills: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const skill of skills) {
    const key = skillKey(skill);
    if (key !== '' && !byKey.has(key)) byKey.set(key, skill.trim());
  }
  return [...byKey.values()];
}

function experienceFit(candidateYears: number, minimumYears: number, holdsRequiredSkill: boolean): Fit {
  const years = Math.max(0, candidateYears);
  if (!holdsRequiredSkill) {
    return {
      score: 0,
      explanation: `${yearsInWords(years)} of experience, not counted without any of the required skills`,
    };
  }
  if (minimumYears <= 0) {
    return { score: 1, explanation: `${yearsInWords(years)} of experience, the offer asks no minimum` };
  }
  const shortfall = minimumYears - years;
  return {
    score: years / minimumYears,
    explanation:
      `${yearsInWords(years)} of experience, offer asks ${minimumYears}` +
      (shortfall > 0 ? ` (${yearsInWords(shortfall)} short)` : ''),
  };
}

/**
 * How well the offer's remote policy suits the candidate's preference, before distance counts. A remote
 * offer suits everyone to some degree; an on-site one does not suit someone who wants to work remotely.
 */
const WORK_MODE_FIT: Readonly<Record<WorkMode, Readonly<Record<WorkMode, number>>>> = {
  REMOTE: { REMOTE: 1, HYBRID: 0.75, ONSITE: 0.5 },
  HYBRID: { HYBRID: 1, ONSITE: 0.75, REMOTE: 0.5 },
  ONSITE: { ONSITE: 1, HYBRID: 0.5, REMOTE: 0 },
};

/**
 * Share of the work-mode fit kept for a workplace the candidate must travel to: another city means a
 * long commute or a move, another country a move and often a work permit, an unknown city an open
 * question.
 */
const DISTANCE_FACTOR = { sameCity: 1, sameCountry: 0.5, unknown: 0.5, otherCountry: 0 } as const;

const OFFER_WORK_MODE: Readonly<Record<WorkMode, string>> = {
  REMOTE: 'Remote-friendly offer',
  HYBRID: 'Hybrid offer',
  ONSITE: 'On-site offer',
};
const PREFERRED_WORK_MODE: Readonly<Record<WorkMode, string>> = {
  REMOTE: 'remote',
  HYBRID: 'hybrid',
  ONSITE: 'on-site',
};

function locationFit(profile: ScorableProfile, offer: ScorableOffer): Fit {
  const modeFit = WORK_MODE_FIT[offer.remotePolicy][profile.remotePreference];
  const preference = PREFERRED_WORK_MODE[profile.remotePreference];
  const modeSentence =
    offer.remotePolicy === profile.remotePreference
      ? `${OFFER_WORK_MODE[offer.remotePolicy]} matches ${preference === 'on-site' ? 'an' : 'a'} ${preference} preference`
      : `${OFFER_WORK_MODE[offer.remotePolicy]}; the candidate prefers ${preference} work`;
  if (offer.remotePolicy === 'REMOTE') return { score: modeFit, explanation: modeSentence };
  const distance = distanceToWorkplace(profile, offer);
  return {
    score: modeFit * DISTANCE_FACTOR[distance.kind],
    explanation: `${modeSentence}; ${distance.sentence}`,
  };
}

function distanceToWorkplace(
  profile: ScorableProfile,
  offer: ScorableOffer,
): { kind: keyof typeof DISTANCE_FACTOR; sentence: string } {
  if (offer.city == null || profile.city == null) {
    return {
      kind: 'unknown',
      sentence: offer.city == null ? 'the offer names no city' : `the candidate's city is unknown`,
    };
  }
  const sameCountry =
    offer.countryCode == null ||
    profile.countryCode == null ||
    offer.countryCode.toUpperCase() === profile.countryCode.toUpperCase();
  if (!sameCountry) {
    return {
      kind: 'otherCountry',
      sentence: `it is in ${offer.city} (${offer.countryCode}), the candidate lives in ${profile.city} (${profile.countryCode})`,
    };
  }
  if (placeKey(offer.city) === placeKey(profile.city)) {
    return { kind: 'sameCity', sentence: `it is in ${offer.city}, where the candidate lives` };
  }
  return { kind: 'sameCountry', sentence: `it is in ${offer.city}, the candidate lives in ${profile.city}` };
}

const CONTRACT_IN_WORDS: Readonly<Record<ContractType, string>> = {
  PERMANENT: 'permanent',
  FIXED_TERM: 'fixed-term',
  INTERNSHIP: 'internship',
  APPRENTICESHIP: 'apprenticeship',
  FREELANCE: 'freelance',
};

/** A candidate who has not said which contracts they want gets half: neither a fit nor a mismatch. */
const UNSTATED_CONTRACT_PREFERENCE = 0.5;

function contractFit(desired: readonly ContractType[], offered: ContractType | null | undefined): Fit {
  if (offered == null) return { score: 1, explanation: 'The offer involves no contract' };
  const contract = `${capitalize(CONTRACT_IN_WORDS[offered])} contract`;
  if (desired.length === 0) {
    return {
      score: UNSTATED_CONTRACT_PREFERENCE,
      explanation: `${contract}; the candidate has not said which contracts they want`,
    };
  }
  if (desired.includes(offered)) return { score: 1, explanation: `${contract}, as the candidate wants` };
  const wanted = [...new Set(desired)].map((type) => CONTRACT_IN_WORDS[type]);
  return { score: 0, explanation: `${contract}; the candidate wants ${listInWords(wanted)}` };
}

/** "Saint-Étienne" and "saint etienne" name the same city. */
function placeKey(city: string): string {
  return foldAccents(city)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function yearsInWords(years: number): string {
  return `${years} ${years === 1 ? 'year' : 'years'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
