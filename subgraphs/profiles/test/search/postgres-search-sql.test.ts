import { describe, expect, it } from 'vitest';
import {
  countStatement,
  pageStatement,
  textArrayLiteral,
  upsertStatement,
} from '../../src/search/postgres-search-sql.ts';
import { SEARCH_SORTS } from '../../src/search/profile-search-index.ts';
import { DOCUMENTS, LYON, searchOf } from './fixtures.ts';

const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe('the PostgreSQL search statements', () => {
  it('bind one parameter per placeholder, whatever the words, filters and order', () => {
    const everyFilter = {
      skillIds: ['react'],
      minYearsOfExperience: 2,
      maxYearsOfExperience: 9,
      near: { ...LYON, radiusKm: 30 },
      languages: [{ code: 'en', minimumLevel: 'B2' as const }],
      availableBy: '2027-01-01',
      contractTypes: ['PERMANENT' as const],
      salary: { currency: 'EUR', minimum: 40_000, maximum: 60_000 },
    };
    for (const sort of SEARCH_SORTS) {
      for (const text of [null, 'react']) {
        for (const filters of [{}, everyFilter]) {
          const request = searchOf({ sort, text, filters });
          for (const statement of [pageStatement(request), countStatement(request)]) {
            expect(placeholders(statement.sql)).toBe(statement.params.length);
          }
        }
      }
    }
    const upsert = upsertStatement(DOCUMENTS);
    expect(placeholders(upsert.sql)).toBe(upsert.params.length);
  });

  it('narrow by the GiST box before the exact distance, except where no box holds the circle', () => {
    expect(countStatement(searchOf({ filters: { near: { ...LYON, radiusKm: 30 } } })).sql).toContain(
      'd.geo <@ box(',
    );
    expect(
      countStatement(searchOf({ filters: { near: { latitude: 89.9, longitude: 0, radiusKm: 30 } } })).sql,
    ).not.toContain('d.geo <@ box(');
  });

  it('count the matches in the page’s own pass when words are ranked, apart otherwise', () => {
    expect(pageStatement(searchOf({ text: 'react' })).sql).toContain('count(*) over ()');
    expect(pageStatement(searchOf()).sql).not.toContain('count(*) over ()');
  });

  it('order by relevance only with words', () => {
    expect(pageStatement(searchOf({ text: 'react' })).sql).toContain('order by page.score desc');
    expect(pageStatement(searchOf()).sql).not.toContain('score desc');
  });
});

describe('array parameters', () => {
  it('travel as PostgreSQL array literals, quotes and backslashes escaped', () => {
    expect(textArrayLiteral(['react', 'en:B2'])).toBe('{"react","en:B2"}');
    expect(textArrayLiteral(['a"b', 'c\\d', 'e,f'])).toBe('{"a\\"b","c\\\\d","e,f"}');
    expect(textArrayLiteral([])).toBe('{}');
  });
});
