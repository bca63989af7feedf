import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CEFR_LEVELS } from '../domain/profile.ts';
import { ProfileSchema } from './Profile.ts';

export const LanguageSkillSchema = defineEntity({
  name: 'LanguageSkill',
  tableName: 'profile_languages',
  uniques: [{ properties: ['profile', 'code'] }],
  // Anchored at the start only: with at most two characters in the column, that already means exactly
  // two lower-case letters, and a `$` would be escaped by the migration generator into a lint error.
  checks: [{ name: 'profile_languages_code_check', expression: `code ~ '^[a-z]{2}'` }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    /** ISO 639-1, lower case (validated against the full list in domain/language-codes.ts). */
    code: p.string().length(2),
    level: p.enum(CEFR_LEVELS),
  },
});

export type LanguageSkill = InferEntity<typeof LanguageSkillSchema>;
