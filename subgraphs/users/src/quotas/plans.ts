/**
 * Plans and what each allows per organization. The numbers are product decisions, kept in this one
 * table so that the API, the documentation and the tests read the same values:
 *
 * | metric          | FREE  | PRO     | ENTERPRISE | counted                                   |
 * |-----------------|-------|---------|------------|-------------------------------------------|
 * | PROFILE_UNLOCKS | 10    | 200     | 2 000      | per calendar month (UTC)                  |
 * | ACTIVE_OFFERS   | 3     | 25      | 250        | at any time: publishing takes one, closing gives it back |
 * | API_CALLS       | 1 000 | 100 000 | 2 000 000  | per calendar month (UTC)                  |
 *
 * FREE lets a small team try the platform for real (a few offers, a handful of unlocked profiles); PRO
 * fits a recruiting team hiring continuously; ENTERPRISE fits IT-services firms staffing at scale.
 * ACTIVE_OFFERS is a gauge rather than a monthly counter: an offer published in January and still open
 * in February still occupies a slot, and closing it frees the slot whatever month it closes in.
 */
export const PLANS = ['FREE', 'PRO', 'ENTERPRISE'] as const;
export type Plan = (typeof PLANS)[number];

export const DEFAULT_PLAN: Plan = 'FREE';

export const QUOTA_METRICS = ['PROFILE_UNLOCKS', 'ACTIVE_OFFERS', 'API_CALLS'] as const;
export type QuotaMetric = (typeof QUOTA_METRICS)[number];

export const PLAN_LIMITS: Readonly<Record<Plan, Readonly<Record<QuotaMetric, number>>>> = {
  FREE: { PROFILE_UNLOCKS: 10, ACTIVE_OFFERS: 3, API_CALLS: 1_000 },
  PRO: { PROFILE_UNLOCKS: 200, ACTIVE_OFFERS: 25, API_CALLS: 100_000 },
  ENTERPRISE: { PROFILE_UNLOCKS: 2_000, ACTIVE_OFFERS: 250, API_CALLS: 2_000_000 },
};

/** Metrics whose units are given back when the thing they count ends (an offer closes). */
export const RELEASABLE_METRICS: readonly QuotaMetric[] = ['ACTIVE_OFFERS'];

/** The most one call may consume or release: far above any real need, low enough to catch bugs. */
export const MAX_AMOUNT_PER_CALL = 10_000;

/** Usage of gauges is kept under this period, which never resets. */
export const ONGOING_PERIOD = 'ONGOING';

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (PLANS as readonly string[]).includes(value);
}

export function isQuotaMetric(value: unknown): value is QuotaMetric {
  return typeof value === 'string' && (QUOTA_METRICS as readonly string[]).includes(value);
}

export function isMonthly(metric: QuotaMetric): boolean {
  return !RELEASABLE_METRICS.includes(metric);
}

export function limitOf(plan: Plan, metric: QuotaMetric): number {
  return PLAN_LIMITS[plan][metric];
}

/**
 * The usage row a consumption at `now` counts against: the UTC calendar month (`2026-11`) for monthly
 * metrics, the never-resetting ongoing period for gauges.
 */
export function usagePeriodOf(metric: QuotaMetric, now: Date): string {
  if (!isMonthly(metric)) return ONGOING_PERIOD;
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** When the counter of `metric` next starts again from zero; null for gauges. */
export function resetsAtOf(metric: QuotaMetric, now: Date): Date | null {
  if (!isMonthly(metric)) return null;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** A consumed or released amount: a whole number of units from 1 to MAX_AMOUNT_PER_CALL. */
export function isValidAmount(amount: unknown): amount is number {
  return Number.isSafeInteger(amount) && (amount as number) >= 1 && (amount as number) <= MAX_AMOUNT_PER_CALL;
}

export interface QuotaStatus {
  readonly metric: QuotaMetric;
  readonly limit: number;
  readonly used: number;
  /** Never negative, even when a plan downgrade left usage above the new limit. */
  readonly remaining: number;
  readonly resetsAt: Date | null;
}

export function quotaStatus(plan: Plan, metric: QuotaMetric, used: number, now: Date): QuotaStatus {
  const limit = limitOf(plan, metric);
  return { metric, limit, used, remaining: Math.max(limit - used, 0), resetsAt: resetsAtOf(metric, now) };
}
