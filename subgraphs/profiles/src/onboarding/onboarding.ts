import type { EntityName } from '@mikro-orm/core';
import { requireId, type EntityManager } from '@talentgraph/platform';
import { validateBasics } from '../domain/basics.ts';
import { validateCertification, validateEducation, validateExperience } from '../domain/career.ts';
import { calendarDateOf } from '../domain/dates.ts';
import { decodeDraft, draftShapeViolations, type Identified, type StepChanges } from '../domain/drafts.ts';
import { stepRequirementViolations, type OnboardingStep } from '../domain/onboarding.ts';
import {
  validateConsultantDetails,
  validateJobPreferences,
  validateMentorDetails,
} from '../domain/preferences.ts';
import {
  MAX_CERTIFICATIONS_PER_PROFILE,
  MAX_EDUCATION_PER_PROFILE,
  MAX_EXPERIENCES_PER_PROFILE,
} from '../domain/profile.ts';
import { validateLanguages, validateProfileSkills } from '../domain/skills.ts';
import { submissionViolations } from '../domain/submission.ts';
import { under, violation, type Checked, type Violation } from '../domain/violations.ts';
import { CertificationSchema } from '../entities/Certification.ts';
import { EducationSchema } from '../entities/Education.ts';
import { ExperienceSchema } from '../entities/Experience.ts';
import { OnboardingStepSchema, type OnboardingStep as StoredStep } from '../entities/OnboardingStep.ts';
import type { Profile } from '../entities/Profile.ts';
import { editProfile, lockProfileToEdit, type Cause } from '../editing/change.ts';
import { answering, refuse, requirePerson, type UserError } from '../editing/refusals.ts';
import { consultantOf, loadProfileState, mentorOf, preferencesOf } from '../editing/state.ts';
import {
  applyBasics,
  applyConsultant,
  applyMentor,
  applyPreferences,
  replaceLanguages,
  replaceSkills,
} from '../editing/writes.ts';
import { submitProfile } from '../review/workflow.ts';
import { skillCatalog } from '../skills/catalog.ts';

/**
 * Onboarding as mutations: `saveOnboardingDraft` autosaves a step's form as typed (only its shape is
 * checked: the step's own keys, a bounded size), `completeOnboardingStep` checks the saved draft with the
 * editing rules, writes it to the profile and marks the step completed — or refuses it field by field,
 * keeping the draft, so nothing typed is ever lost.
 */

export interface OnboardingPayload {
  readonly profile: Profile | null;
  readonly errors: UserError[];
}

const refusedOnboarding = (errors: UserError[]): OnboardingPayload => ({ profile: null, errors });

const DRAFT_ROOT = ['draft'];

