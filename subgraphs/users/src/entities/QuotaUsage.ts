import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { QUOTA_METRICS } from '../quotas/plans.ts';
import { OrganizationSchema } from './Organization.ts';

/**
 * How much of one metric an organization used in one period (`2026-11`, or `ONGOING` for gauges).
 * Written only by the single-statement upserts of quotas/quota-store.ts, which keep `used` within the
 * plan's limit under concurrency; the check constraint is the last line of defence against going below zero.
 */
export const QuotaUsageSchema = defineEntity({
  name: 'QuotaUsage',
  tableName: 'quota_usages',
  uniques: [{ properties: ['organization', 'metric', 'period'] }],
  checks: [{ name: 'quota_usages_used_check', expression: 'used >= 0' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    organization: () => p.manyToOne(OrganizationSchema).deleteRule('cascade'),
    metric: p.enum(QUOTA_METRICS),
    period: p.string().length(7),
    used: p.integer(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type QuotaUsage = InferEntity<typeof QuotaUsageSchema>;
