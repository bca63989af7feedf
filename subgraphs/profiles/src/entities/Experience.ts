import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CONTRACT_TYPES } from '../domain/profile.ts';
import { ProfileSchema } from './Profile.ts';

/** A job (or mission, internship…) of a profile's career. */
export const ExperienceSchema = defineEntity({
  name: 'Experience',
  tableName: 'profile_experiences',
  indexes: [{ properties: ['profile'] }, { properties: ['skillIds'], type: 'gin' }],
  checks: [
    {
      name: 'profile_experiences_period_check',
      expression: '(end_date IS NULL) OR (end_date >= start_date)',
    },
    {
      name: 'profile_experiences_city_has_country_check',
      expression: '(city IS NULL) OR (country_code IS NOT NULL)',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    organizationName: p.string().length(160),
    title: p.string().length(160),
    contractType: p.enum(CONTRACT_TYPES).nullable(),
    city: p.string().length(120).nullable(),
    countryCode: p.string().length(2).nullable(),
    startDate: p.date(),
    /** Null while the person holds the job. */
    endDate: p.date().nullable(),
    description: p.text().nullable(),
    /** Canonical skills (@talentgraph/skills ids) used in the job. */
    skillIds: p.array().$type<string[]>().default([]),
  },
});

export type Experience = InferEntity<typeof ExperienceSchema>;
