import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  CONTRACT_TYPES,
  OFFER_KINDS,
  OFFER_STATUSES,
  PAY_PERIODS,
  REMOTE_POLICIES,
} from '../domain/offer.ts';
import { skillKeysOf } from '../domain/skills.ts';

const skillKeysOfOffer = (offer: { requiredSkills: string[]; niceToHaveSkills: string[] }) =>
  skillKeysOf(offer.requiredSkills, offer.niceToHaveSkills);

export const OfferSchema = defineEntity({
  name: 'Offer',
  tableName: 'offers',
  indexes: [
    // Both listings (one organization's offers, the public catalogue) filter then read newest first.
    {
      properties: ['organizationId', 'publishedAt', 'id'],
      columns: [{ name: 'organizationId' }, { name: 'publishedAt', sort: 'desc' }, { name: 'id' }],
    },
    {
      properties: ['status', 'publishedAt', 'id'],
      columns: [{ name: 'status' }, { name: 'publishedAt', sort: 'desc' }, { name: 'id' }],
    },
    { properties: ['skillKeys'], type: 'gin' },
  ],
  checks: [
    {
      name: 'offers_published_has_date_check',
      expression: (columns) => `${columns.status} = 'DRAFT' or ${columns.publishedAt} is not null`,
    },
    {
      name: 'offers_scholarship_without_contract_check',
      expression: (columns) => `(${columns.kind} = 'SCHOLARSHIP') = (${columns.contractType} is null)`,
    },
    {
      name: 'offers_city_has_country_check',
      expression: (columns) => `${columns.city} is null or ${columns.countryCode} is not null`,
    },
    {
      name: 'offers_experience_not_negative_check',
      expression: (columns) => `${columns.minYearsOfExperience} >= 0`,
    },
    {
      name: 'offers_salary_range_check',
      // Written as PostgreSQL prints it back, so that generating migrations sees no false difference.
      expression: (columns) =>
        `((${columns.salaryMinimum} IS NULL) AND (${columns.salaryMaximum} IS NULL) AND (${columns.salaryCurrency} IS NULL) AND (${columns.salaryPeriod} IS NULL))` +
        ` OR ((${columns.salaryMinimum} > (0)::numeric) AND (${columns.salaryMaximum} >= ${columns.salaryMinimum}) AND (${columns.salaryCurrency} ~ '^[A-Z]{3}$'::text) AND (${columns.salaryPeriod} IS NOT NULL))`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** Id of an Organization of the users subgraph: another database, so no foreign key. */
    organizationId: p.uuid(),
    /** Id of the recruiter's User in the users subgraph; null once that account is erased. */
    authorId: p.uuid().nullable(),
    kind: p.enum(OFFER_KINDS),
    title: p.string().length(200),
    description: p.text(),
    contractType: p.enum(CONTRACT_TYPES).nullable(),
    city: p.string().length(120).nullable(),
    countryCode: p.string().length(2).nullable(),
    remotePolicy: p.enum(REMOTE_POLICIES),
    /** Exact decimals in the currency's major unit; domain/salary.ts explains why not floats or cents. */
    salaryMinimum: p.decimal('string').precision(14).scale(4).nullable(),
    salaryMaximum: p.decimal('string').precision(14).scale(4).nullable(),
    salaryCurrency: p.string().length(3).nullable(),
    salaryPeriod: p.enum(PAY_PERIODS).nullable(),
    requiredSkills: p.array().$type<string[]>(),
    niceToHaveSkills: p.array().$type<string[]>(),
    /** Lower-cased union of both skill lists, kept in step on every write, for the indexed skill filter. */
    skillKeys: p.array().$type<string[]>().onCreate(skillKeysOfOffer).onUpdate(skillKeysOfOffer),
    minYearsOfExperience: p.integer(),
    status: p.enum(OFFER_STATUSES),
    publishedAt: p.datetime().nullable(),
    expiresAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Offer = InferEntity<typeof OfferSchema>;
