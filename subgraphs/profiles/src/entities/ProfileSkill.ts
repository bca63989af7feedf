import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SKILL_NAME_MAX_LENGTH } from '@talentgraph/vocabulary';
import { MAX_YEARS_OF_EXPERIENCE, SKILL_LEVELS } from '../domain/profile.ts';
import { ProfileSchema } from './Profile.ts';

export const ProfileSkillSchema = defineEntity({
  name: 'ProfileSkill',
  tableName: 'profile_skills',
  uniques: [{ properties: ['profile', 'skillId'] }, { properties: ['profile', 'position'] }],
  indexes: [{ properties: ['nameKey'] }, { properties: ['skillId'] }],
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
    /** The canonical skill of @talentgraph/skills (`react`, `esco:<uuid>`). */
    skillId: p.string().length(100),
    /**
     * The skill's English name when it was set: shown if a later taxonomy no longer knows the id, and
     * searched as text.
     */
    name: p.string().length(SKILL_NAME_MAX_LENGTH),
    /** `skillKey(name)` (@talentgraph/vocabulary): what the listing's case-insensitive name filter compares. */
    nameKey: p.string().length(SKILL_NAME_MAX_LENGTH),
    level: p.enum(SKILL_LEVELS),
    yearsOfExperience: p.integer(),
    /** Rank the person gave the skill; their strongest come first on the profile. */
    position: p.smallint(),
  },
});

export type ProfileSkill = InferEntity<typeof ProfileSkillSchema>;
