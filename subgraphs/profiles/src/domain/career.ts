import { addYears, careerDateProblem, periodViolations } from './dates.ts';
import { isProblem, httpUrl, lineText, multilineText, oneOf } from './fields.ts';
import { placeProblems } from './basics.ts';
import { CONTRACT_TYPES, EDUCATION_LEVELS, type ContractType, type EducationLevel } from './profile.ts';
import type { CertificationState, EducationState, ExperienceState } from './profile-state.ts';
import { resolveSkill, type SkillCatalog, type SkillReference } from './skill-catalog.ts';
import { accepted, refused, violation, type Checked, type Violation } from './violations.ts';

/** Experiences, education and certifications: the dated entries of a career, and their rules. */

export const ORGANIZATION_NAME_MAX_LENGTH = 160;
export const TITLE_MAX_LENGTH = 160;
export const DESCRIPTION_MAX_LENGTH = 5_000;
export const MAX_SKILLS_PER_EXPERIENCE = 30;
export const CREDENTIAL_ID_MAX_LENGTH = 120;
/** A job may have a known end ahead (a fixed-term contract), within this many years. */
export const EXPERIENCE_END_HORIZON_YEARS = 5;
/** A course of study may end ahead (expected graduation), within this many years. */
export const EDUCATION_END_HORIZON_YEARS = 10;
/** Certifications rarely last longer; a later expiry is a typo. */
export const CERTIFICATION_VALIDITY_MAX_YEARS = 50;

export interface ExperienceInput {
  readonly organizationName: string;
  readonly title: string;
  readonly contractType?: string | null;
  readonly location?: { readonly city?: string | null; readonly countryCode: string } | null;
  readonly startDate: string;
  /** Null while the person still holds the job. */
  readonly endDate?: string | null;
  readonly description?: string | null;
  /** Skills used in the job. */
  readonly skills?: readonly SkillReference[] | null;
}

export type ExperienceValues = Omit<ExperienceState, 'id'>;

export interface EducationInput {
  readonly institution: string;
  readonly degree?: string | null;
  readonly fieldOfStudy?: string | null;
  readonly level: string;
  readonly startDate: string;
  readonly endDate?: string | null;
  readonly description?: string | null;
}

export type EducationValues = Omit<EducationState, 'id'>;

export interface CertificationInput {
  readonly name: string;
  readonly issuer: string;
  readonly issuedOn: string;
  readonly expiresOn?: string | null;
  readonly credentialId?: string | null;
  readonly credentialUrl?: string | null;
}

export type CertificationValues = Omit<CertificationState, 'id'>;

/** An optional one-line text: blank means none. */
function optionalLine(
  field: string,
  raw: string | null | undefined,
  max: number,
  problems: Violation[],
): string | null {
  if (raw == null || raw.trim() === '') return null;
  const checked = lineText(field, raw, { max });
  if (isProblem(checked)) {
    problems.push(checked.problem);
    return null;
  }
  return checked.value;
}

function optionalDescription(raw: string | null | undefined, problems: Violation[]): string | null {
  if (raw == null) return null;
  const checked = multilineText('description', raw, DESCRIPTION_MAX_LENGTH);
  if (isProblem(checked)) {
    problems.push(checked.problem);
    return null;
  }
  return checked.value === '' ? null : checked.value;
}

function requiredLine(field: string, raw: string, max: number, problems: Violation[]): string {
  const checked = lineText(field, raw, { max });
  if (isProblem(checked)) {
    problems.push(checked.problem);
    return '';
  }
  return checked.value;
}

export function validateExperience(
  input: ExperienceInput,
  context: { readonly catalog: SkillCatalog; readonly today: string },
): Checked<ExperienceValues> {
  const problems: Violation[] = [];
  const organizationName = requiredLine(
    'organizationName',
    input.organizationName,
    ORGANIZATION_NAME_MAX_LENGTH,
    problems,
  );
  const title = requiredLine('title', input.title, TITLE_MAX_LENGTH, problems);
  let contractType: ContractType | null = null;
  if (input.contractType != null) {
    const checked = oneOf('contractType', input.contractType, CONTRACT_TYPES);
    if (isProblem(checked)) problems.push(checked.problem);
    else contractType = checked.value;
  }
  let city: string | null = null;
  let countryCode: string | null = null;
  if (input.location != null) {
    const checked = placeProblems('location', input.location);
    problems.push(...checked.problems);
    city = checked.place?.city ?? null;
    countryCode = checked.place?.countryCode ?? null;
  }
  const endDate = input.endDate ?? null;
  problems.push(
    ...periodViolations(
      { startDate: input.startDate, endDate },
      context.today,
      addYears(context.today, EXPERIENCE_END_HORIZON_YEARS),
    ),
  );
  const description = optionalDescription(input.description, problems);
  const skillIds: string[] = [];
  const skills = input.skills ?? [];
  if (skills.length > MAX_SKILLS_PER_EXPERIENCE) {
    problems.push(
      violation('skills', 'TOO_MANY', `at most ${MAX_SKILLS_PER_EXPERIENCE} skills, got ${skills.length}`),
    );
  } else {
    skills.forEach((reference, index) => {
      const resolution = resolveSkill(context.catalog, reference);
      if ('skill' in resolution) {
        // The same skill named twice (by id and by alias) is used once.
        if (!skillIds.includes(resolution.skill.id)) skillIds.push(resolution.skill.id);
      } else {
        problems.push(violation(`skills.${index}`, resolution.code, resolution.message));
      }
    });
  }
  if (problems.length > 0) return refused(problems);
  return accepted({
    organizationName,
    title,
    contractType,
    city,
    countryCode,
    startDate: input.startDate,
    endDate,
    description,
    skillIds,
  });
}

