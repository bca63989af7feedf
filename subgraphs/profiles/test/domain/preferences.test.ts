import { describe, expect, it } from 'vitest';
import {
  validateConsultantDetails,
  validateJobPreferences,
  validateMentorDetails,
  type JobPreferencesChange,
} from '../../src/domain/preferences.ts';
import { DEFAULT_JOB_PREFERENCES } from '../../src/domain/profile-state.ts';
import type { Checked } from '../../src/domain/violations.ts';

const problemsOf = (checked: Checked<unknown>) =>
  checked.ok ? [] : checked.violations.map(({ field, code }) => `${field}:${code}`);
const preferences = (change: JobPreferencesChange) =>
  problemsOf(validateJobPreferences(change, DEFAULT_JOB_PREFERENCES));

describe('job preferences', () => {
  it('changes the given fields only', () => {
    const checked = validateJobPreferences(
      {
        desiredTitles: ['Staff engineer'],
        salaryExpectation: { minimum: 60_000, maximum: null, currency: 'EUR', period: 'YEAR' },
        willingToRelocate: true,
        relocationCountries: ['DE', 'NL'],
        hiddenFromOrganizationIds: ['00000000-0000-4000-8001-00000000000A'],
      },
      DEFAULT_JOB_PREFERENCES,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        ...DEFAULT_JOB_PREFERENCES,
        desiredTitles: ['Staff engineer'],
        salaryExpectation: { minimum: 60_000, maximum: null, currency: 'EUR', period: 'YEAR' },
        willingToRelocate: true,
        relocationCountries: ['DE', 'NL'],
        hiddenFromOrganizationIds: ['00000000-0000-4000-8001-00000000000a'],
      },
    });
  });

  it('clears the salary expectation and lists given as null', () => {
    const current = {
      ...DEFAULT_JOB_PREFERENCES,
      sectors: ['GAMING' as const],
      salaryExpectation: { minimum: 1, maximum: null, currency: 'EUR', period: 'YEAR' as const },
    };
    expect(validateJobPreferences({ salaryExpectation: null, sectors: null }, current)).toEqual({
      ok: true,
      value: { ...current, salaryExpectation: null, sectors: [] },
    });
  });

  it.each<[string, JobPreferencesChange, string[]]>([
    [
      'a minimum above the maximum',
      { salaryExpectation: { minimum: 70_000, maximum: 60_000, currency: 'EUR', period: 'YEAR' } },
      ['salaryExpectation.maximum:SALARY_RANGE_INVERTED'],
    ],
    [
      'an unknown currency',
      { salaryExpectation: { minimum: 1, currency: 'EURO', period: 'YEAR' } },
      ['salaryExpectation.currency:INVALID_CURRENCY'],
    ],
    [
      'a negative minimum',
      { salaryExpectation: { minimum: -5, currency: 'EUR', period: 'YEAR' } },
      ['salaryExpectation.minimum:INVALID_AMOUNT'],
    ],
    [
      'cents of yen',
      { salaryExpectation: { minimum: 100.5, currency: 'JPY', period: 'MONTH' } },
      ['salaryExpectation.minimum:INVALID_AMOUNT'],
    ],
    [
      'an unknown period',
      { salaryExpectation: { minimum: 1, currency: 'EUR', period: 'WEEK' } },
      ['salaryExpectation.period:INVALID_VALUE'],
    ],
    [
      'an unknown country to relocate to',
      { willingToRelocate: true, relocationCountries: ['EU'] },
      ['relocationCountries.0:INVALID_COUNTRY'],
    ],
    [
      'countries without relocation',
      { relocationCountries: ['DE'] },
      ['relocationCountries:RELOCATION_NOT_WANTED'],
    ],
    [
      'a contract type twice',
      { desiredContractTypes: ['PERMANENT', 'PERMANENT'] },
      ['desiredContractTypes.1:DUPLICATE'],
    ],
    ['an unknown sector', { sectors: ['SPACE_TOURISM'] }, ['sectors.0:INVALID_VALUE']],
    ['an unknown company size', { companySizes: ['HUGE'] }, ['companySizes.0:INVALID_VALUE']],
    [
      'a title twice, whatever the case',
      { desiredTitles: ['Data engineer', 'data ENGINEER'] },
      ['desiredTitles.1:DUPLICATE'],
    ],
    [
      'eleven titles',
      { desiredTitles: Array.from({ length: 11 }, (_, index) => `Title ${index}`) },
      ['desiredTitles:TOO_MANY'],
    ],
    ['a commute of 241 minutes', { maxCommuteMinutes: 241 }, ['maxCommuteMinutes:OUT_OF_RANGE']],
    ['a notice of 53 weeks', { noticePeriodWeeks: 53 }, ['noticePeriodWeeks:OUT_OF_RANGE']],
    ['an unknown travel willingness', { travelWillingness: 'ALWAYS' }, ['travelWillingness:INVALID_VALUE']],
    ['an unknown search status', { jobSearchStatus: 'MAYBE' }, ['jobSearchStatus:INVALID_VALUE']],
    [
      'an organization id that is no id',
      { hiddenFromOrganizationIds: ['acme'] },
      ['hiddenFromOrganizationIds.0:INVALID_ID'],
    ],
  ])('refuses %s', (_case, change, expected) => {
    expect(preferences(change)).toEqual(expected);
  });
});

