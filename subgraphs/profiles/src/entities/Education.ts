import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EDUCATION_LEVELS } from '../domain/profile.ts';
import { ProfileSchema } from './Profile.ts';

/** A course of study of a profile: a degree, a diploma, a training. */
export const EducationSchema = defineEntity({
  name: 'Education',
  tableName: 'profile_education',
  indexes: [{ properties: ['profile'] }],
  checks: [
    { name: 'profile_education_period_check', expression: '(end_date IS NULL) OR (end_date >= start_date)' },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    institution: p.string().length(160),
    degree: p.string().length(160).nullable(),
    fieldOfStudy: p.string().length(160).nullable(),
    level: p.enum(EDUCATION_LEVELS),
    startDate: p.date(),
    /** Null while studying without a known end; may be ahead (expected graduation). */
    endDate: p.date().nullable(),
    description: p.text().nullable(),
  },
});

export type Education = InferEntity<typeof EducationSchema>;
