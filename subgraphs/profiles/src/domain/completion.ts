import type { ProfileKind } from './profile.ts';
import type { ProfileState } from './profile-state.ts';

/**
 * The completion gauge (0–100) shown to the person while they fill in their profile, and weighed by
 * reviewers. Each item earns its weight when done; the weights of each kind of profile add up to 100
 * (a test checks it). The same table is in subgraphs/profiles/README.md.
 *
 * | item                    | weight | done when                                                  | kinds      |
 * | ----------------------- | -----: | ---------------------------------------------------------- | ---------- |
 * | HEADLINE                |     10 | a headline is set                                          | all        |
 * | SUMMARY                 |     10 | the summary has at least 50 characters                     | all        |
 * | LOCATION                |      5 | a country is set                                           | all        |
 * | REMOTE_PREFERENCE       |      5 | a remote preference is set                                 | all        |
 * | AVAILABILITY            |      5 | an availability date is set                                | all        |
 * | YEARS_OF_EXPERIENCE     |      5 | years of experience are set                                | all        |
 * | EXPERIENCE              |     15 | at least one experience                                    | all        |
 * | EDUCATION               |     10 | at least one education entry                               | all        |
 * | SKILLS                  |     15 | 5 per skill, up to 3 skills                                | all        |
 * | LANGUAGES               |     10 | at least one language                                      | all        |
 * | DESIRED_CONTRACT_TYPES  |      5 | at least one contract type wanted                          | CANDIDATE  |
 * | DESIRED_TITLES          |      5 | at least one desired job title                             | CANDIDATE  |
 * | DAILY_RATE              |      5 | a daily rate is set                                        | CONSULTANT |
 * | CONSULTANT_AVAILABILITY |      5 | an availability status is set                              | CONSULTANT |
 * | MENTOR_EXPERTISE        |      5 | at least one area of expertise                             | MENTOR     |
 * | MENTORING_YEARS         |      5 | years of mentoring are set                                 | MENTOR     |
 *
 * Certifications, job preferences beyond the above and the CV are welcome but optional: a profile
 * without them can be complete.
 */
export const COMPLETION_ITEMS = [
  'HEADLINE',
  'SUMMARY',
  'LOCATION',
  'REMOTE_PREFERENCE',
  'AVAILABILITY',
  'YEARS_OF_EXPERIENCE',
  'EXPERIENCE',
  'EDUCATION',
  'SKILLS',
  'LANGUAGES',
  'DESIRED_CONTRACT_TYPES',
  'DESIRED_TITLES',
  'DAILY_RATE',
  'CONSULTANT_AVAILABILITY',
  'MENTOR_EXPERTISE',
  'MENTORING_YEARS',
] as const;
export type CompletionItem = (typeof COMPLETION_ITEMS)[number];

export const SUMMARY_MIN_LENGTH_FOR_COMPLETION = 50;
const POINTS_PER_SKILL = 5;
const SKILLS_COUNTED = 3;

interface ItemRule {
  readonly item: CompletionItem;
  readonly weight: number;
  readonly kinds: readonly ProfileKind[] | 'ALL';
  /** Points earned, from 0 to `weight`. */
  readonly earned: (state: ProfileState) => number;
}

const all = (weight: number, done: (state: ProfileState) => boolean) => (state: ProfileState) =>
  done(state) ? weight : 0;

const RULES: readonly ItemRule[] = [
  { item: 'HEADLINE', weight: 10, kinds: 'ALL', earned: all(10, (state) => state.headline !== null) },
  {
    item: 'SUMMARY',
    weight: 10,
    kinds: 'ALL',
    earned: all(10, (state) => [...(state.summary ?? '')].length >= SUMMARY_MIN_LENGTH_FOR_COMPLETION),
  },
  { item: 'LOCATION', weight: 5, kinds: 'ALL', earned: all(5, (state) => state.location !== null) },
  {
    item: 'REMOTE_PREFERENCE',
    weight: 5,
    kinds: 'ALL',
    earned: all(5, (state) => state.remotePreference !== null),
  },
  { item: 'AVAILABILITY', weight: 5, kinds: 'ALL', earned: all(5, (state) => state.availableFrom !== null) },
  {
    item: 'YEARS_OF_EXPERIENCE',
    weight: 5,
    kinds: 'ALL',
    earned: all(5, (state) => state.yearsOfExperience !== null),
  },
  { item: 'EXPERIENCE', weight: 15, kinds: 'ALL', earned: all(15, (state) => state.experiences.length > 0) },
  { item: 'EDUCATION', weight: 10, kinds: 'ALL', earned: all(10, (state) => state.education.length > 0) },
  {
    item: 'SKILLS',
    weight: POINTS_PER_SKILL * SKILLS_COUNTED,
    kinds: 'ALL',
    earned: (state) => POINTS_PER_SKILL * Math.min(SKILLS_COUNTED, state.skills.length),
  },
  { item: 'LANGUAGES', weight: 10, kinds: 'ALL', earned: all(10, (state) => state.languages.length > 0) },
  {
    item: 'DESIRED_CONTRACT_TYPES',
    weight: 5,
    kinds: ['CANDIDATE'],
    earned: all(5, (state) => state.preferences.desiredContractTypes.length > 0),
  },
  {
    item: 'DESIRED_TITLES',
    weight: 5,
    kinds: ['CANDIDATE'],
    earned: all(5, (state) => state.preferences.desiredTitles.length > 0),
  },
  {
    item: 'DAILY_RATE',
    weight: 5,
    kinds: ['CONSULTANT'],
    earned: all(5, (state) => state.consultant?.dailyRate != null),
  },
  {
    item: 'CONSULTANT_AVAILABILITY',
    weight: 5,
    kinds: ['CONSULTANT'],
    earned: all(5, (state) => state.consultant?.availability != null),
  },
  {
    item: 'MENTOR_EXPERTISE',
    weight: 5,
    kinds: ['MENTOR'],
    earned: all(5, (state) => (state.mentor?.expertise.length ?? 0) > 0),
  },
  {
    item: 'MENTORING_YEARS',
    weight: 5,
    kinds: ['MENTOR'],
    earned: all(5, (state) => state.mentor?.mentoringYears != null),
  },
];

export interface CompletionEntry {
  readonly item: CompletionItem;
  readonly weight: number;
  readonly earned: number;
  readonly done: boolean;
}

export interface Completion {
  /** 0 to 100. */
  readonly percent: number;
  /** The items that count for this kind of profile, in table order. */
  readonly items: readonly CompletionEntry[];
}

export function rulesFor(kind: ProfileKind): readonly ItemRule[] {
  return RULES.filter((rule) => rule.kinds === 'ALL' || rule.kinds.includes(kind));
}

export function completionOf(state: ProfileState): Completion {
  const items = rulesFor(state.kind).map((rule) => {
    const earned = rule.earned(state);
    return { item: rule.item, weight: rule.weight, earned, done: earned === rule.weight };
  });
  return { percent: items.reduce((sum, entry) => sum + entry.earned, 0), items };
}
