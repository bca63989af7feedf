import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@talentgraph/platform';
import {
  PLANS,
  PLAN_LIMITS,
  QUOTA_METRICS,
  isPlan,
  quotaStatus,
  usagePeriodOf,
  type Plan,
  type QuotaMetric,
  type QuotaStatus,
} from './plans.ts';

export type ConsumeOutcome =
  | { readonly outcome: 'CONSUMED'; readonly status: QuotaStatus }
  | { readonly outcome: 'QUOTA_EXCEEDED'; readonly status: QuotaStatus }
  | { readonly outcome: 'ORGANIZATION_NOT_FOUND' };

export type ReleaseOutcome =
  | { readonly outcome: 'RELEASED'; readonly released: number; readonly status: QuotaStatus }
  | { readonly outcome: 'ORGANIZATION_NOT_FOUND' };

/** `case plan when 'FREE' then ? …`: the limit of `metric` for the organization's plan, computed in SQL. */
function limitCase(metric: QuotaMetric): { sql: string; params: number[] } {
  return {
    sql: `case o.plan ${PLANS.map((plan) => `when '${plan}' then ?::int`).join(' ')} end`,
    params: PLANS.map((plan) => PLAN_LIMITS[plan][metric]),
  };
}

function run<Row>(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(sql, params, 'all', em.getTransactionContext());
}

/**
 * Takes `amount` units of `metric` for the organization, or nothing at all: one SQL statement reads the
 * plan's limit and inserts or increments the period's usage only while `used + amount <= limit`.
 * PostgreSQL's INSERT … ON CONFLICT DO UPDATE locks the usage row and evaluates the WHERE clause on its
 * latest version, so concurrent calls queue on that row and none can push usage past the limit, whatever
 * the interleaving; the first call of a period inserts the row, a concurrent one falls to the update.
 */
export async function consumeQuota(
  em: EntityManager,
  request: { readonly organizationId: string; readonly metric: QuotaMetric; readonly amount: number },
  now: Date,
): Promise<ConsumeOutcome> {
  const period = usagePeriodOf(request.metric, now);
  const limit = limitCase(request.metric);
  const rows = await run<{ used: number; plan: Plan }>(
    em,
    `with plan_limit as (
       select o.plan, ${limit.sql} as quota from organizations o where o.id = ?
     )
     insert into quota_usages (id, organization_id, metric, period, used, updated_at)
     select ?::uuid, ?::uuid, ?, ?, ?::int, ?::timestamptz from plan_limit where ?::int <= plan_limit.quota
     on conflict (organization_id, metric, period) do update
       set used = quota_usages.used + excluded.used, updated_at = excluded.updated_at
       where quota_usages.used + excluded.used <= (select quota from plan_limit)
     returning used, (select plan from plan_limit) as plan`,
    [
      ...limit.params,
      request.organizationId,
      randomUUID(),
      request.organizationId,
      request.metric,
      period,
      request.amount,
      now,
      request.amount,
    ],
  );
  const consumed = rows[0];
  if (consumed) {
    return { outcome: 'CONSUMED', status: quotaStatus(consumed.plan, request.metric, consumed.used, now) };
  }
  // Refused: read where things stand, for the caller's message (the decision itself is already taken).
  const [current] = await quotaStatuses(em, [request.organizationId], now);
  const status = current?.find((entry) => entry.metric === request.metric);
  return status ? { outcome: 'QUOTA_EXCEEDED', status } : { outcome: 'ORGANIZATION_NOT_FOUND' };
}

/**
 * Gives back `amount` units of a gauge (an offer closed). Usage never goes below zero: releasing more
 * than is used (a close reported twice) releases only what is used, and says how much that was.
 */
export async function releaseQuota(
  em: EntityManager,
  request: { readonly organizationId: string; readonly metric: QuotaMetric; readonly amount: number },
  now: Date,
): Promise<ReleaseOutcome> {
  const period = usagePeriodOf(request.metric, now);
  const rows = await run<{ before: number; after: number }>(
    em,
    `with previous as (
       select id, used from quota_usages
       where organization_id = ? and metric = ? and period = ?
       for update
     )
     update quota_usages as usage
       set used = greatest(previous.used - ?::int, 0), updated_at = ?
       from previous where usage.id = previous.id
     returning previous.used as before, usage.used as after`,
    [request.organizationId, request.metric, period, request.amount, now],
  );
  const [current] = await quotaStatuses(em, [request.organizationId], now);
  const status = current?.find((entry) => entry.metric === request.metric);
  if (!status) return { outcome: 'ORGANIZATION_NOT_FOUND' };
  const released = rows[0] ? rows[0].before - rows[0].after : 0;
  return { outcome: 'RELEASED', released, status };
}

/**
 * Where each organization stands on every metric of its plan right now, in one query for all of them;
 * null for an unknown organization.
 */
export async function quotaStatuses(
  em: EntityManager,
  organizationIds: readonly string[],
  now: Date,
): Promise<(QuotaStatus[] | null)[]> {
  if (organizationIds.length === 0) return [];
  const periods = [...new Set(QUOTA_METRICS.map((metric) => usagePeriodOf(metric, now)))];
  const rows = await run<{
    id: string;
    plan: string;
    metric: string | null;
    period: string | null;
    used: number | null;
  }>(
    em,
    `select o.id, o.plan, u.metric, u.period, u.used
     from organizations o
     left join quota_usages u on u.organization_id = o.id and u.period in (${periods.map(() => '?').join(', ')})
     where o.id in (${organizationIds.map(() => '?').join(', ')})`,
    [...periods, ...organizationIds],
  );
  return organizationIds.map((organizationId) => {
    const own = rows.filter((row) => row.id === organizationId);
    const plan = own[0]?.plan;
    if (!isPlan(plan)) return null;
    return QUOTA_METRICS.map((metric) => {
      const period = usagePeriodOf(metric, now);
      const usage = own.find((row) => row.metric === metric && row.period === period);
      return quotaStatus(plan, metric, usage?.used ?? 0, now);
    });
  });
}
