import type { PayPeriod } from './offer.ts';

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

/**
 * Largest accepted amount: ten digits before the decimal point fit the `numeric(14, 4)` columns and
 * stay exact in a JavaScript number, even for currencies with small units (10^10 IDR ≈ 600,000 EUR).
 */
export const MAX_SALARY_AMOUNT = 9_999_999_999;

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 code in use: three capital letters that the runtime's currency data knows. */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

/** Decimals the currency's smallest unit allows: 2 for EUR (cents), 0 for JPY, 3 for BHD. */
export function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

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

/**
 * The exact decimal text stored for a validated amount. Amounts are stored as `numeric`, never as
 * floating point, so that sums and comparisons in SQL carry no binary rounding error (0.1 + 0.2 is
 * 0.3). They are not stored as integer minor units because a currency's number of decimals comes from
 * the runtime's currency data, which may change with an update; a scaled integer would then be silently
 * read ten or a hundred times off, whereas a decimal means the same amount whatever the data says.
 */
export function storedAmount(amount: number, currency: string): string {
  return amount.toFixed(minorUnitDigits(currency));
}

/** The amount shown to clients (GraphQL `Float`) from its stored decimal text. */
export function amountFromStored(stored: string): number {
  return Number(stored);
}
