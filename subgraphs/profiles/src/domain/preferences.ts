import { isCountryCode, isCurrencyCode, moneyAmountProblem, PAY_PERIODS } from '@talentgraph/vocabulary';
import { distinctList, isProblem, lineText, oneOf, wholeNumber, type FieldResult } from './fields.ts';
import {
  COMPANY_SIZES,
  CONSULTANT_AVAILABILITIES,
  CONTRACT_TYPES,
  JOB_SEARCH_STATUSES,
  MAX_YEARS_OF_EXPERIENCE,
  SECTORS,
  TRAVEL_WILLINGNESS,
} from './profile.ts';
import type {
  ConsultantState,
  JobPreferencesState,
  MentorState,
  MoneyState,
  SalaryExpectationState,
} from './profile-state.ts';
import { accepted, refused, violation, type Checked, type Violation } from './violations.ts';

/** What a person looks for (job preferences), and what consultants and mentors charge. */

export const DESIRED_TITLE_MAX_LENGTH = 120;
export const MAX_DESIRED_TITLES = 10;
export const MAX_COUNTRIES = 30;
export const MAX_HIDDEN_ORGANIZATIONS = 20;
export const MAX_COMMUTE_MINUTES = 240;
export const MAX_NOTICE_PERIOD_WEEKS = 52;
export const EXPERTISE_MAX_LENGTH = 80;
export const MAX_EXPERTISE_AREAS = 10;

export interface MoneyInput {
  readonly amount: number;
  readonly currency: string;
}

export interface SalaryExpectationInput {
  readonly minimum: number;
  readonly maximum?: number | null;
  readonly currency: string;
  readonly period: string;
}

/** A change to job preferences: an omitted field keeps its value; null clears a nullable one. */
export interface JobPreferencesChange {
  readonly desiredTitles?: readonly string[] | null;
  readonly desiredContractTypes?: readonly string[] | null;
  readonly salaryExpectation?: SalaryExpectationInput | null;
  readonly sectors?: readonly string[] | null;
  readonly companySizes?: readonly string[] | null;
  readonly willingToRelocate?: boolean | null;
  readonly relocationCountries?: readonly string[] | null;
  readonly maxCommuteMinutes?: number | null;
  readonly travelWillingness?: string | null;
  readonly noticePeriodWeeks?: number | null;
  readonly workAuthorizations?: readonly string[] | null;
  readonly jobSearchStatus?: string | null;
  readonly discoverable?: boolean | null;
  readonly hiddenFromOrganizationIds?: readonly string[] | null;
}

export interface ConsultantChange {
  readonly dailyRate?: MoneyInput | null;
  readonly availability?: string | null;
}

