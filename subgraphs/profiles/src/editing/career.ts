import type { EntityName } from '@mikro-orm/core';
import { requireId, type EntityManager } from '@talentgraph/platform';
import {
  validateCertification,
  validateEducation,
  validateExperience,
  type CertificationInput,
  type EducationInput,
  type ExperienceInput,
} from '../domain/career.ts';
import { calendarDateOf } from '../domain/dates.ts';
import {
  MAX_CERTIFICATIONS_PER_PROFILE,
  MAX_EDUCATION_PER_PROFILE,
  MAX_EXPERIENCES_PER_PROFILE,
} from '../domain/profile.ts';
import { violation, type Checked, type Violation } from '../domain/violations.ts';
import { CertificationSchema, type Certification } from '../entities/Certification.ts';
import { EducationSchema, type Education } from '../entities/Education.ts';
import { ExperienceSchema, type Experience } from '../entities/Experience.ts';
import type { Profile } from '../entities/Profile.ts';
import { skillCatalog } from '../skills/catalog.ts';
import { editProfile, type Cause } from './change.ts';
import { answering, refuse, type UserError } from './refusals.ts';
import { certificationState, educationState, experienceState } from './state.ts';

/**
 * Experiences, education and certifications: each added, changed and removed on its own. A change
 * names the entry and gives the fields to change; the entry is checked whole once changed, so an end
 * date moved before the start is refused even when only the end date is given.
 */

export interface EntryPayload<Entry> {
  readonly entry: Entry | null;
  readonly profile: Profile | null;
  readonly errors: UserError[];
}

export interface RemovedEntryPayload {
  readonly removedId: string | null;
  readonly profile: Profile | null;
  readonly errors: UserError[];
}

const refusedEntry = <Entry>(errors: UserError[]): EntryPayload<Entry> => ({
  entry: null,
  profile: null,
  errors,
});
const refusedRemoval = (errors: UserError[]): RemovedEntryPayload => ({
  removedId: null,
  profile: null,
  errors,
});

/** The changes of an update: an omitted field (undefined) keeps its value, null clears an optional one. */
export type EntryChange<Input> = { readonly [Key in keyof Input]?: Input[Key] | null };

/** What differs between experiences, education and certifications; the handling is the same. */
interface EntryKind<Entry extends { readonly id: string }, Input extends object, Values> {
  readonly schema: EntityName<Entry>;
  /** The input field naming the entry, e.g. `experienceId`. */
  readonly idField: string;
  readonly notFound: Violation;
  readonly max: number;
  readonly tooMany: string;
  /** Fields an update cannot clear. */
  readonly required: readonly (keyof Input)[];
  readonly inputOf: (entry: Entry) => Input;
  readonly validate: (input: Input, today: string) => Checked<Values>;
}

function mergedInput<Input extends object>(
  current: Input,
  change: EntryChange<Input>,
  required: readonly (keyof Input)[],
) {
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || (value === null && required.includes(key as keyof Input))) continue;
    next[key] = value;
  }
  return next as Input;
}

async function addEntry<Entry extends { readonly id: string }, Input extends object, Values extends object>(
  em: EntityManager,
  cause: Cause,
  kind: EntryKind<Entry, Input, Values>,
  profileId: string,
  input: Input,
): Promise<EntryPayload<Entry>> {
  return answering(
    async () => {
      const { profile, result } = await editProfile(em, cause, profileId, async (tx, profile) => {
        if ((await tx.count(kind.schema, { profile: profile.id } as never)) >= kind.max) {
          refuse([violation('', 'TOO_MANY', kind.tooMany)]);
        }
        const checked = kind.validate(input, calendarDateOf(cause.now));
        if (!checked.ok) refuse(checked.violations);
        return tx.create(kind.schema, { profile, ...checked.value } as never) as Entry;
      });
      return { entry: result, profile, errors: [] };
    },
    refusedEntry<Entry>,
  );
}

/** The id of the profile an entry belongs to, or a refusal as unknown. */
async function profileOfEntry<Entry extends { readonly id: string }>(
  em: EntityManager,
  kind: EntryKind<Entry, never, unknown>,
  entryId: string,
): Promise<string> {
  const entry = (await em.fork().findOne(kind.schema, { id: entryId } as never)) as {
    profile: { id: string };
  } | null;
  if (!entry) refuse([kind.notFound]);
  return entry.profile.id;
}

async function lockedEntry<Entry extends { readonly id: string }>(
  tx: EntityManager,
  kind: EntryKind<Entry, never, unknown>,
  profile: Profile,
  entryId: string,
): Promise<Entry> {
  const entry = (await tx.findOne(kind.schema, {
    id: entryId,
    profile: profile.id,
  } as never)) as Entry | null;
  // Removed by a concurrent request after its profile id was read.
  if (!entry) refuse([kind.notFound]);
  return entry;
}

async function updateEntry<
  Entry extends { readonly id: string },
  Input extends object,
  Values extends object,
