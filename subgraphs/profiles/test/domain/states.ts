import type { ProfileKind } from '../../src/domain/profile.ts';
import { DEFAULT_JOB_PREFERENCES, type ProfileState } from '../../src/domain/profile-state.ts';

/** Profile states for the domain tests: nothing filled in, and everything filled in. */

export function emptyState(kind: ProfileKind): ProfileState {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    userId: '00000000-0000-4000-8000-0000000000b1',
    kind,
    status: 'DRAFT',
    revision: 1,
    headline: null,
    summary: null,
    location: null,
    remotePreference: null,
    yearsOfExperience: null,
    availableFrom: null,
    preferences: DEFAULT_JOB_PREFERENCES,
    consultant:
      kind === 'CONSULTANT'
        ? { organizationId: '00000000-0000-4000-8000-0000000000c1', dailyRate: null, availability: null }
        : null,
    mentor:
      kind === 'MENTOR'
        ? { expertise: [], mentoringYears: null, hourlyRate: null, ratingAverage: null, ratingCount: 0 }
        : null,
    experiences: [],
    education: [],
    certifications: [],
    skills: [],
    languages: [],
  };
}

export function fullState(kind: ProfileKind): ProfileState {
  const empty = emptyState(kind);
  return {
    ...empty,
    headline: 'Full-stack TypeScript developer',
    summary: 'Five years building React front ends and Node.js APIs for logistics start-ups.',
    location: { city: 'Lyon', countryCode: 'FR', latitude: 45.76, longitude: 4.84 },
    remotePreference: 'HYBRID',
    yearsOfExperience: 5,
    availableFrom: '2027-01-04',
    preferences: {
      ...DEFAULT_JOB_PREFERENCES,
      desiredContractTypes: ['PERMANENT'],
      desiredTitles: ['Lead developer'],
    },
    consultant: empty.consultant && {
      ...empty.consultant,
      dailyRate: { amount: 650, currency: 'EUR' },
      availability: 'AVAILABLE',
    },
    mentor: empty.mentor && { ...empty.mentor, expertise: ['Career switch'], mentoringYears: 3 },
    experiences: [
      {
        id: '00000000-0000-4000-8000-0000000000e1',
        organizationName: 'Logiflow',
        title: 'Developer',
        contractType: 'PERMANENT',
        city: 'Lyon',
        countryCode: 'FR',
        startDate: '2021-09-01',
        endDate: null,
        description: null,
        skillIds: ['typescript'],
      },
    ],
    education: [
      {
        id: '00000000-0000-4000-8000-0000000000f1',
        institution: 'INSA Lyon',
        degree: null,
        fieldOfStudy: null,
        level: 'MASTER',
        startDate: '2016-09-01',
        endDate: '2021-06-30',
        description: null,
      },
    ],
    skills: [
      { skillId: 'typescript', name: 'TypeScript', level: 'EXPERT', yearsOfExperience: 5 },
      { skillId: 'react', name: 'React', level: 'ADVANCED', yearsOfExperience: 5 },
      { skillId: 'graphql', name: 'GraphQL', level: 'ADVANCED', yearsOfExperience: 3 },
    ],
    languages: [{ code: 'fr', level: 'C2' }],
  };
}
