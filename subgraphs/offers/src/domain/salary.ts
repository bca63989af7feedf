import {
  MAX_MONEY_AMOUNT as MAX_SALARY_AMOUNT,
  isCurrencyCode,
  minorUnitDigits,
  type PayPeriod,
} from '@talentgraph/vocabulary';

/** A pay range as a client writes it: amounts in the currency's major unit (euros, not cents). */
export interface SalaryRangeInput {
  readonly minimum: number;
  readonly maximum: number;
  readonly currency: string;
  readonly period: PayPeriod;
}

export interface SalaryProblem {
  readonly field: 'minimum' | 'maximum' | 'currency';
  readonly message: string;
}

/** Pay amounts follow the platform's money rules (packages/vocabulary/src/money.ts). */
export { MAX_SALARY_AMOUNT, isCurrencyCode, minorUnitDigits };
export { amountFromStored, storedAmount } from '@talentgraph/vocabulary';

/** Every problem of a pay range at once, so that a form can show them all together. */
export function salaryRangeProblems(range: SalaryRangeInput): SalaryProblem[] {
  if (!isCurrencyCode(range.currency)) {
    return [
      { field: 'currency', message: `"${range.currency}" is not an ISO 4217 currency code such as EUR` },
    ];
  }
  const digits = minorUnitDigits(range.currency);
  const problems: SalaryProblem[] = [];
  for (const field of ['minimum', 'maximum'] as const) {
    const amount = range[field];
    if (!Number.isFinite(amount) || amount <= 0) {
      problems.push({ field, message: `The ${field} must be a positive amount` });
    } else if (amount > MAX_SALARY_AMOUNT) {
      problems.push({ field, message: `The ${field} must not exceed ${MAX_SALARY_AMOUNT}` });
    } else if (Number(amount.toFixed(digits)) !== amount) {
      problems.push({
        field,
        message: `${range.currency} amounts have at most ${digits} decimal${digits === 1 ? '' : 's'}`,
      });
    }
  }
  if (problems.length === 0 && range.minimum > range.maximum) {
    problems.push({ field: 'maximum', message: 'The maximum must be at least the minimum' });
  }
  return problems;
}