export interface MentorChange {
  readonly expertise?: readonly string[] | null;
  readonly mentoringYears?: number | null;
  readonly hourlyRate?: MoneyInput | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function countryCode(field: string, code: string): FieldResult<string> {
  return isCountryCode(code)
    ? { value: code }
    : {
        problem: violation(
          field,
          'INVALID_COUNTRY',
          `"${code}" is not an ISO 3166-1 country code such as FR`,
        ),
      };
}

/** An amount of money in a known currency, with no more decimals than the currency has. */
export function moneyProblems(field: string, money: MoneyInput): Violation[] {
  if (!isCurrencyCode(money.currency)) {
    return [
      violation(
        `${field}.currency`,
        'INVALID_CURRENCY',
        `"${money.currency}" is not an ISO 4217 currency code such as EUR`,
      ),
    ];
  }
  const problem = moneyAmountProblem(money.amount, money.currency);
  return problem ? [violation(`${field}.amount`, 'INVALID_AMOUNT', problem)] : [];
}

export function salaryExpectationProblems(field: string, salary: SalaryExpectationInput): Violation[] {
  const problems: Violation[] = [];
  const period = oneOf(`${field}.period`, salary.period, PAY_PERIODS);
  if (isProblem(period)) problems.push(period.problem);
  if (!isCurrencyCode(salary.currency)) {
    problems.push(
      violation(
        `${field}.currency`,
        'INVALID_CURRENCY',
        `"${salary.currency}" is not an ISO 4217 currency code such as EUR`,
      ),
    );
    return problems;
  }
  const minimumProblem = moneyAmountProblem(salary.minimum, salary.currency);
  if (minimumProblem) problems.push(violation(`${field}.minimum`, 'INVALID_AMOUNT', minimumProblem));
  const maximum = salary.maximum ?? null;
  if (maximum !== null) {
    const maximumProblem = moneyAmountProblem(maximum, salary.currency);
    if (maximumProblem) problems.push(violation(`${field}.maximum`, 'INVALID_AMOUNT', maximumProblem));
    else if (minimumProblem === null && maximum < salary.minimum) {
      problems.push(violation(`${field}.maximum`, 'SALARY_RANGE_INVERTED', 'must be at least the minimum'));
    }
  }
  return problems;
}

/** Checks a list field of a change and stores it in `next` when acceptable. */
function listChange<Value>(
  raw: readonly string[] | null | undefined,
  field: string,
  max: number,
  item: (itemField: string, value: string) => FieldResult<Value>,
  problems: Violation[],
  apply: (values: Value[]) => void,
  keyOf?: (value: Value) => string,
): void {
  if (raw === undefined) return;
  const checked = distinctList(field, raw ?? [], max, item, keyOf);
  problems.push(...checked.problems);
  if (checked.problems.length === 0) apply(checked.values);
}

export function validateJobPreferences(
  change: JobPreferencesChange,
  current: JobPreferencesState,
): Checked<JobPreferencesState> {
  const problems: Violation[] = [];
  const next: { -readonly [Key in keyof JobPreferencesState]: JobPreferencesState[Key] } = { ...current };
  listChange(
    change.desiredTitles,
    'desiredTitles',
    MAX_DESIRED_TITLES,
    (field, title) => lineText(field, title, { min: 2, max: DESIRED_TITLE_MAX_LENGTH }),
    problems,
    (titles) => (next.desiredTitles = titles),
    (title) => title.toLocaleLowerCase('en'),
  );
  listChange(
    change.desiredContractTypes,
    'desiredContractTypes',
    CONTRACT_TYPES.length,
    (field, type) => oneOf(field, type, CONTRACT_TYPES),
    problems,
    (types) => (next.desiredContractTypes = types),
  );
  listChange(
    change.sectors,
    'sectors',
    SECTORS.length,
    (field, sector) => oneOf(field, sector, SECTORS),
    problems,
    (sectors) => (next.sectors = sectors),
  );
  listChange(
    change.companySizes,
    'companySizes',
    COMPANY_SIZES.length,
    (field, size) => oneOf(field, size, COMPANY_SIZES),
    problems,
    (sizes) => (next.companySizes = sizes),
  );
  listChange(
    change.relocationCountries,
    'relocationCountries',
    MAX_COUNTRIES,
    countryCode,
    problems,
    (codes) => (next.relocationCountries = codes),
  );
  listChange(
    change.workAuthorizations,
    'workAuthorizations',
    MAX_COUNTRIES,
    countryCode,
    problems,
    (codes) => (next.workAuthorizations = codes),
  );
  listChange(
    change.hiddenFromOrganizationIds,
    'hiddenFromOrganizationIds',
    MAX_HIDDEN_ORGANIZATIONS,
    (field, id): FieldResult<string> =>
      UUID.test(id)
        ? { value: id.toLowerCase() }
        : { problem: violation(field, 'INVALID_ID', `"${id}" is not an organization id`) },
    problems,
    (ids) => (next.hiddenFromOrganizationIds = ids),
  );
  if (change.salaryExpectation !== undefined) {
    const salary = change.salaryExpectation;
    if (salary === null) next.salaryExpectation = null;
    else {
      const salaryProblems = salaryExpectationProblems('salaryExpectation', salary);
      problems.push(...salaryProblems);
      if (salaryProblems.length === 0) {
        next.salaryExpectation = {
          minimum: salary.minimum,
          maximum: salary.maximum ?? null,
          currency: salary.currency,
          period: salary.period as SalaryExpectationState['period'],
        };
      }
    }
  }
  if (change.willingToRelocate != null) next.willingToRelocate = change.willingToRelocate;
  if (change.discoverable != null) next.discoverable = change.discoverable;
  if (change.maxCommuteMinutes !== undefined) {
    if (change.maxCommuteMinutes === null) next.maxCommuteMinutes = null;
    else {
      const minutes = wholeNumber('maxCommuteMinutes', change.maxCommuteMinutes, 0, MAX_COMMUTE_MINUTES);
      if (isProblem(minutes)) problems.push(minutes.problem);
      else next.maxCommuteMinutes = minutes.value;
    }
  }
  if (change.noticePeriodWeeks !== undefined) {
    if (change.noticePeriodWeeks === null) next.noticePeriodWeeks = null;
    else {
      const weeks = wholeNumber('noticePeriodWeeks', change.noticePeriodWeeks, 0, MAX_NOTICE_PERIOD_WEEKS);
      if (isProblem(weeks)) problems.push(weeks.problem);
      else next.noticePeriodWeeks = weeks.value;
    }
  }
  if (change.travelWillingness !== undefined) {
    if (change.travelWillingness === null) next.travelWillingness = null;
    else {
      const travel = oneOf('travelWillingness', change.travelWillingness, TRAVEL_WILLINGNESS);
      if (isProblem(travel)) problems.push(travel.problem);
      else next.travelWillingness = travel.value;
    }
  }
  if (change.jobSearchStatus != null) {
    const status = oneOf('jobSearchStatus', change.jobSearchStatus, JOB_SEARCH_STATUSES);
    if (isProblem(status)) problems.push(status.problem);
    else next.jobSearchStatus = status.value;
  }
  if (problems.length === 0 && !next.willingToRelocate && next.relocationCountries.length > 0) {
    problems.push(
      violation(
        'relocationCountries',
        'RELOCATION_NOT_WANTED',
        'countries to relocate to are listed only when willingToRelocate is true',
      ),
    );
  }
  return problems.length > 0 ? refused(problems) : accepted(next);
}

function moneyChange(
  field: string,
  raw: MoneyInput | null | undefined,
  problems: Violation[],
): MoneyState | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const found = moneyProblems(field, raw);
  problems.push(...found);
  return found.length > 0 ? undefined : { amount: raw.amount, currency: raw.currency };
}

