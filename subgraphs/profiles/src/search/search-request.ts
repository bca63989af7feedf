import { createHash } from 'node:crypto';
import { CONTRACT_TYPES, PAY_PERIODS, isCurrencyCode, moneyAmountProblem } from '@talentgraph/vocabulary';
import { isCalendarDate } from '../domain/dates.ts';
import { isIso6391LanguageCode } from '../domain/language-codes.ts';
import {
  CEFR_LEVELS,
  MAX_YEARS_OF_EXPERIENCE,
  type CefrLevel,
  type ContractType,
  type PayPeriod,
} from '../domain/profile.ts';
import { accepted, refused, violation, type Checked, type Violation } from '../domain/violations.ts';
import {
  SEARCH_SORTS,
  type AnnualSalaryRange,
  type SearchFilters,
  type SearchSort,
} from './profile-search-index.ts';
import { annualAmount } from './salary.ts';

/** What a recruiter may ask, as the API receives it (nothing checked yet). */
export interface SearchInput {
  readonly query?: string | null;
  readonly filters?: {
    readonly skillIds?: readonly string[] | null;
    readonly minYearsOfExperience?: number | null;
    readonly maxYearsOfExperience?: number | null;
    readonly near?: {
      readonly latitude?: number | null;
      readonly longitude?: number | null;
      readonly radiusKm?: number | null;
    } | null;
    readonly languages?: readonly { readonly code: string; readonly minimumLevel: string }[] | null;
    readonly availableBy?: string | null;
    readonly contractTypes?: readonly string[] | null;
    readonly salary?: {
      readonly minimum?: number | null;
      readonly maximum?: number | null;
      readonly currency: string;
      readonly period: string;
    } | null;
  } | null;
  readonly sort?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A checked search, without the organization it is made for. */
export interface CheckedSearch {
  readonly text: string | null;
  readonly filters: SearchFilters;
  readonly sort: SearchSort;
  readonly offset: number;
  readonly limit: number;
  /** Identifies the search (words, filters, order), so that a cursor is used with the search it came from. */
  readonly fingerprint: string;
}

export const QUERY_MAX_LENGTH = 200;
export const MAX_SKILL_FILTERS = 20;
export const MAX_LANGUAGE_FILTERS = 10;
export const MAX_RADIUS_KM = 500;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/**
 * How deep pages go: past the first 1,000 results a recruiter refines the filters rather than reads on
 * (Elasticsearch, too, bounds how far `from` goes).
 */
export const MAX_RESULT_WINDOW = 1_000;

/** Whether a skill id is one of the taxonomy's, and its canonical form (aliases of ids resolve to one). */
export type CanonicalSkillId = (id: string) => string | null;

const isInteger = (value: number) => Number.isSafeInteger(value);
const CONTROL_CHARACTERS = /\p{Cc}/u;

function checkText(query: string | null | undefined, problems: Violation[]): string | null {
  const text = query?.trim() ?? '';
  if (text === '') return null;
  if (text.length > QUERY_MAX_LENGTH) {
    problems.push(violation('query', 'TOO_LONG', `must have at most ${QUERY_MAX_LENGTH} characters`));
  } else if (CONTROL_CHARACTERS.test(text)) {
    problems.push(violation('query', 'INVALID_CHARACTERS', 'must not contain control characters'));
  }
  return text;
}

function checkYears(value: number | null | undefined, field: string, problems: Violation[]): number | null {
  if (value == null) return null;
  if (!isInteger(value) || value < 0 || value > MAX_YEARS_OF_EXPERIENCE) {
    problems.push(
      violation(
        field,
        'OUT_OF_RANGE',
        `must be a whole number of years from 0 to ${MAX_YEARS_OF_EXPERIENCE}`,
      ),
    );
    return null;
  }
  return value;
}

function checkSkills(
  ids: readonly string[],
  canonicalSkillId: CanonicalSkillId,
  problems: Violation[],
): string[] {
  if (ids.length > MAX_SKILL_FILTERS) {
    problems.push(violation('filters.skillIds', 'TOO_MANY', `at most ${MAX_SKILL_FILTERS} skills`));
    return [];
  }
  const canonical: string[] = [];
  ids.forEach((id, index) => {
    const skillId = canonicalSkillId(id);
    if (skillId === null) {
      problems.push(
        violation(
          `filters.skillIds.${index}`,
          'UNKNOWN_SKILL',
          `"${id}" is not a skill id of the taxonomy (the skills query finds ids by name)`,
        ),
      );
    } else if (!canonical.includes(skillId)) canonical.push(skillId);
  });
  return canonical;
}

type Near = SearchFilters['near'];

function checkNear(near: NonNullable<SearchInput['filters']>['near'], problems: Violation[]): Near {
  if (near == null) return null;
  const { latitude, longitude, radiusKm } = near;
  const before = problems.length;
  if (latitude == null || longitude == null) {
    problems.push(
      violation(
        'filters.near',
        'COORDINATES_REQUIRED',
        'a radius needs the latitude and longitude of its centre',
      ),
    );
  } else {
    if (!Number.isFinite(latitude) || Math.abs(latitude) > 90) {
      problems.push(violation('filters.near.latitude', 'OUT_OF_RANGE', 'must be from -90 to 90'));
    }
    if (!Number.isFinite(longitude) || Math.abs(longitude) > 180) {
      problems.push(violation('filters.near.longitude', 'OUT_OF_RANGE', 'must be from -180 to 180'));
    }
  }
  if (radiusKm == null || !Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) {
    problems.push(
      violation(
        'filters.near.radiusKm',
        'OUT_OF_RANGE',
        `must be more than 0 and at most ${MAX_RADIUS_KM} km`,
      ),
    );
  }
  return problems.length === before
    ? { latitude: latitude!, longitude: longitude!, radiusKm: radiusKm! }
    : null;
}

function checkLanguages(
  languages: NonNullable<NonNullable<SearchInput['filters']>['languages']>,
  problems: Violation[],
): SearchFilters['languages'] {
  if (languages.length > MAX_LANGUAGE_FILTERS) {
    problems.push(violation('filters.languages', 'TOO_MANY', `at most ${MAX_LANGUAGE_FILTERS} languages`));
    return [];
  }
  const checked: { code: string; minimumLevel: CefrLevel }[] = [];
  languages.forEach(({ code, minimumLevel }, index) => {
    const field = `filters.languages.${index}`;
    if (!isIso6391LanguageCode(code)) {
      problems.push(
        violation(`${field}.code`, 'INVALID_LANGUAGE', `"${code}" is not an ISO 639-1 code in lower case`),
      );
    } else if (checked.some((language) => language.code === code)) {
      problems.push(violation(`${field}.code`, 'DUPLICATE', `"${code}" is asked twice`));
    }
    if (!(CEFR_LEVELS as readonly string[]).includes(minimumLevel)) {
      problems.push(
        violation(`${field}.minimumLevel`, 'INVALID_CEFR_LEVEL', `must be one of ${CEFR_LEVELS.join(', ')}`),
      );
    } else checked.push({ code, minimumLevel: minimumLevel as CefrLevel });
  });
  return checked;
}

function checkContractTypes(types: readonly string[], problems: Violation[]): ContractType[] {
  const checked: ContractType[] = [];
  types.forEach((type, index) => {
    if (!(CONTRACT_TYPES as readonly string[]).includes(type)) {
      problems.push(
        violation(
          `filters.contractTypes.${index}`,
          'INVALID_VALUE',
          `must be one of ${CONTRACT_TYPES.join(', ')}`,
        ),
      );
    } else if (!checked.includes(type as ContractType)) checked.push(type as ContractType);
  });
  return checked;
}

function checkSalary(
  salary: NonNullable<SearchInput['filters']>['salary'],
  problems: Violation[],
): AnnualSalaryRange | null {
  if (salary == null) return null;
  const before = problems.length;
  const field = 'filters.salary';
  if (!isCurrencyCode(salary.currency)) {
    problems.push(violation(`${field}.currency`, 'INVALID_CURRENCY', 'must be an ISO 4217 currency code'));
  }
  if (!(PAY_PERIODS as readonly string[]).includes(salary.period)) {
    problems.push(violation(`${field}.period`, 'INVALID_VALUE', `must be one of ${PAY_PERIODS.join(', ')}`));
  }
  const minimum = salary.minimum ?? null;
  const maximum = salary.maximum ?? null;
  if (minimum === null && maximum === null) {
    problems.push(violation(field, 'REQUIRED', 'give a minimum, a maximum or both'));
  }
  for (const [name, amount] of [
    ['minimum', minimum],
    ['maximum', maximum],
  ] as const) {
    const problem =
      amount === null || problems.length > before ? null : moneyAmountProblem(amount, salary.currency);
    if (problem) problems.push(violation(`${field}.${name}`, 'INVALID_AMOUNT', problem));
  }
  if (minimum !== null && maximum !== null && maximum < minimum) {
    problems.push(violation(`${field}.maximum`, 'SALARY_RANGE_INVERTED', 'must not be below the minimum'));
  }
  if (problems.length > before) return null;
  const period = salary.period as PayPeriod;
  return {
    currency: salary.currency,
    minimum: minimum === null ? null : annualAmount(minimum, period),
    maximum: maximum === null ? null : annualAmount(maximum, period),
  };
}

function checkFilters(
  filters: SearchInput['filters'],
  canonicalSkillId: CanonicalSkillId,
  problems: Violation[],
): SearchFilters {
  const minYears = checkYears(filters?.minYearsOfExperience, 'filters.minYearsOfExperience', problems);
  const maxYears = checkYears(filters?.maxYearsOfExperience, 'filters.maxYearsOfExperience', problems);
  if (minYears !== null && maxYears !== null && maxYears < minYears) {
    problems.push(
      violation('filters.maxYearsOfExperience', 'OUT_OF_RANGE', 'must not be below minYearsOfExperience'),
    );
  }
  const availableBy = filters?.availableBy ?? null;
  if (availableBy !== null && !isCalendarDate(availableBy)) {
    problems.push(
      violation('filters.availableBy', 'INVALID_DATE', `"${availableBy}" is not a date YYYY-MM-DD`),
    );
  }
  return {
    skillIds: checkSkills(filters?.skillIds ?? [], canonicalSkillId, problems),
    minYearsOfExperience: minYears,
    maxYearsOfExperience: maxYears,
    near: checkNear(filters?.near, problems),
    languages: checkLanguages(filters?.languages ?? [], problems),
    availableBy,
    contractTypes: checkContractTypes(filters?.contractTypes ?? [], problems),
    salary: checkSalary(filters?.salary, problems),
  };
}

function checkSort(sort: string | null | undefined, problems: Violation[]): SearchSort {
  if (sort == null) return 'RELEVANCE';
  if ((SEARCH_SORTS as readonly string[]).includes(sort)) return sort as SearchSort;
  problems.push(violation('sort', 'INVALID_VALUE', `must be one of ${SEARCH_SORTS.join(', ')}`));
  return 'RELEVANCE';
}

function fingerprintOf(search: Pick<CheckedSearch, 'text' | 'filters' | 'sort'>): string {
  return createHash('sha256').update(JSON.stringify(search)).digest('base64url').slice(0, 16);
}

/** The cursor of the hit at `offset` (0-based) of a search: where the next page starts after it. */
export function cursorAt(fingerprint: string, offset: number): string {
  return Buffer.from(JSON.stringify({ search: fingerprint, after: offset })).toString('base64url');
}

function offsetAfter(cursor: string, fingerprint: string, problems: Violation[]): number {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const { search, after } = (decoded ?? {}) as { search?: unknown; after?: unknown };
  if (typeof search !== 'string' || typeof after !== 'number' || !isInteger(after) || after < 0) {
    problems.push(violation('after', 'INVALID_CURSOR', 'is not a cursor returned by searchProfiles'));
    return 0;
  }
  if (search !== fingerprint) {
    problems.push(
      violation('after', 'INVALID_CURSOR', 'belongs to another search: keep the words, filters and order'),
    );
    return 0;
  }
  if (after + 1 >= MAX_RESULT_WINDOW) {
    problems.push(
      violation('after', 'OUT_OF_RANGE', `searches go ${MAX_RESULT_WINDOW} results deep: refine the filters`),
    );
    return 0;
  }
  return after + 1;
}

/**
 * Checks a recruiter's search, reporting every problem at once with the path of its field (`query`,
 * `filters.near.radiusKm`, `filters.skillIds.2`, `first`, `after`).
 */
export function checkSearch(input: SearchInput, canonicalSkillId: CanonicalSkillId): Checked<CheckedSearch> {
  const problems: Violation[] = [];
  const text = checkText(input.query, problems);
  const filters = checkFilters(input.filters, canonicalSkillId, problems);
  const sort = checkSort(input.sort, problems);
  const limit = input.first ?? DEFAULT_PAGE_SIZE;
  if (!isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    problems.push(violation('first', 'OUT_OF_RANGE', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`));
  }
  const fingerprint = fingerprintOf({ text, filters, sort });
  const offset = input.after == null ? 0 : offsetAfter(input.after, fingerprint, problems);
  if (problems.length > 0) return refused(problems);
  return accepted({
    text,
    filters,
    sort,
    offset,
    limit: Math.min(limit, MAX_RESULT_WINDOW - offset),
    fingerprint,
  });
}