>(
  em: EntityManager,
  cause: Cause,
  kind: EntryKind<Entry, Input, Values>,
  rawEntryId: string,
  change: EntryChange<Input>,
): Promise<EntryPayload<Entry>> {
  const entryId = requireId(rawEntryId, kind.idField);
  return answering(
    async () => {
      const profileId = await profileOfEntry(em, kind as never, entryId);
      const { profile, result } = await editProfile(
        em,
        cause,
        profileId,
        async (tx, profile) => {
          const entry = await lockedEntry<Entry>(tx, kind as never, profile, entryId);
          const checked = kind.validate(
            mergedInput(kind.inputOf(entry), change, kind.required),
            calendarDateOf(cause.now),
          );
          if (!checked.ok) refuse(checked.violations);
          tx.assign(entry, checked.value as never);
          return entry;
        },
        kind.notFound,
      );
      return { entry: result, profile, errors: [] };
    },
    refusedEntry<Entry>,
  );
}

async function removeEntry<Entry extends { readonly id: string }>(
  em: EntityManager,
  cause: Cause,
  kind: EntryKind<Entry, never, unknown>,
  rawEntryId: string,
): Promise<RemovedEntryPayload> {
  const entryId = requireId(rawEntryId, kind.idField);
  return answering(async () => {
    const profileId = await profileOfEntry(em, kind, entryId);
    const { profile } = await editProfile(
      em,
      cause,
      profileId,
      async (tx, profile) => tx.remove(await lockedEntry<Entry>(tx, kind, profile, entryId)),
      kind.notFound,
    );
    return { removedId: entryId, profile, errors: [] };
  }, refusedRemoval);
}

const experiences: EntryKind<Experience, ExperienceInput, unknown> = {
  schema: ExperienceSchema,
  idField: 'experienceId',
  notFound: violation('experienceId', 'EXPERIENCE_NOT_FOUND', 'no experience you can edit has this id'),
  max: MAX_EXPERIENCES_PER_PROFILE,
  tooMany: `a profile lists at most ${MAX_EXPERIENCES_PER_PROFILE} experiences`,
  required: ['organizationName', 'title', 'startDate'],
  inputOf: (entry) => {
    const { city, countryCode, skillIds, ...state } = experienceState(entry);
    return {
      ...state,
      location: countryCode === null ? null : { city, countryCode },
      skills: skillIds.map((id) => ({ id })),
    };
  },
  validate: (input, today) => validateExperience(input, { catalog: skillCatalog, today }),
};

const education: EntryKind<Education, EducationInput, unknown> = {
  schema: EducationSchema,
  idField: 'educationId',
  notFound: violation('educationId', 'EDUCATION_NOT_FOUND', 'no education entry you can edit has this id'),
  max: MAX_EDUCATION_PER_PROFILE,
  tooMany: `a profile lists at most ${MAX_EDUCATION_PER_PROFILE} education entries`,
  required: ['institution', 'level', 'startDate'],
  inputOf: (entry) => educationState(entry),
  validate: validateEducation,
};

const certifications: EntryKind<Certification, CertificationInput, unknown> = {
  schema: CertificationSchema,
  idField: 'certificationId',
  notFound: violation(
    'certificationId',
    'CERTIFICATION_NOT_FOUND',
    'no certification you can edit has this id',
  ),
  max: MAX_CERTIFICATIONS_PER_PROFILE,
  tooMany: `a profile lists at most ${MAX_CERTIFICATIONS_PER_PROFILE} certifications`,
  required: ['name', 'issuer', 'issuedOn'],
  inputOf: (entry) => certificationState(entry),
  validate: validateCertification,
};

export const addExperience = (
  em: EntityManager,
  cause: Cause,
  input: ExperienceInput & { readonly profileId: string },
) =>
  addEntry(em, cause, experiences as EntryKind<Experience, ExperienceInput, object>, input.profileId, input);
export const updateExperience = (
  em: EntityManager,
  cause: Cause,
  { experienceId, ...change }: EntryChange<ExperienceInput> & { readonly experienceId: string },
) =>
  updateEntry(em, cause, experiences as EntryKind<Experience, ExperienceInput, object>, experienceId, change);
export const removeExperience = (em: EntityManager, cause: Cause, input: { readonly experienceId: string }) =>
  removeEntry(em, cause, experiences as never, input.experienceId);

export const addEducation = (
  em: EntityManager,
  cause: Cause,
  input: EducationInput & { readonly profileId: string },
) => addEntry(em, cause, education as EntryKind<Education, EducationInput, object>, input.profileId, input);
export const updateEducation = (
  em: EntityManager,
  cause: Cause,
  { educationId, ...change }: EntryChange<EducationInput> & { readonly educationId: string },
) => updateEntry(em, cause, education as EntryKind<Education, EducationInput, object>, educationId, change);
export const removeEducation = (em: EntityManager, cause: Cause, input: { readonly educationId: string }) =>
  removeEntry(em, cause, education as never, input.educationId);

export const addCertification = (
  em: EntityManager,
  cause: Cause,
  input: CertificationInput & { readonly profileId: string },
) =>
  addEntry(
    em,
    cause,
    certifications as EntryKind<Certification, CertificationInput, object>,
    input.profileId,
    input,
  );
export const updateCertification = (
  em: EntityManager,
  cause: Cause,
  { certificationId, ...change }: EntryChange<CertificationInput> & { readonly certificationId: string },
) =>
  updateEntry(
    em,
    cause,
    certifications as EntryKind<Certification, CertificationInput, object>,
    certificationId,
    change,
  );
export const removeCertification = (
  em: EntityManager,
  cause: Cause,
  input: { readonly certificationId: string },
) => removeEntry(em, cause, certifications as never, input.certificationId);