export function validateConsultantDetails(
  change: ConsultantChange,
  current: ConsultantState,
): Checked<ConsultantState> {
  const problems: Violation[] = [];
  const dailyRate = moneyChange('dailyRate', change.dailyRate, problems);
  let availability = current.availability;
  if (change.availability !== undefined) {
    if (change.availability === null) availability = null;
    else {
      const checked = oneOf('availability', change.availability, CONSULTANT_AVAILABILITIES);
      if (isProblem(checked)) problems.push(checked.problem);
      else availability = checked.value;
    }
  }
  if (problems.length > 0) return refused(problems);
  return accepted({
    ...current,
    dailyRate: dailyRate === undefined ? current.dailyRate : dailyRate,
    availability,
  });
}

export function validateMentorDetails(change: MentorChange, current: MentorState): Checked<MentorState> {
  const problems: Violation[] = [];
  const hourlyRate = moneyChange('hourlyRate', change.hourlyRate, problems);
  let expertise = current.expertise;
  if (change.expertise !== undefined) {
    const checked = distinctList(
      'expertise',
      change.expertise ?? [],
      MAX_EXPERTISE_AREAS,
      (field, area) => lineText(field, area, { min: 2, max: EXPERTISE_MAX_LENGTH }),
      (area) => area.toLocaleLowerCase('en'),
    );
    problems.push(...checked.problems);
    expertise = checked.values;
  }
  let mentoringYears = current.mentoringYears;
  if (change.mentoringYears !== undefined) {
    if (change.mentoringYears === null) mentoringYears = null;
    else {
      const checked = wholeNumber('mentoringYears', change.mentoringYears, 0, MAX_YEARS_OF_EXPERIENCE);
      if (isProblem(checked)) problems.push(checked.problem);
      else mentoringYears = checked.value;
    }
  }
  if (problems.length > 0) return refused(problems);
  return accepted({
    ...current,
    expertise,
    mentoringYears,
    hourlyRate: hourlyRate === undefined ? current.hourlyRate : hourlyRate,
  });
}