describe('consultant and mentor details', () => {
  const consultant = {
    organizationId: '00000000-0000-4000-8001-000000000002',
    dailyRate: null,
    availability: null,
  };
  const mentor = {
    expertise: [],
    mentoringYears: null,
    hourlyRate: null,
    ratingAverage: 4.5,
    ratingCount: 2,
  };

  it('sets a daily rate and an availability', () => {
    expect(
      validateConsultantDetails(
        { dailyRate: { amount: 650, currency: 'EUR' }, availability: 'ON_MISSION' },
        consultant,
      ),
    ).toEqual({
      ok: true,
      value: { ...consultant, dailyRate: { amount: 650, currency: 'EUR' }, availability: 'ON_MISSION' },
    });
  });

  it('refuses a bad daily rate or availability', () => {
    expect(
      problemsOf(validateConsultantDetails({ dailyRate: { amount: 0, currency: 'EUR' } }, consultant)),
    ).toEqual(['dailyRate.amount:INVALID_AMOUNT']);
    expect(
      problemsOf(validateConsultantDetails({ dailyRate: { amount: 650, currency: 'eur' } }, consultant)),
    ).toEqual(['dailyRate.currency:INVALID_CURRENCY']);
    expect(problemsOf(validateConsultantDetails({ availability: 'BUSY' }, consultant))).toEqual([
      'availability:INVALID_VALUE',
    ]);
  });

  it("sets a mentor's expertise, years and rate, never their rating", () => {
    expect(
      validateMentorDetails(
        { expertise: ['Career switch'], mentoringYears: 3, hourlyRate: { amount: 60, currency: 'GBP' } },
        mentor,
      ),
    ).toEqual({
      ok: true,
      value: {
        ...mentor,
        expertise: ['Career switch'],
        mentoringYears: 3,
        hourlyRate: { amount: 60, currency: 'GBP' },
      },
    });
  });

  it('refuses bad mentor details', () => {
    expect(problemsOf(validateMentorDetails({ expertise: ['x'] }, mentor))).toEqual([
      'expertise.0:TOO_SHORT',
    ]);
    expect(problemsOf(validateMentorDetails({ mentoringYears: 61 }, mentor))).toEqual([
      'mentoringYears:OUT_OF_RANGE',
    ]);
    expect(
      problemsOf(validateMentorDetails({ hourlyRate: { amount: 60, currency: 'XYZ' } }, mentor)),
    ).toEqual(['hourlyRate.currency:INVALID_CURRENCY']);
  });
});
