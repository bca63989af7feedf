import { HIGHLIGHT_END, HIGHLIGHT_START } from '../highlight.ts';
import type { SearchRequest } from '../profile-search-index.ts';
import { languageLevelToken } from '../search-document.ts';

/**
 * The Elasticsearch request of a search, as plain data (tested apart): the same matches, filters and order
 * as the PostgreSQL adapter (postgres-search-sql.ts), so that both pass the one contract suite.
 */

/** Field boosts in the ratio of PostgreSQL's rank weights: headline 1.0, skills and titles 0.4, the rest 0.2. */
const ENGLISH_FIELDS = ['headline^5', 'skills^2', 'body'];
const FRENCH_FIELDS = ['headline.fr^5', 'skills.fr^2', 'body.fr'];

/**
 * All the words, each in any field, in one language's analysis — in English or in French, as PostgreSQL
 * matches `en_query || fr_query`.
 */
function textQuery(text: string) {
  const inLanguage = (fields: string[]) => ({
    multi_match: { query: text, type: 'cross_fields', operator: 'and', fields },
  });
  return {
    bool: { should: [inLanguage(ENGLISH_FIELDS), inLanguage(FRENCH_FIELDS)], minimum_should_match: 1 },
  };
}

function filtersOf(request: SearchRequest): object[] {
  const { filters } = request;
  const clauses: object[] = filters.skillIds.map((skillId) => ({ term: { skillIds: skillId } }));
  if (filters.minYearsOfExperience !== null || filters.maxYearsOfExperience !== null) {
    clauses.push({
      range: {
        yearsOfExperience: {
          ...(filters.minYearsOfExperience !== null ? { gte: filters.minYearsOfExperience } : {}),
          ...(filters.maxYearsOfExperience !== null ? { lte: filters.maxYearsOfExperience } : {}),
        },
      },
    });
  }
  if (filters.near !== null) {
    clauses.push({
      geo_distance: {
        distance: `${filters.near.radiusKm}km`,
        distance_type: 'arc',
        location: { lat: filters.near.latitude, lon: filters.near.longitude },
      },
    });
  }
  for (const { code, minimumLevel } of filters.languages) {
    clauses.push({ term: { languageLevels: languageLevelToken(code, minimumLevel) } });
  }
  if (filters.availableBy !== null) clauses.push({ range: { availableFrom: { lte: filters.availableBy } } });
  if (filters.contractTypes.length > 0)
    clauses.push({ terms: { contractTypes: [...filters.contractTypes] } });
  if (filters.salary !== null) {
    const { currency, minimum, maximum } = filters.salary;
    clauses.push({ term: { salaryCurrency: currency } });
    if (maximum !== null) clauses.push({ range: { salaryAnnualMinimum: { lte: maximum } } });
    if (minimum !== null) {
      clauses.push({
        bool: {
          should: [
            { bool: { must_not: { exists: { field: 'salaryAnnualMaximum' } } } },
            { range: { salaryAnnualMaximum: { gte: minimum } } },
          ],
          minimum_should_match: 1,
        },
      });
    }
  }
  return clauses;
}

const RECENT = [{ updatedAt: { order: 'desc' } }, { profileId: { order: 'asc' } }];

function sortOf(request: SearchRequest): object[] {
  switch (request.sort) {
    case 'RELEVANCE':
      return request.text === null ? RECENT : [{ _score: { order: 'desc' } }, ...RECENT];
    case 'MOST_RECENT':
      return RECENT;
    case 'YEARS_OF_EXPERIENCE':
      return [{ yearsOfExperience: { order: 'desc', missing: '_last' } }, ...RECENT];
    case 'AVAILABILITY':
      return [{ availableFrom: { order: 'asc', missing: '_last' } }, ...RECENT];
  }
}

/** The body of `POST /<index>/_search` for a search. */
export function searchBody(request: SearchRequest) {
  const text = request.text;
  const highlighted = (field: string) => ({
    number_of_fragments: 0,
    highlight_query: { match: { [field]: { query: text } } },
  });
  return {
    from: request.offset,
    size: request.limit,
    track_total_hits: true,
    track_scores: text !== null,
    _source: ['hitId', 'card'],
    query: {
      bool: {
        ...(text !== null ? { must: [textQuery(text)] } : {}),
        filter: filtersOf(request),
        must_not: [{ term: { hiddenFromOrganizationIds: request.organizationId } }],
      },
    },
    sort: sortOf(request),
    ...(text !== null
      ? {
          highlight: {
            pre_tags: [HIGHLIGHT_START],
            post_tags: [HIGHLIGHT_END],
            fields: {
              highlightText: highlighted('highlightText'),
              'highlightText.fr': highlighted('highlightText.fr'),
            },
          },
        }
      : {}),
  };
}
