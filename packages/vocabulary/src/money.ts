/**
 * Amounts of money as every subgraph validates and stores them: an ISO 4217 currency, an amount in the
 * currency's major unit (euros, not cents) with no more decimals than the currency has.
 */

/** Time units a pay is given for: a yearly salary, a monthly one, a daily or an hourly rate. */
export const PAY_PERIODS = ['YEAR', 'MONTH', 'DAY', 'HOUR'] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];

/**
 * Largest accepted amount: ten digits before the decimal point fit `numeric(14, 4)` columns and stay
 * exact in a JavaScript number, even for currencies with small units (10^10 IDR ≈ 600,000 EUR).
 */
export const MAX_MONEY_AMOUNT = 9_999_999_999;

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

/**
 * What is wrong with `amount` in `currency` (a known currency), or null when it is a positive amount
 * within bounds with no more decimals than the currency has.
 */
export function moneyAmountProblem(amount: number, currency: string): string | null {
  if (!Number.isFinite(amount) || amount <= 0) return 'must be a positive amount';
  if (amount > MAX_MONEY_AMOUNT) return `must not exceed ${MAX_MONEY_AMOUNT}`;
  const digits = minorUnitDigits(currency);
  if (Number(amount.toFixed(digits)) !== amount) {
    return `${currency} amounts have at most ${digits} decimal${digits === 1 ? '' : 's'}`;
  }
  return null;
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
