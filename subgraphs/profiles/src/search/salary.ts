import type { PayPeriod } from '../domain/profile.ts';

/**
 * Salary expectations and recruiters' budgets are compared as yearly amounts in one currency.
 *
 * Periods are converted with French working-time conventions, so that a daily rate and a yearly salary
 * can be compared: a year is 12 months, 218 working days (the "forfait jours" of a full-time executive)
 * and 1,607 working hours (the legal yearly working time). Currencies are not converted: exchange rates
 * move every day and the platform keeps none, so a budget in EUR finds expectations in EUR only.
 */
export const PERIODS_PER_YEAR: Readonly<Record<PayPeriod, number>> = {
  YEAR: 1,
  MONTH: 12,
  DAY: 218,
  HOUR: 1_607,
};

/** The yearly amount of `amount` paid per `period`, to the cent. */
export function annualAmount(amount: number, period: PayPeriod): number {
  return Math.round(amount * PERIODS_PER_YEAR[period] * 100) / 100;
}
