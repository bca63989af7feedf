import { describe, expect, it } from 'vitest';
import {
  MAX_SALARY_AMOUNT,
  amountFromStored,
  isCurrencyCode,
  minorUnitDigits,
  salaryRangeProblems,
  storedAmount,
  type SalaryRangeInput,
} from '../src/domain/salary.ts';

const range = (overrides: Partial<SalaryRangeInput> = {}): SalaryRangeInput => ({
  minimum: 55_000,
  maximum: 70_000,
  currency: 'EUR',
  period: 'YEAR',
  ...overrides,
});

describe('salary range validation', () => {
  it('accepts a range, a fixed amount (minimum = maximum) and amounts with cents', () => {
    expect(salaryRangeProblems(range())).toEqual([]);
    expect(salaryRangeProblems(range({ minimum: 1_400, maximum: 1_400, period: 'MONTH' }))).toEqual([]);
    expect(salaryRangeProblems(range({ minimum: 11.65, maximum: 14.2, period: 'HOUR' }))).toEqual([]);
  });

  it('rejects a minimum above the maximum, on the maximum', () => {
    expect(salaryRangeProblems(range({ minimum: 70_000, maximum: 55_000 }))).toEqual([
      { field: 'maximum', message: 'The maximum must be at least the minimum' },
    ]);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a minimum of %s', (minimum) => {
    expect(salaryRangeProblems(range({ minimum }))).toEqual([
      { field: 'minimum', message: 'The minimum must be a positive amount' },
    ]);
  });

  it('reports both amounts at once, and no ordering problem on top of them', () => {
    expect(salaryRangeProblems(range({ minimum: -5, maximum: 0 })).map((problem) => problem.field)).toEqual([
      'minimum',
      'maximum',
    ]);
  });

  it('rejects amounts beyond what the columns hold exactly', () => {
    expect(salaryRangeProblems(range({ maximum: MAX_SALARY_AMOUNT }))).toEqual([]);
    expect(salaryRangeProblems(range({ maximum: MAX_SALARY_AMOUNT + 1 }))).toEqual([
      { field: 'maximum', message: `The maximum must not exceed ${MAX_SALARY_AMOUNT}` },
    ]);
  });

  it('rejects more decimals than the currency has', () => {
    expect(salaryRangeProblems(range({ minimum: 10.005, maximum: 20 }))).toEqual([
      { field: 'minimum', message: 'EUR amounts have at most 2 decimals' },
    ]);
    expect(salaryRangeProblems(range({ minimum: 5_000_000.5, maximum: 6_000_000, currency: 'JPY' }))).toEqual(
      [{ field: 'minimum', message: 'JPY amounts have at most 0 decimals' }],
    );
    expect(salaryRangeProblems(range({ minimum: 1.234, maximum: 2, currency: 'BHD' }))).toEqual([]);
  });

  it.each(['eur', 'EURO', 'E1R', '', 'ABC', 'XXX'])('rejects the currency "%s"', (currency) => {
    expect(salaryRangeProblems(range({ currency }))).toEqual([
      { field: 'currency', message: `"${currency}" is not an ISO 4217 currency code such as EUR` },
    ]);
  });
});

describe('currencies and stored amounts', () => {
  it('knows ISO 4217 codes in use', () => {
    expect(['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'XOF'].every(isCurrencyCode)).toBe(true);
  });

  it('knows how many decimals each currency has', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('BHD')).toBe(3);
  });

  it('stores exact decimal text, without binary floating-point noise', () => {
    expect(storedAmount(0.1 + 0.2, 'EUR')).toBe('0.30');
    expect(storedAmount(55_000, 'EUR')).toBe('55000.00');
    expect(storedAmount(5_000_000, 'JPY')).toBe('5000000');
    expect(amountFromStored('1234.5600')).toBe(1234.56);
    expect(amountFromStored(storedAmount(MAX_SALARY_AMOUNT - 0.01, 'EUR'))).toBe(MAX_SALARY_AMOUNT - 0.01);
  });
});
