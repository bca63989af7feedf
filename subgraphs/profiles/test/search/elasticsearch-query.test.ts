import { describe, expect, it } from 'vitest';
import { INDEX_MAPPINGS, INDEX_SETTINGS, sourceOf } from '../../src/search/elasticsearch/mapping.ts';
import { searchBody } from '../../src/search/elasticsearch/query.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../src/search/highlight.ts';
import { DOCUMENTS, HIDDEN_FROM_ORGANIZATION, LYON, SEARCHING_ORGANIZATION, searchOf } from './fixtures.ts';

/**
 * The Elasticsearch request and index definitions, as data: what the adapter sends, whether or not a
 * server is there to run the contract suite.
 */
describe('the index definition', () => {
  it('analyzes English and French with accents folded, as PostgreSQL with unaccent', () => {
    const { analyzer } = INDEX_SETTINGS.analysis;
    expect(analyzer.profile_en.filter).toContain('asciifolding');
    expect(analyzer.profile_fr.filter).toEqual([
      'french_elision',
      'lowercase',
      'asciifolding',
      'french_stop',
      'french_stemmer',
    ]);
    for (const field of ['headline', 'skills', 'body', 'highlightText'] as const) {
      expect(INDEX_MAPPINGS.properties[field]).toEqual({
        type: 'text',
        analyzer: 'profile_en',
        fields: { fr: { type: 'text', analyzer: 'profile_fr' } },
      });
    }
  });

  it('maps every field of a document, and refuses any other (strict)', () => {
    expect(INDEX_MAPPINGS.dynamic).toBe('strict');
    for (const document of DOCUMENTS) {
      expect(Object.keys(sourceOf(document)).sort()).toEqual(Object.keys(INDEX_MAPPINGS.properties).sort());
    }
    expect(INDEX_MAPPINGS.properties.location).toEqual({ type: 'geo_point' });
    expect(INDEX_MAPPINGS.properties.card).toEqual({ type: 'object', enabled: false });
  });

  it('stores coordinates as a geo point, and the salary as yearly numbers', () => {
    expect(sourceOf(DOCUMENTS[0]!)).toMatchObject({
      location: { lat: LYON.latitude, lon: LYON.longitude },
      salaryCurrency: 'EUR',
      salaryAnnualMinimum: 55_000,
      salaryAnnualMaximum: 65_000,
    });
    expect(sourceOf(DOCUMENTS.at(-1)!)).toMatchObject({ location: null, salaryCurrency: null });
  });
});

describe('a search request', () => {
  it('pages, counts every match, returns the hit id and card only, and leaves out hidden documents', () => {
    const body = searchBody(searchOf({ offset: 40, limit: 20 }));
    expect(body).toMatchObject({
      from: 40,
      size: 20,
      track_total_hits: true,
      track_scores: false,
      _source: ['hitId', 'card'],
      query: {
        bool: { filter: [], must_not: [{ term: { hiddenFromOrganizationIds: SEARCHING_ORGANIZATION } }] },
      },
      sort: [{ updatedAt: { order: 'desc' } }, { profileId: { order: 'asc' } }],
    });
    expect(body).not.toHaveProperty('highlight');
    expect(body.query.bool).not.toHaveProperty('must');
  });

  it('needs every word in one language, each in any field, the headline weighing most', () => {
    const body = searchBody(searchOf({ text: 'react développeur' }));
    expect(body.query.bool.must).toEqual([
      {
        bool: {
          should: [
            {
              multi_match: {
                query: 'react développeur',
                type: 'cross_fields',
                operator: 'and',
                fields: ['headline^5', 'skills^2', 'body'],
              },
            },
            {
              multi_match: {
                query: 'react développeur',
                type: 'cross_fields',
                operator: 'and',
                fields: ['headline.fr^5', 'skills.fr^2', 'body.fr'],
              },
            },
          ],
          minimum_should_match: 1,
        },
      },
    ]);
    expect(body.sort).toEqual([
      { _score: { order: 'desc' } },
      { updatedAt: { order: 'desc' } },
      { profileId: { order: 'asc' } },
    ]);
    expect(body.track_scores).toBe(true);
    expect(body.highlight).toMatchObject({
      pre_tags: [HIGHLIGHT_START],
      post_tags: [HIGHLIGHT_END],
      fields: {
        highlightText: {
          number_of_fragments: 0,
          highlight_query: { match: { highlightText: { query: 'react développeur' } } },
        },
      },
    });
  });

  it('turns each filter into its clause', () => {
    const body = searchBody(
      searchOf({
        organizationId: HIDDEN_FROM_ORGANIZATION,
        filters: {
          skillIds: ['react', 'typescript'],
          minYearsOfExperience: 3,
          maxYearsOfExperience: 8,
          near: { ...LYON, radiusKm: 25 },
          languages: [{ code: 'en', minimumLevel: 'B2' }],
          availableBy: '2027-01-31',
          contractTypes: ['PERMANENT', 'FREELANCE'],
          salary: { currency: 'EUR', minimum: 50_000, maximum: 70_000 },
        },
      }),
    );
    expect(body.query.bool.filter).toEqual([
      { term: { skillIds: 'react' } },
      { term: { skillIds: 'typescript' } },
      { range: { yearsOfExperience: { gte: 3, lte: 8 } } },
      {
        geo_distance: {
          distance: '25km',
          distance_type: 'arc',
          location: { lat: LYON.latitude, lon: LYON.longitude },
        },
      },
      { term: { languageLevels: 'en:B2' } },
      { range: { availableFrom: { lte: '2027-01-31' } } },
      { terms: { contractTypes: ['PERMANENT', 'FREELANCE'] } },
      { term: { salaryCurrency: 'EUR' } },
      { range: { salaryAnnualMinimum: { lte: 70_000 } } },
      {
        bool: {
          should: [
            { bool: { must_not: { exists: { field: 'salaryAnnualMaximum' } } } },
            { range: { salaryAnnualMaximum: { gte: 50_000 } } },
          ],
          minimum_should_match: 1,
        },
      },
    ]);
    expect(body.query.bool.must_not).toEqual([
      { term: { hiddenFromOrganizationIds: HIDDEN_FROM_ORGANIZATION } },
    ]);
  });

  it('leaves out the bounds a budget or a years range does not have', () => {
    const body = searchBody(
      searchOf({
        filters: { minYearsOfExperience: 5, salary: { currency: 'GBP', minimum: null, maximum: 60_000 } },
      }),
    );
    expect(body.query.bool.filter).toEqual([
      { range: { yearsOfExperience: { gte: 5 } } },
      { term: { salaryCurrency: 'GBP' } },
      { range: { salaryAnnualMinimum: { lte: 60_000 } } },
    ]);
  });

  it('orders by years or availability, unknown last, then the most recent', () => {
    expect(searchBody(searchOf({ sort: 'YEARS_OF_EXPERIENCE' })).sort[0]).toEqual({
      yearsOfExperience: { order: 'desc', missing: '_last' },
    });
    expect(searchBody(searchOf({ sort: 'AVAILABILITY' })).sort[0]).toEqual({
      availableFrom: { order: 'asc', missing: '_last' },
    });
    expect(searchBody(searchOf({ sort: 'MOST_RECENT', text: 'react' })).sort[0]).toEqual({
      updatedAt: { order: 'desc' },
    });
  });
});
