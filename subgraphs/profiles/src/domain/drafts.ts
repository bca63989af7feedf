import type { BasicsChange } from './basics.ts';
import type { CertificationInput, EducationInput, ExperienceInput } from './career.ts';
import { DRAFT_MAX_BYTES, STEP_DRAFT_KEYS, type OnboardingStep } from './onboarding.ts';
import type { ConsultantChange, JobPreferencesChange, MentorChange } from './preferences.ts';
import type { LanguageInput, ProfileSkillInput } from './skills.ts';
import { accepted, refused, violation, type Checked, type Violation } from './violations.ts';

/**
 * Drafts are free JSON (a form saved as typed), so when a step is completed its draft is first decoded
 * into the same inputs the editing mutations take; a value of the wrong type is reported at its path.
 */

/** Checks a draft at save time: a JSON object of the step's own keys, small enough. */
export function draftShapeViolations(
  step: OnboardingStep,
  draft: Readonly<Record<string, unknown>>,
): Violation[] {
  const allowed = STEP_DRAFT_KEYS[step];
  if (allowed.length === 0) {
    return [
      violation('step', 'STEP_HAS_NO_DRAFT', `the ${step} step has no form to save; complete it instead`),
    ];
  }
  const unknown = Object.keys(draft).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    return unknown.map((key) =>
      violation(
        `draft.${key}`,
        'UNKNOWN_DRAFT_FIELD',
        `the ${step} step has no field ${key} (it has ${allowed.join(', ')})`,
      ),
    );
  }
  if (Buffer.byteLength(JSON.stringify(draft)) > DRAFT_MAX_BYTES) {
    return [
      violation('draft', 'DRAFT_TOO_LARGE', `a draft holds at most ${DRAFT_MAX_BYTES / 1024} KiB of JSON`),
    ];
  }
  return [];
}

type Decoder<Value> = (value: unknown, path: string, problems: Violation[]) => Value;

const wrongType = (path: string, expected: string, problems: Violation[]) =>
  problems.push(violation(path, 'INVALID_TYPE', `must be ${expected}`));

const text: Decoder<string> = (value, path, problems) => {
  if (typeof value === 'string') return value;
  wrongType(path, 'a string', problems);
  return '';
};

const numeric: Decoder<number> = (value, path, problems) => {
  if (typeof value === 'number') return value;
  wrongType(path, 'a number', problems);
  return 0;
};

const boolean: Decoder<boolean> = (value, path, problems) => {
  if (typeof value === 'boolean') return value;
  wrongType(path, 'true or false', problems);
  return false;
};

/** Absent stays undefined (keep), null stays null (clear). */
function optional<Value>(decode: Decoder<Value>): Decoder<Value | null | undefined> {
  return (value, path, problems) =>
    value === undefined || value === null ? value : decode(value, path, problems);
}

function list<Value>(decode: Decoder<Value>): Decoder<Value[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      wrongType(path, 'a list', problems);
      return [];
    }
    return value.map((item, index) => decode(item, `${path}.${index}`, problems));
  };
}

type Shape = Readonly<Record<string, Decoder<unknown>>>;
type Decoded<S extends Shape> = { -readonly [Key in keyof S]: ReturnType<S[Key]> };

function object<S extends Shape>(shape: S): Decoder<Decoded<S>> {
  return (value, path, problems) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      wrongType(path, 'an object', problems);
      return {} as Decoded<S>;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(key in shape))
        problems.push(violation(`${path}.${key}`, 'UNKNOWN_DRAFT_FIELD', `${key} is not a field here`));
    }
    const decoded: Record<string, unknown> = {};
    for (const [key, decode] of Object.entries(shape)) {
      const field = decode(record[key], `${path}.${key}`, problems);
      if (field !== undefined) decoded[key] = field;
    }
    return decoded as Decoded<S>;
  };
}

const required =
  <Value>(decode: Decoder<Value>): Decoder<Value> =>
  (value, path, problems) => {
    if (value === undefined || value === null) {
      problems.push(violation(path, 'REQUIRED', 'must be given'));
      return undefined as Value;
    }
    return decode(value, path, problems);
  };

const money = object({ amount: required(numeric), currency: required(text) });
const place = object({
  city: optional(text),
  countryCode: required(text),
  latitude: optional(numeric),
  longitude: optional(numeric),
});
const skillReference = object({ id: optional(text), name: optional(text) });

const basics = object({
  headline: optional(text),
  summary: optional(text),
  location: optional(place),
  remotePreference: optional(text),
  yearsOfExperience: optional(numeric),
  availableFrom: optional(text),
});

