import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ORGANIZATION_KINDS } from '../domain/organization.ts';
import { DEFAULT_PLAN, PLANS } from '../quotas/plans.ts';

export const OrganizationSchema = defineEntity({
  name: 'Organization',
  tableName: 'organizations',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    name: p.string().length(160),
    slug: p.string().length(80).unique(),
    kind: p.enum(ORGANIZATION_KINDS).index(),
    description: p.text().nullable(),
    website: p.text().nullable(),
    city: p.string().length(120).nullable(),
    countryCode: p.string().length(2).nullable(),
    /** What the organization pays for; sets its monthly quotas (quotas/plans.ts). */
    plan: p.enum(PLANS).default(DEFAULT_PLAN),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Organization = InferEntity<typeof OrganizationSchema>;
