import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  CONTRACT_TYPES,
  MAX_YEARS_OF_EXPERIENCE,
  PROFILE_KINDS,
  PROFILE_STATUSES,
  REMOTE_PREFERENCES,
} from '../domain/profile.ts';
import { LanguageSkillSchema } from './LanguageSkill.ts';
import { ProfileSkillSchema } from './ProfileSkill.ts';

/**
 * Skills and languages live in child tables rather than jsonb columns: the `skill` filter of the public
 * listing (and, later, recruiter search and the canonical skill taxonomy) is then an indexed lookup on
 * `profile_skills.name_key` instead of a scan of every profile's document, and the database itself
 * enforces one row per skill and per language of a profile. Reading them costs one batched query per
 * list for all the profiles of a request.
 */
export const ProfileSchema = defineEntity({
  name: 'Profile',
  tableName: 'profiles',
  indexes: [
    {
      name: 'profiles_listing_index',
      columns: [{ name: 'status' }, { name: 'updated_at', sort: 'desc' }, { name: 'id' }],
    },
  ],
  checks: [
    {
      name: 'profiles_years_of_experience_check',
      // Written as PostgreSQL prints it back, so the next migration diff does not see a change.
      expression: `(years_of_experience >= 0) AND (years_of_experience <= ${MAX_YEARS_OF_EXPERIENCE})`,
    },
    {
      name: 'profiles_desired_contract_types_check',
      expression: `desired_contract_types <@ array[${CONTRACT_TYPES.map((type) => `'${type}'`).join(', ')}]::text[]`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** The account, owned by the users subgraph in another database: an id, not a foreign key. One profile per account. */
    userId: p.uuid().unique(),
    kind: p.enum(PROFILE_KINDS),
    headline: p.string().length(160).nullable(),
    summary: p.text().nullable(),
    city: p.string().length(120).nullable(),
    countryCode: p.string().length(2).nullable(),
    remotePreference: p.enum(REMOTE_PREFERENCES),
    yearsOfExperience: p.integer(),
    desiredContractTypes: p.array().$type<(typeof CONTRACT_TYPES)[number][]>(),
    status: p.enum(PROFILE_STATUSES).default('DRAFT'),
    availableFrom: p.date().nullable(),
    skills: () => p.oneToMany(ProfileSkillSchema).mappedBy('profile'),
    languages: () => p.oneToMany(LanguageSkillSchema).mappedBy('profile'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Profile = InferEntity<typeof ProfileSchema>;