export function validateEducation(input: EducationInput, today: string): Checked<EducationValues> {
  const problems: Violation[] = [];
  const institution = requiredLine('institution', input.institution, ORGANIZATION_NAME_MAX_LENGTH, problems);
  const degree = optionalLine('degree', input.degree, TITLE_MAX_LENGTH, problems);
  const fieldOfStudy = optionalLine('fieldOfStudy', input.fieldOfStudy, TITLE_MAX_LENGTH, problems);
  const level = oneOf('level', input.level, EDUCATION_LEVELS);
  if (isProblem(level)) problems.push(level.problem);
  const endDate = input.endDate ?? null;
  problems.push(
    ...periodViolations(
      { startDate: input.startDate, endDate },
      today,
      addYears(today, EDUCATION_END_HORIZON_YEARS),
    ),
  );
  const description = optionalDescription(input.description, problems);
  if (problems.length > 0 || isProblem(level)) return refused(problems);
  return accepted({
    institution,
    degree,
    fieldOfStudy,
    level: level.value as EducationLevel,
    startDate: input.startDate,
    endDate,
    description,
  });
}

export function validateCertification(
  input: CertificationInput,
  today: string,
): Checked<CertificationValues> {
  const problems: Violation[] = [];
  const name = requiredLine('name', input.name, TITLE_MAX_LENGTH, problems);
  const issuer = requiredLine('issuer', input.issuer, ORGANIZATION_NAME_MAX_LENGTH, problems);
  const issuedProblem = careerDateProblem('issuedOn', input.issuedOn);
  if (issuedProblem) problems.push(issuedProblem);
  else if (input.issuedOn > today) {
    problems.push(violation('issuedOn', 'FUTURE_ISSUE', `must not be after today (${today})`));
  }
  const expiresOn = input.expiresOn ?? null;
  if (expiresOn !== null) {
    const expiryProblem = careerDateProblem('expiresOn', expiresOn);
    if (expiryProblem) problems.push(expiryProblem);
    else if (issuedProblem === null && expiresOn <= input.issuedOn) {
      problems.push(violation('expiresOn', 'EXPIRY_BEFORE_ISSUE', 'must be after the date of issue'));
    } else if (
      issuedProblem === null &&
      expiresOn > addYears(input.issuedOn, CERTIFICATION_VALIDITY_MAX_YEARS)
    ) {
      problems.push(
        violation(
          'expiresOn',
          'DATE_OUT_OF_RANGE',
          `must be within ${CERTIFICATION_VALIDITY_MAX_YEARS} years of the issue`,
        ),
      );
    }
  }
  const credentialId = optionalLine('credentialId', input.credentialId, CREDENTIAL_ID_MAX_LENGTH, problems);
  let credentialUrl: string | null = null;
  if (input.credentialUrl != null && input.credentialUrl.trim() !== '') {
    const checked = httpUrl('credentialUrl', input.credentialUrl);
    if (isProblem(checked)) problems.push(checked.problem);
    else credentialUrl = checked.value;
  }
  if (problems.length > 0) return refused(problems);
  return accepted({ name, issuer, issuedOn: input.issuedOn, expiresOn, credentialId, credentialUrl });
}

/** Whether a certification has expired on `today` (it is valid through its expiry day). */
export function isExpired(certification: { readonly expiresOn: string | null }, today: string): boolean {
  return certification.expiresOn !== null && certification.expiresOn < today;
}

/** Jobs as a CV lists them: current ones first, then the most recently ended, then the latest started. */
export function byMostRecent(
  entry: { readonly startDate: string; readonly endDate: string | null; readonly id: string },
  other: { readonly startDate: string; readonly endDate: string | null; readonly id: string },
): number {
  const end = entry.endDate ?? '9999-12-31';
  const otherEnd = other.endDate ?? '9999-12-31';
  return (
    otherEnd.localeCompare(end) ||
    other.startDate.localeCompare(entry.startDate) ||
    entry.id.localeCompare(other.id)
  );
}