const experience = object({
  id: optional(text),
  organizationName: required(text),
  title: required(text),
  contractType: optional(text),
  location: optional(object({ city: optional(text), countryCode: required(text) })),
  startDate: required(text),
  endDate: optional(text),
  description: optional(text),
  skills: optional(list(skillReference)),
});

const education = object({
  id: optional(text),
  institution: required(text),
  degree: optional(text),
  fieldOfStudy: optional(text),
  level: required(text),
  startDate: required(text),
  endDate: optional(text),
  description: optional(text),
});

const certification = object({
  id: optional(text),
  name: required(text),
  issuer: required(text),
  issuedOn: required(text),
  expiresOn: optional(text),
  credentialId: optional(text),
  credentialUrl: optional(text),
});

const preferences = object({
  desiredTitles: optional(list(text)),
  desiredContractTypes: optional(list(text)),
  salaryExpectation: optional(
    object({
      minimum: required(numeric),
      maximum: optional(numeric),
      currency: required(text),
      period: required(text),
    }),
  ),
  sectors: optional(list(text)),
  companySizes: optional(list(text)),
  willingToRelocate: optional(boolean),
  relocationCountries: optional(list(text)),
  maxCommuteMinutes: optional(numeric),
  travelWillingness: optional(text),
  noticePeriodWeeks: optional(numeric),
  workAuthorizations: optional(list(text)),
  jobSearchStatus: optional(text),
  discoverable: optional(boolean),
  hiddenFromOrganizationIds: optional(list(text)),
});

/** An entry of a list step: the id of an entry it edits, none for a new one. */
export type Identified<Input> = Input & { readonly id?: string | null };

/** What completing each step writes: the draft decoded into the editing mutations' inputs. */
export interface StepChanges {
  readonly basics?: BasicsChange;
  readonly experiences?: Identified<ExperienceInput>[];
  readonly education?: Identified<EducationInput>[];
  readonly certifications?: Identified<CertificationInput>[];
  readonly skills?: ProfileSkillInput[];
  readonly languages?: LanguageInput[];
  readonly preferences?: JobPreferencesChange;
  readonly consultant?: ConsultantChange;
  readonly mentor?: MentorChange;
}

/** Decodes the keys of `shape` from the draft, each at its path under `draft.`. */
function fieldsOf(
  shape: Shape,
): (content: Readonly<Record<string, unknown>>, problems: Violation[]) => StepChanges {
  return (content, problems) => {
    const changes: Record<string, unknown> = {};
    for (const [key, decode] of Object.entries(shape)) {
      const value = decode(content[key], `draft.${key}`, problems);
      if (value !== undefined && value !== null) changes[key] = value;
    }
    return changes as StepChanges;
  };
}

const STEP_DECODERS: Readonly<
  Record<OnboardingStep, (content: Readonly<Record<string, unknown>>, problems: Violation[]) => StepChanges>
> = {
  // The draft of BASICS is the basics themselves.
  BASICS: (content, problems) => ({ basics: basics(content, 'draft', problems) }),
  EXPERIENCE: fieldsOf({ experiences: optional(list(experience)) }),
  EDUCATION: fieldsOf({
    education: optional(list(education)),
    certifications: optional(list(certification)),
  }),
  SKILLS: fieldsOf({
    skills: optional(
      list(
        object({
          skill: required(skillReference),
          level: required(text),
          yearsOfExperience: required(numeric),
        }),
      ),
    ),
  }),
  LANGUAGES: fieldsOf({ languages: optional(list(object({ code: required(text), level: required(text) }))) }),
  PREFERENCES: fieldsOf({
    preferences: optional(preferences),
    consultant: optional(object({ dailyRate: optional(money), availability: optional(text) })),
    mentor: optional(
      object({
        expertise: optional(list(text)),
        mentoringYears: optional(numeric),
        hourlyRate: optional(money),
      }),
    ),
  }),
  CV: fieldsOf({}),
  REVIEW: fieldsOf({}),
};

/** Decodes the saved draft of `step` (null: nothing saved) into the changes completing the step writes. */
export function decodeDraft(
  step: OnboardingStep,
  draft: Readonly<Record<string, unknown>> | null,
): Checked<StepChanges> {
  const problems: Violation[] = [];
  const changes = STEP_DECODERS[step](draft ?? {}, problems);
  return problems.length > 0 ? refused(problems) : accepted(changes);
}
