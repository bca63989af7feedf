import { SEARCH_DOCUMENT_VERSION, languageLevelToken } from './search-document.ts';
import { EARTH_MEAN_RADIUS_KM, boundingBox } from './geo.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './highlight.ts';
import type { SearchDocument, SearchRequest } from './profile-search-index.ts';

/**
 * The SQL of the PostgreSQL search adapter, as plain text and parameters (`?` placeholders), so that it is
 * read and tested apart from the database. Table and indexes: entities/ProfileSearchDocument.ts.
 */
export interface Statement {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * A PostgreSQL array literal (`{"a","b"}`) for a `?::text[]` parameter: the driver layer expands a
 * JavaScript array into one placeholder per element, so arrays travel as text.
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`).join(',')}}`;
}

/** Relevance weights of ts_rank, for weights D, C, B, A: the headline counts most. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

/**
 * What `rank_vector` holds: the headline (A) and the skills' labels and desired titles (B) in both
 * languages. Relevance is computed on it alone — small, it stays in the row — while `search_vector`
 * (which adds the skills' aliases and the rest of the text) finds.
 */
const RANK_VECTOR = `
  setweight(to_tsvector('profiles_en', d.headline), 'A') || setweight(to_tsvector('profiles_fr', d.headline), 'A') ||
  setweight(to_tsvector('profiles_en', d.skills), 'B') || setweight(to_tsvector('profiles_fr', d.skills), 'B')`;

/**
 * A document's lexemes, each text in both languages' text search configurations (`profiles_en`,
 * `profiles_fr`: PostgreSQL's English and French with unaccent, created by the migration).
 */
const SEARCH_VECTOR = `
  setweight(to_tsvector('profiles_en', d.headline), 'A') || setweight(to_tsvector('profiles_fr', d.headline), 'A') ||
  setweight(to_tsvector('profiles_en', d.skills), 'B') || setweight(to_tsvector('profiles_fr', d.skills), 'B') ||
  setweight(to_tsvector('profiles_en', d.aliases), 'B') || setweight(to_tsvector('profiles_fr', d.aliases), 'B') ||
  setweight(to_tsvector('profiles_en', d.body), 'C') || setweight(to_tsvector('profiles_fr', d.body), 'C')`;

/** The words of a query in both languages: a document matches when all of them match in one language. */
const SEARCH_QUERY = `(websearch_to_tsquery('profiles_en', ?) || websearch_to_tsquery('profiles_fr', ?))`;

/** The row a document becomes, as JSON for jsonb_to_recordset (one parameter for a whole batch). */
function rowOf(document: SearchDocument) {
  return {
    profile_id: document.profileId,
    hit_id: document.hitId,
    revision: document.revision,
    updated_at: document.updatedAt,
    headline: document.text.headline,
    skills: document.text.skills,
    aliases: document.text.aliases,
    body: document.text.body,
    skill_ids: document.skillIds,
    years_of_experience: document.yearsOfExperience,
    latitude: document.coordinates?.latitude ?? null,
    longitude: document.coordinates?.longitude ?? null,
    language_levels: document.languageLevels,
    available_from: document.availableFrom,
    contract_types: document.contractTypes,
    salary_currency: document.salary?.currency ?? null,
    salary_annual_minimum: document.salary?.minimum ?? null,
    salary_annual_maximum: document.salary?.maximum ?? null,
    hidden_from_organization_ids: document.hiddenFromOrganizationIds,
    highlight_text: document.highlightText,
    card: document.card,
  };
}

/**
 * Inserts or replaces documents in one statement; a stored document with a higher revision than the one
 * given stays (a late write never undoes a newer one).
 */
export function upsertStatement(documents: readonly SearchDocument[]): Statement {
  return {
    sql: `insert into profile_search_documents (profile_id, hit_id, revision, updated_at, search_vector,
        rank_vector, document_version, skill_ids, years_of_experience, geo, language_levels, available_from,
        contract_types, salary_currency, salary_annual_minimum, salary_annual_maximum,
        hidden_from_organization_ids, highlight_text, card)
      select d.profile_id, d.hit_id, d.revision, d.updated_at, ${SEARCH_VECTOR}, ${RANK_VECTOR},
        ${SEARCH_DOCUMENT_VERSION}, d.skill_ids,
        d.years_of_experience, case when d.latitude is null then null else point(d.longitude, d.latitude) end,
        d.language_levels, d.available_from, d.contract_types, d.salary_currency,
        d.salary_annual_minimum, d.salary_annual_maximum, d.hidden_from_organization_ids, d.highlight_text, d.card
      from jsonb_to_recordset(?::jsonb) as d(profile_id uuid, hit_id uuid, revision int, updated_at timestamptz,
        headline text, skills text, aliases text, body text, skill_ids text[], years_of_experience smallint, latitude float8,
        longitude float8, language_levels text[], available_from date, contract_types text[],
        salary_currency text, salary_annual_minimum numeric, salary_annual_maximum numeric,
        hidden_from_organization_ids text[], highlight_text text, card jsonb)
      on conflict (profile_id) do update set
        hit_id = excluded.hit_id, revision = excluded.revision, updated_at = excluded.updated_at,
        search_vector = excluded.search_vector, rank_vector = excluded.rank_vector,
        document_version = excluded.document_version, skill_ids = excluded.skill_ids,
        years_of_experience = excluded.years_of_experience, geo = excluded.geo,
        language_levels = excluded.language_levels, available_from = excluded.available_from,
        contract_types = excluded.contract_types, salary_currency = excluded.salary_currency,
        salary_annual_minimum = excluded.salary_annual_minimum,
        salary_annual_maximum = excluded.salary_annual_maximum,
        hidden_from_organization_ids = excluded.hidden_from_organization_ids,
        highlight_text = excluded.highlight_text, card = excluded.card
      where profile_search_documents.revision <= excluded.revision`,
    params: [JSON.stringify(documents.map(rowOf))],
  };
}

