import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  CONTRACT_TYPES,
  PROFILE_KINDS,
  PROFILE_STATUSES,
  WORK_MODES,
  type ContractType,
  type LanguageSnapshot,
  type SkillSnapshot,
} from '../domain/snapshots.ts';

/**
 * Matching's own copy of a candidate profile owned by the profiles subgraph (same id), holding only what
 * scoring and filtering need; it is never read from the profiles database.
 */
export const ProfileSnapshotSchema = defineEntity({
  name: 'ProfileSnapshot',
  tableName: 'profile_snapshots',
  properties: {
    id: p.uuid().primary(),
    userId: p.uuid(),
    kind: p.enum(PROFILE_KINDS),
    skills: p.json<SkillSnapshot[]>(),
    yearsOfExperience: p.integer().check('years_of_experience >= 0'),
    city: p.string().length(120).nullable(),
    countryCode: p.string().length(2).nullable(),
    remotePreference: p.enum(WORK_MODES),
    desiredContractTypes: p
      .array()
      .$type<ContractType[]>()
      .check(
        `desired_contract_types <@ array[${CONTRACT_TYPES.map((type) => `'${type}'`).join(', ')}]::text[]`,
      ),
    languages: p.json<LanguageSnapshot[]>(),
    status: p.enum(PROFILE_STATUSES).index(),
    /** When the read model last received this profile's state. */
    syncedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type ProfileSnapshot = InferEntity<typeof ProfileSnapshotSchema>;

/**
 * What a `Profile` resolver receives: the profile may not have reached the read model yet, and its id
 * is all matching needs to list its matches.
 */
export type ProfileReference = Pick<ProfileSnapshot, 'id'>;
