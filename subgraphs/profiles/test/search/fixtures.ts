import { randomUUID } from 'node:crypto';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { DEFAULT_JOB_PREFERENCES, type ProfileState } from '../../src/domain/profile-state.ts';
import {
  NO_SEARCH_FILTERS,
  type SearchDocument,
  type SearchFilters,
  type SearchRequest,
} from '../../src/search/profile-search-index.ts';
import { searchDocumentOf } from '../../src/search/search-document.ts';
import { taxonomySkillNames } from '../../src/search/skill-names.ts';
import { emptyState } from '../domain/states.ts';

/** Searchable candidates for the search tests, each built through the real document builder. */

export const SEARCHING_ORGANIZATION = '0a000000-0000-4000-8000-00000000000a';
export const HIDDEN_FROM_ORGANIZATION = '0b000000-0000-4000-8000-00000000000b';

export const LYON = { latitude: 45.764, longitude: 4.8357 };

let counter = 0;

/** A validated, discoverable candidate with only what `overrides` gives. */
export function candidate(overrides: Partial<ProfileState> & { readonly id: string }): ProfileState {
  counter += 1;
  return {
    ...emptyState('CANDIDATE'),
    status: 'VALIDATED',
    userId: `0c000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    ...overrides,
  };
}

/** A person with the RECRUITER role, member of the organizations given. */
export function recruiterOf(...organizationIds: string[]): Viewer {
  return testUser(randomUUID(), {
    roles: ['RECRUITER'],
    memberships: organizationIds.map((organizationId) => ({ organizationId, role: 'RECRUITER' as const })),
  });
}

const skill = (skillId: string, name: string, yearsOfExperience = 3) =>
  ({ skillId, name, level: 'ADVANCED', yearsOfExperience }) as const;

export const PROFILE_IDS = {
  lyonReact: '00000000-0000-4000-8000-000000000001',
  parisData: '00000000-0000-4000-8000-000000000002',
  villeurbanneFreelance: '00000000-0000-4000-8000-000000000003',
  grenobleJunior: '00000000-0000-4000-8000-000000000004',
  hiddenReact: '00000000-0000-4000-8000-000000000005',
  designerNowhere: '00000000-0000-4000-8000-000000000006',
} as const;

export const STATES: readonly ProfileState[] = [
  candidate({
    id: PROFILE_IDS.lyonReact,
    headline: 'Senior React developer',
    summary: 'Builds GraphQL APIs and design systems for retailers.',
    location: { city: 'Lyon', countryCode: 'FR', ...LYON },
    yearsOfExperience: 7,
    availableFrom: '2027-01-15',
    skills: [skill('react', 'React', 7), skill('typescript', 'TypeScript', 6)],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'B2' },
    ],
    preferences: {
      ...DEFAULT_JOB_PREFERENCES,
      desiredContractTypes: ['PERMANENT'],
      desiredTitles: ['Lead front-end engineer'],
      salaryExpectation: { minimum: 55_000, maximum: 65_000, currency: 'EUR', period: 'YEAR' },
    },
    experiences: [
      {
        id: '00000000-0000-4000-8000-0000000000e1',
        organizationName: 'Globex Retail',
        title: 'Front-end developer',
        contractType: 'PERMANENT',
        city: 'Lyon',
        countryCode: 'FR',
        startDate: '2019-03-01',
        endDate: null,
        description: 'Rebuilt the checkout and its design system in React.',
        skillIds: ['react'],
      },
    ],
    education: [
      {
        id: '00000000-0000-4000-8000-0000000000f1',
        institution: 'Université Claude Bernard',
        degree: 'Master Informatique Lyon 1',
        fieldOfStudy: 'Computer science',
        level: 'MASTER',
        startDate: '2014-09-01',
        endDate: '2019-06-30',
        description: null,
      },
    ],
  }),
  candidate({
    id: PROFILE_IDS.parisData,
    headline: 'Data engineer',
    location: { city: 'Paris', countryCode: 'FR', latitude: 48.8566, longitude: 2.3522 },
    yearsOfExperience: 3,
    availableFrom: '2026-12-01',
    skills: [skill('python', 'Python'), skill('sql', 'SQL')],
    languages: [{ code: 'en', level: 'C1' }],
    preferences: {
      ...DEFAULT_JOB_PREFERENCES,
      desiredContractTypes: ['PERMANENT', 'FIXED_TERM'],
      salaryExpectation: { minimum: 450, maximum: null, currency: 'EUR', period: 'DAY' },
    },
  }),
  candidate({
    id: PROFILE_IDS.villeurbanneFreelance,
    headline: 'Développeur full-stack indépendant',
    location: { city: 'Villeurbanne', countryCode: 'FR', latitude: 45.7719, longitude: 4.8902 },
    yearsOfExperience: 10,
    skills: [skill('react', 'React', 8), skill('nodejs', 'Node.js', 10)],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'C1' },
    ],
    preferences: {
      ...DEFAULT_JOB_PREFERENCES,
      desiredContractTypes: ['FREELANCE'],
      salaryExpectation: { minimum: 600, maximum: 700, currency: 'EUR', period: 'DAY' },
    },
  }),
  candidate({
    id: PROFILE_IDS.grenobleJunior,
    headline: 'Junior TypeScript developer',
    location: { city: 'Grenoble', countryCode: 'FR', latitude: 45.1885, longitude: 5.7245 },
    yearsOfExperience: 1,
    availableFrom: '2026-10-01',
    skills: [skill('typescript', 'TypeScript', 1)],
    languages: [{ code: 'en', level: 'B1' }],
    preferences: {
      ...DEFAULT_JOB_PREFERENCES,
      desiredContractTypes: ['APPRENTICESHIP'],
      salaryExpectation: { minimum: 1_500, maximum: null, currency: 'EUR', period: 'MONTH' },
    },
  }),
  candidate({
    id: PROFILE_IDS.hiddenReact,
    headline: 'React developer',
    location: { city: 'Lyon', countryCode: 'FR', ...LYON },
    yearsOfExperience: 4,
    skills: [skill('react', 'React', 4)],
    preferences: {
      ...DEFAULT_JOB_PREFERENCES,
      desiredContractTypes: ['PERMANENT'],
      salaryExpectation: { minimum: 50_000, maximum: null, currency: 'GBP', period: 'YEAR' },
      hiddenFromOrganizationIds: [HIDDEN_FROM_ORGANIZATION],
    },
  }),
  candidate({
    id: PROFILE_IDS.designerNowhere,
    headline: 'Product designer',
    skills: [skill('figma', 'Figma')],
  }),
];

/** Each profile changed a minute after the previous one: the MOST_RECENT order is the reverse. */
export const DOCUMENTS: readonly SearchDocument[] = STATES.map((state, position) =>
  searchDocumentOf(state, {
    hitId: state.id.replace('00000000-0000-4000-8000-', '0d000000-0000-4000-8000-'),
    updatedAt: new Date(Date.UTC(2026, 10, 20, 9, position)),
    skillNames: taxonomySkillNames,
  }),
);

export const hitIdOf = (profileId: string) =>
  DOCUMENTS.find((document) => document.profileId === profileId)!.hitId;

/** A search of the searching organization, first page of 20, by relevance. */
export function searchOf(
  changes: Partial<Omit<SearchRequest, 'filters'>> & { readonly filters?: Partial<SearchFilters> } = {},
): SearchRequest {
  return {
    text: null,
    sort: 'RELEVANCE',
    organizationId: SEARCHING_ORGANIZATION,
    offset: 0,
    limit: 20,
    ...changes,
    filters: { ...NO_SEARCH_FILTERS, ...changes.filters },
  };
}