/** The conditions of a search, shared by its page and its count. */
function conditionsOf(request: SearchRequest): Statement {
  const { filters } = request;
  const conditions: string[] = ['not (? = any(d.hidden_from_organization_ids))'];
  const params: unknown[] = [request.organizationId];
  const where = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (request.text !== null) where(`d.search_vector @@ ${SEARCH_QUERY}`, request.text, request.text);
  if (filters.skillIds.length > 0) where('d.skill_ids @> ?::text[]', textArrayLiteral(filters.skillIds));
  if (filters.minYearsOfExperience !== null)
    where('d.years_of_experience >= ?', filters.minYearsOfExperience);
  if (filters.maxYearsOfExperience !== null)
    where('d.years_of_experience <= ?', filters.maxYearsOfExperience);
  if (filters.near !== null) {
    const { latitude, longitude, radiusKm } = filters.near;
    const box = boundingBox(filters.near, radiusKm);
    if (box !== null) {
      // The GiST index of `geo` narrows to the box; the exact distance below decides within it.
      where(
        'd.geo <@ box(point(?, ?), point(?, ?))',
        box.minLongitude,
        box.minLatitude,
        box.maxLongitude,
        box.maxLatitude,
      );
    }
    where(
      `2 * ${EARTH_MEAN_RADIUS_KM} * asin(least(1, sqrt(
         power(sin(radians(d.geo[1] - ?) / 2), 2) +
         cos(radians(?)) * cos(radians(d.geo[1])) * power(sin(radians(d.geo[0] - ?) / 2), 2)))) <= ?`,
      latitude,
      latitude,
      longitude,
      radiusKm,
    );
  }
  if (filters.languages.length > 0) {
    where(
      'd.language_levels @> ?::text[]',
      textArrayLiteral(
        filters.languages.map(({ code, minimumLevel }) => languageLevelToken(code, minimumLevel)),
      ),
    );
  }
  if (filters.availableBy !== null) where('d.available_from <= ?::date', filters.availableBy);
  if (filters.contractTypes.length > 0)
    where('d.contract_types && ?::text[]', textArrayLiteral(filters.contractTypes));
  if (filters.salary !== null) {
    where('d.salary_currency = ?', filters.salary.currency);
    if (filters.salary.maximum !== null) where('d.salary_annual_minimum <= ?', filters.salary.maximum);
    if (filters.salary.minimum !== null) {
      where('(d.salary_annual_maximum is null or d.salary_annual_maximum >= ?)', filters.salary.minimum);
    }
  }
  return { sql: conditions.join('\n  and '), params };
}

/** The order of a search over the rows of `table`, ties broken by recency then profile id. */
function orderOf(request: SearchRequest, table: string): string {
  const recent = `${table}.updated_at desc, ${table}.profile_id`;
  switch (request.sort) {
    case 'RELEVANCE':
      return request.text === null ? recent : `${table}.score desc, ${recent}`;
    case 'MOST_RECENT':
      return recent;
    case 'YEARS_OF_EXPERIENCE':
      return `${table}.years_of_experience desc nulls last, ${recent}`;
    case 'AVAILABILITY':
      return `${table}.available_from asc nulls last, ${recent}`;
  }
}

/**
 * Whether the page of a search also counts the matches (a window count), rather than a count statement
 * beside it: with words, ranking reads every match anyway, so counting them in the same pass halves the
 * work; without words, the page walks an index and stops after its rows, while the count may be answered
 * by an index alone (the covering salary index).
 */
export function countedWithPage(request: SearchRequest): boolean {
  return request.text !== null;
}

/**
 * One page of a search: the matching documents in order, their score, and the headline with the matched
 * words marked — computed for the page's rows only, once they are chosen — and, when `countedWithPage`,
 * how many match in all (`total`, on every row).
 */
export function pageStatement(request: SearchRequest): Statement {
  const conditions = conditionsOf(request);
  const text = request.text;
  const [score, scoreParams] =
    text === null
      ? ['0::float4', []]
      : [`ts_rank('${RANK_WEIGHTS}', d.rank_vector, ${SEARCH_QUERY})`, [text, text]];
  const [highlight, highlightParams] =
    text === null
      ? ['null::text', []]
      : [
          `ts_headline('profiles_en', page.highlight_text, ${SEARCH_QUERY},
            'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true')`,
          [text, text],
        ];
  return {
    sql: `select page.hit_id, page.score, page.card, ${highlight} as highlight, page.total
      from (
        select d.hit_id, d.card, d.highlight_text, ${score} as score, d.updated_at, d.profile_id,
          d.years_of_experience, d.available_from,
          ${countedWithPage(request) ? 'count(*) over ()::int' : 'null::int'} as total
        from profile_search_documents d
        where ${conditions.sql}
        order by ${orderOf(request, 'd').replace('d.score', 'score')}
        limit ? offset ?
      ) as page
      order by ${orderOf(request, 'page')}`,
    params: [...highlightParams, ...scoreParams, ...conditions.params, request.limit, request.offset],
  };
}

/** How many documents match, across all pages. */
export function countStatement(request: SearchRequest): Statement {
  const conditions = conditionsOf(request);
  return {
    sql: `select count(*)::int as total from profile_search_documents d where ${conditions.sql}`,
    params: conditions.params,
  };
}
