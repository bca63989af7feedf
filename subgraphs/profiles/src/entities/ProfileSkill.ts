import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAX_YEARS_OF_EXPERIENCE, SKILL_NAME_MAX_LENGTH } from '../domain/profile.ts';
import { ProfileSchema } from './Profile.ts';

export const ProfileSkillSchema = defineEntity({
  name: 'ProfileSkill',
  tableName: 'profile_skills',
  uniques: [{ properties: ['profile', 'nameKey'] }, { properties: ['profile', 'position'] }],
  indexes: [{ properties: ['nameKey'] }],
  checks: [
    {
      name: 'profile_skills_years_of_experience_check',
      // Written as PostgreSQL prints it back, so the next migration diff does not see a change.
      expression: `(years_of_experience >= 0) AND (years_of_experience <= ${MAX_YEARS_OF_EXPERIENCE})`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    name: p.string().length(SKILL_NAME_MAX_LENGTH),
    /** `skillKey(name)` (see domain/profile.ts): what the case-insensitive filter and uniqueness compare. */
    nameKey: p.string().length(SKILL_NAME_MAX_LENGTH),
    yearsOfExperience: p.integer(),
    /** Rank the person gave the skill; their strongest come first on the profile. */
    position: p.smallint(),
  },
});

export type ProfileSkill = InferEntity<typeof ProfileSkillSchema>;
