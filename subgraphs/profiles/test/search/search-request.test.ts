import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  checkSearch,
  cursorAt,
  type CheckedSearch,
  type SearchInput,
} from '../../src/search/search-request.ts';
import { canonicalSkillId } from '../../src/search/skill-names.ts';
import { NO_SEARCH_FILTERS } from '../../src/search/profile-search-index.ts';

const accepted = (input: SearchInput): CheckedSearch => {
  const checked = checkSearch(input, canonicalSkillId);
  if (!checked.ok) throw new Error(JSON.stringify(checked.violations));
  return checked.value;
};

const problemsOf = (input: SearchInput) => {
  const checked = checkSearch(input, canonicalSkillId);
  return checked.ok ? [] : checked.violations.map(({ field, code }) => ({ field, code }));
};

describe('checkSearch', () => {
  it('gives everything by relevance, first page of 20, when nothing is asked', () => {
    expect(accepted({})).toMatchObject({
      text: null,
      filters: NO_SEARCH_FILTERS,
      sort: 'RELEVANCE',
      offset: 0,
      limit: DEFAULT_PAGE_SIZE,
    });
    expect(accepted({ query: '   ' }).text).toBeNull();
    expect(accepted({ query: '  react  ' }).text).toBe('react');
  });

  it('keeps canonical skill ids once each, in the order given', () => {
    expect(accepted({ filters: { skillIds: ['react', 'typescript', 'react'] } }).filters.skillIds).toEqual([
      'react',
      'typescript',
    ]);
  });

  it('turns a salary budget into a yearly range in its currency', () => {
    expect(
      accepted({ filters: { salary: { minimum: 400, maximum: 500, currency: 'EUR', period: 'DAY' } } })
        .filters.salary,
    ).toEqual({ currency: 'EUR', minimum: 87_200, maximum: 109_000 });
    expect(
      accepted({ filters: { salary: { maximum: 5_000, currency: 'CHF', period: 'MONTH' } } }).filters.salary,
    ).toEqual({ currency: 'CHF', minimum: null, maximum: 60_000 });
  });

  it('reports every problem at once, each at its field', () => {
    expect(
      problemsOf({
        query: 'x'.repeat(201),
        filters: {
          skillIds: ['react', 'nope'],
          minYearsOfExperience: -1,
          maxYearsOfExperience: 61,
          near: { latitude: 95, longitude: 200, radiusKm: 0 },
          languages: [
            { code: 'EN', minimumLevel: 'B2' },
            { code: 'fr', minimumLevel: 'C3' },
          ],
          availableBy: '2027-02-30',
          contractTypes: ['GIG'],
          salary: { minimum: 60_000, maximum: 50_000, currency: 'EUR', period: 'YEAR' },
        },
        sort: 'CHEAPEST',
        first: 101,
      }),
    ).toEqual([
      { field: 'query', code: 'TOO_LONG' },
      { field: 'filters.minYearsOfExperience', code: 'OUT_OF_RANGE' },
      { field: 'filters.maxYearsOfExperience', code: 'OUT_OF_RANGE' },
      { field: 'filters.availableBy', code: 'INVALID_DATE' },
      { field: 'filters.skillIds.1', code: 'UNKNOWN_SKILL' },
      { field: 'filters.near.latitude', code: 'OUT_OF_RANGE' },
      { field: 'filters.near.longitude', code: 'OUT_OF_RANGE' },
      { field: 'filters.near.radiusKm', code: 'OUT_OF_RANGE' },
      { field: 'filters.languages.0.code', code: 'INVALID_LANGUAGE' },
      { field: 'filters.languages.1.minimumLevel', code: 'INVALID_CEFR_LEVEL' },
      { field: 'filters.contractTypes.0', code: 'INVALID_VALUE' },
      { field: 'filters.salary.maximum', code: 'SALARY_RANGE_INVERTED' },
      { field: 'sort', code: 'INVALID_VALUE' },
      { field: 'first', code: 'OUT_OF_RANGE' },
    ]);
  });

  it.each<[string, SearchInput, { field: string; code: string }[]]>([
    [
      'a radius without its centre',
      { filters: { near: { radiusKm: 20 } } },
      [{ field: 'filters.near', code: 'COORDINATES_REQUIRED' }],
    ],
    [
      'a radius beyond 500 km',
      { filters: { near: { latitude: 45, longitude: 4, radiusKm: 501 } } },
      [{ field: 'filters.near.radiusKm', code: 'OUT_OF_RANGE' }],
    ],
    [
      'fractional years',
      { filters: { minYearsOfExperience: 2.5 } },
      [{ field: 'filters.minYearsOfExperience', code: 'OUT_OF_RANGE' }],
    ],
    [
      'more than 20 skills',
      { filters: { skillIds: Array.from({ length: 21 }, () => 'react') } },
      [{ field: 'filters.skillIds', code: 'TOO_MANY' }],
    ],
    [
      'a language asked twice',
      {
        filters: {
          languages: [
            { code: 'en', minimumLevel: 'B1' },
            { code: 'en', minimumLevel: 'C1' },
          ],
        },
      },
      [{ field: 'filters.languages.1.code', code: 'DUPLICATE' }],
    ],
    [
      'a budget without bounds',
      { filters: { salary: { currency: 'EUR', period: 'YEAR' } } },
      [{ field: 'filters.salary', code: 'REQUIRED' }],
    ],
    [
      'a budget in no currency',
      { filters: { salary: { minimum: 1, currency: 'EURO', period: 'YEAR' } } },
      [{ field: 'filters.salary.currency', code: 'INVALID_CURRENCY' }],
    ],
    [
      'a budget with a fraction of a cent',
      { filters: { salary: { minimum: 1.005, currency: 'EUR', period: 'YEAR' } } },
      [{ field: 'filters.salary.minimum', code: 'INVALID_AMOUNT' }],
    ],
    [
      'control characters in the words',
      { query: 'react\u0000' },
      [{ field: 'query', code: 'INVALID_CHARACTERS' }],
    ],
    ['an empty page', { first: 0 }, [{ field: 'first', code: 'OUT_OF_RANGE' }]],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, [{ field: 'after', code: 'INVALID_CURSOR' }]],
  ])('refuses %s', (_what, input, problems) => {
    expect(problemsOf(input)).toEqual(problems);
  });

  describe('cursors', () => {
    it('continue after the hit they name, for the same search only', () => {
      const search = accepted({ query: 'react', filters: { minYearsOfExperience: 3 }, first: 10 });
      const cursor = cursorAt(search.fingerprint, 9);
      expect(
        accepted({ query: 'react', filters: { minYearsOfExperience: 3 }, first: 10, after: cursor }),
      ).toMatchObject({
        offset: 10,
        limit: 10,
      });
      expect(problemsOf({ query: 'react', filters: { minYearsOfExperience: 4 }, after: cursor })).toEqual([
        { field: 'after', code: 'INVALID_CURSOR' },
      ]);
      expect(
        problemsOf({
          query: 'react',
          filters: { minYearsOfExperience: 3 },
          sort: 'MOST_RECENT',
          after: cursor,
        }),
      ).toEqual([{ field: 'after', code: 'INVALID_CURSOR' }]);
    });

    it('go no deeper than the result window, whose last page is cut short', () => {
      const { fingerprint } = accepted({ first: 100 });
      expect(accepted({ first: 100, after: cursorAt(fingerprint, MAX_RESULT_WINDOW - 51) })).toMatchObject({
        offset: MAX_RESULT_WINDOW - 50,
        limit: 50,
      });
      expect(problemsOf({ first: 100, after: cursorAt(fingerprint, MAX_RESULT_WINDOW - 1) })).toEqual([
        { field: 'after', code: 'OUT_OF_RANGE' },
      ]);
    });

    it('refuse anything else than what searchProfiles gives', () => {
      const { fingerprint } = accepted({});
      for (const forged of [
        Buffer.from(JSON.stringify({ search: fingerprint, after: -1 })).toString('base64url'),
        Buffer.from(JSON.stringify({ search: fingerprint, after: 1.5 })).toString('base64url'),
        Buffer.from(JSON.stringify({ after: 3 })).toString('base64url'),
        Buffer.from('null').toString('base64url'),
        '%%%',
      ]) {
        expect(problemsOf({ after: forged })).toEqual([{ field: 'after', code: 'INVALID_CURSOR' }]);
      }
    });
  });
});
