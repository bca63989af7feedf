import { describe, expect, it } from 'vitest';
import { DEFAULT_JOB_PREFERENCES } from '../../src/domain/profile-state.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightHtml } from '../../src/search/highlight.ts';
import { annualAmount } from '../../src/search/salary.ts';
import {
  anonymizedProfile,
  isSearchable,
  languageLevelTokens,
  searchDocumentOf,
  type SkillNames,
} from '../../src/search/search-document.ts';
import { PROFILE_IDS, STATES, candidate } from './fixtures.ts';

const lyonReact = STATES.find((state) => state.id === PROFILE_IDS.lyonReact)!;
const names: SkillNames = {
  namesOf: (skillId) =>
    skillId === 'react' ? { labels: ['React', 'Réact'], aliases: ['ReactJS', 'React.js', 'React'] } : null,
};
const documentOf = (state = lyonReact) =>
  searchDocumentOf(state, {
    hitId: '0d000000-0000-4000-8000-000000000001',
    updatedAt: new Date('2026-11-20T09:00:00Z'),
    skillNames: names,
  });

describe('which profiles recruiters find', () => {
  it('validated candidates left discoverable, nothing else', () => {
    expect(isSearchable(candidate({ id: PROFILE_IDS.lyonReact }))).toBe(true);
    for (const status of ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED'] as const) {
      expect(isSearchable(candidate({ id: PROFILE_IDS.lyonReact, status }))).toBe(false);
    }
    for (const kind of ['MENTOR', 'CONSULTANT'] as const) {
      expect(isSearchable(candidate({ id: PROFILE_IDS.lyonReact, kind }))).toBe(false);
    }
    expect(
      isSearchable(
        candidate({
          id: PROFILE_IDS.lyonReact,
          preferences: { ...DEFAULT_JOB_PREFERENCES, discoverable: false },
        }),
      ),
    ).toBe(false);
  });
});

describe('a search document', () => {
  it('is found by the headline first, then the skills’ labels, aliases and desired titles, then the rest', () => {
    const { text, highlightText } = documentOf();
    expect(text.headline).toBe('Senior React developer');
    // A skill the names port does not know keeps the name stored with it.
    expect(text.skills.split('\n')).toEqual(['React', 'Réact', 'TypeScript', 'Lead front-end engineer']);
    expect(text.aliases.split('\n')).toEqual(['ReactJS', 'React.js']);
    expect(text.body).toContain('Builds GraphQL APIs');
    expect(text.body).toContain('Front-end developer');
    expect(text.body).toContain('Rebuilt the checkout');
    expect(text.body).toContain('Computer science');
    expect(highlightText).toBe('Senior React developer · Lead front-end engineer');
  });

  it('never holds the names of employers or schools, nor degree names, in what is searched or shown', () => {
    const serialized = JSON.stringify(documentOf());
    for (const hidden of ['Globex Retail', 'Université Claude Bernard', 'Master Informatique Lyon 1']) {
      expect(serialized).not.toContain(hidden);
    }
  });

  it('holds the filters: skills, years, coordinates, language levels, availability, contracts, yearly salary, hidden organizations', () => {
    expect(documentOf()).toMatchObject({
      profileId: lyonReact.id,
      revision: 1,
      updatedAt: '2026-11-20T09:00:00.000Z',
      skillIds: ['react', 'typescript'],
      yearsOfExperience: 7,
      coordinates: { latitude: 45.764, longitude: 4.8357 },
      languageLevels: [
        'fr:A1',
        'fr:A2',
        'fr:B1',
        'fr:B2',
        'fr:C1',
        'fr:C2',
        'en:A1',
        'en:A2',
        'en:B1',
        'en:B2',
      ],
      availableFrom: '2027-01-15',
      contractTypes: ['PERMANENT'],
      salary: { currency: 'EUR', minimum: 55_000, maximum: 65_000 },
      hiddenFromOrganizationIds: [],
    });
    const daily = STATES.find((state) => state.id === PROFILE_IDS.villeurbanneFreelance)!;
    expect(documentOf(daily).salary).toEqual({ currency: 'EUR', minimum: 130_800, maximum: 152_600 });
    const nowhere = STATES.find((state) => state.id === PROFILE_IDS.designerNowhere)!;
    expect(documentOf(nowhere)).toMatchObject({ coordinates: null, salary: null, yearsOfExperience: null });
  });

  it('shows recruiters a card of the career without employers, schools, free texts or coordinates', () => {
    expect(anonymizedProfile(lyonReact, '2026-11-20')).toEqual({
      headline: 'Senior React developer',
      desiredTitles: ['Lead front-end engineer'],
      yearsOfExperience: 7,
      skills: [
        { skillId: 'react', name: 'React', level: 'ADVANCED', yearsOfExperience: 7 },
        { skillId: 'typescript', name: 'TypeScript', level: 'ADVANCED', yearsOfExperience: 6 },
      ],
      location: { city: 'Lyon', countryCode: 'FR' },
      remotePreference: null,
      languages: [
        { code: 'fr', level: 'C2' },
        { code: 'en', level: 'B2' },
      ],
      availableFrom: '2027-01-15',
      contractTypes: ['PERMANENT'],
      salaryExpectation: { minimum: 55_000, maximum: 65_000, currency: 'EUR', period: 'YEAR' },
      jobSearchStatus: 'OPEN_TO_OFFERS',
      // March 2019 to November 2026, both months counted.
      experiences: [{ title: 'Front-end developer', contractType: 'PERMANENT', months: 93, current: true }],
      education: [{ level: 'MASTER', fieldOfStudy: 'Computer science' }],
    });
  });
});

describe('language levels', () => {
  it('are one token per level reached, so that "at least B2" is one token to look for', () => {
    expect(languageLevelTokens([{ code: 'de', level: 'A1' }])).toEqual(['de:A1']);
    expect(languageLevelTokens([{ code: 'en', level: 'C2' }])).toHaveLength(6);
    expect(languageLevelTokens([])).toEqual([]);
  });
});

describe('yearly salaries', () => {
  it('convert months, days and hours with French working-time conventions', () => {
    expect(annualAmount(3_000, 'MONTH')).toBe(36_000);
    expect(annualAmount(500, 'DAY')).toBe(109_000);
    expect(annualAmount(40, 'HOUR')).toBe(64_280);
    expect(annualAmount(45_000.5, 'YEAR')).toBe(45_000.5);
  });
});

describe('highlights', () => {
  it('become HTML with the matches in <mark> and everything else escaped', () => {
    expect(highlightHtml(`R&D <b> ${HIGHLIGHT_START}React${HIGHLIGHT_END} "lead"`)).toBe(
      'R&amp;D &lt;b&gt; <mark>React</mark> &quot;lead&quot;',
    );
  });

  it('are null when nothing is marked', () => {
    expect(highlightHtml('Senior React developer')).toBeNull();
    expect(highlightHtml(null)).toBeNull();
  });
});