export function saveOnboardingDraft(
  em: EntityManager,
  cause: Cause,
  input: {
    readonly profileId: string;
    readonly step: OnboardingStep;
    readonly draft: Readonly<Record<string, unknown>>;
  },
): Promise<OnboardingPayload> {
  requirePerson(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  return answering(
    () =>
      em.transactional(async (tx) => {
        const profile = await lockProfileToEdit(tx, cause.viewer, profileId);
        const problems = draftShapeViolations(input.step, input.draft);
        if (problems.length > 0) refuse(problems);
        const row = await tx.findOne(OnboardingStepSchema, { profile: profile.id, step: input.step });
        const draft = { ...input.draft };
        if (row) tx.assign(row, { draft, draftSavedAt: cause.now });
        else tx.create(OnboardingStepSchema, { profile, step: input.step, draft, draftSavedAt: cause.now });
        return { profile, errors: [] };
      }),
    refusedOnboarding,
  );
}

/** An entry of a list step, checked: the stored entry it edits (by id), or none for a new one. */
interface CheckedEntry<Values> {
  readonly id: string | null;
  readonly values: Values;
}

/**
 * Makes a profile's entries of one kind exactly the draft's list: entries listed with their id are
 * updated, entries without an id are added, stored entries not listed are removed.
 */
async function syncEntries<Entry extends { id: string }, Input extends object, Values extends object>(
  tx: EntityManager,
  profile: Profile,
  schema: EntityName<Entry>,
  field: string,
  items: readonly Identified<Input>[],
  max: number,
  check: (input: Input) => Checked<Values>,
): Promise<Violation[]> {
  if (items.length > max)
    return [violation(field, 'TOO_MANY', `at most ${max} entries, got ${items.length}`)];
  const stored = (await tx.find(schema, { profile: profile.id } as never)) as Entry[];
  const storedIds = new Set(stored.map((entry) => entry.id));
  const problems: Violation[] = [];
  const checked: CheckedEntry<Values>[] = [];
  const listedIds = new Set<string>();
  items.forEach((item, index) => {
    const { id = null, ...input } = item;
    if (id !== null && (!storedIds.has(id) || listedIds.has(id))) {
      problems.push(
        violation(
          `${field}.${index}.id`,
          'UNKNOWN_ENTRY',
          `no entry of this profile has the id "${id}", or it is listed twice`,
        ),
      );
      return;
    }
    if (id !== null) listedIds.add(id);
    const result = check(input as Input);
    if (result.ok) checked.push({ id, values: result.value });
    else problems.push(...under(`${field}.${index}`, result.violations));
  });
  if (problems.length > 0) return problems;
  for (const entry of stored) if (!listedIds.has(entry.id)) tx.remove(entry);
  for (const { id, values } of checked) {
    if (id === null) tx.create(schema, { profile, ...values } as never);
    else
      tx.assign(
        stored.find((entry) => entry.id === id)!,
        values as never,
      );
  }
  return [];
}

/** Writes the changes of a completed step, or returns every rule they break. */
async function applyStepChanges(
  tx: EntityManager,
  profile: Profile,
  changes: StepChanges,
  today: string,
): Promise<Violation[]> {
  const problems: Violation[] = [];
  const apply = <Value>(checked: Checked<Value>, write: (value: Value) => void | Promise<void>) =>
    checked.ok ? write(checked.value) : void problems.push(...checked.violations);
  if (changes.basics) apply(validateBasics(changes.basics, today), (patch) => applyBasics(profile, patch));
  if (changes.experiences) {
    problems.push(
      ...(await syncEntries(
        tx,
        profile,
        ExperienceSchema,
        'experiences',
        changes.experiences,
        MAX_EXPERIENCES_PER_PROFILE,
        (input) => validateExperience(input, { catalog: skillCatalog, today }),
      )),
    );
  }
  if (changes.education) {
    problems.push(
      ...(await syncEntries(
        tx,
        profile,
        EducationSchema,
        'education',
        changes.education,
        MAX_EDUCATION_PER_PROFILE,
        (input) => validateEducation(input, today),
      )),
    );
  }
  if (changes.certifications) {
    problems.push(
      ...(await syncEntries(
        tx,
        profile,
        CertificationSchema,
        'certifications',
        changes.certifications,
        MAX_CERTIFICATIONS_PER_PROFILE,
        (input) => validateCertification(input, today),
      )),
    );
  }
  if (changes.skills) {
    const checked = validateProfileSkills(changes.skills, skillCatalog);
    if (checked.ok) await replaceSkills(tx, profile, checked.value);
    else problems.push(...checked.violations);
  }
  if (changes.languages) {
    const checked = validateLanguages(changes.languages);
    if (checked.ok) await replaceLanguages(tx, profile, checked.value);
    else problems.push(...checked.violations);
  }
  if (changes.preferences) {
    apply(validateJobPreferences(changes.preferences, preferencesOf(profile)), (value) =>
      applyPreferences(profile, value),
    );
  }
  if (changes.consultant) {
    const current = consultantOf(profile);
    if (current === null)
      problems.push(
        violation('consultant', 'WRONG_PROFILE_KIND', 'only a consultant profile has these details'),
      );
    else
      apply(validateConsultantDetails(changes.consultant, current), (value) =>
        applyConsultant(profile, value),
      );
  }
  if (changes.mentor) {
    const current = mentorOf(profile);
    if (current === null)
      problems.push(violation('mentor', 'WRONG_PROFILE_KIND', 'only a mentor profile has these details'));
    else apply(validateMentorDetails(changes.mentor, current), (value) => applyMentor(profile, value));
  }
  return problems;
}

/**
 * Completes a step: its draft is checked and written, then the step must hold what a submission needs of
 * it (a headline for BASICS, a skill for SKILLS…). Completing REVIEW submits the profile.
 */
export async function completeOnboardingStep(
  em: EntityManager,
  cause: Cause,
  input: { readonly profileId: string; readonly step: OnboardingStep },
): Promise<OnboardingPayload> {
  if (input.step === 'REVIEW') {
    const submitted = await submitProfile(em, cause, input);
    return { profile: submitted.profile, errors: submitted.errors };
  }
  return answering(async () => {
    const { profile } = await editProfile(em, cause, input.profileId, async (tx, profile) => {
      const row = await tx.findOne(OnboardingStepSchema, { profile: profile.id, step: input.step });
      const decoded = decodeDraft(input.step, row?.draft ?? null);
      if (!decoded.ok) refuse(decoded.violations, []);
      const problems = await applyStepChanges(tx, profile, decoded.value, calendarDateOf(cause.now));
      if (problems.length > 0) refuse(problems, DRAFT_ROOT);
      await tx.flush();
      const missing = stepRequirementViolations(
        input.step,
        submissionViolations(await loadProfileState(tx, profile)),
      );
      if (missing.length > 0) refuse(missing, []);
      const completed: Partial<StoredStep> = { draft: null, draftSavedAt: null, completedAt: cause.now };
      if (row) tx.assign(row, completed);
      else tx.create(OnboardingStepSchema, { profile, step: input.step, ...completed });
    });
    return { profile, errors: [] };
  }, refusedOnboarding);
}
