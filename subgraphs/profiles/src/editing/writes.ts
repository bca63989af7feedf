import { storedAmount } from '@talentgraph/vocabulary';
import { skillKey } from '@talentgraph/vocabulary';
import type { EntityManager } from '@talentgraph/platform';
import type { BasicsPatch } from '../domain/basics.ts';
import type { CertificationValues, EducationValues, ExperienceValues } from '../domain/career.ts';
import type {
  ConsultantState,
  JobPreferencesState,
  LanguageState,
  MentorState,
  MoneyState,
  ProfileSkillState,
} from '../domain/profile-state.ts';
import { CertificationSchema } from '../entities/Certification.ts';
import { EducationSchema } from '../entities/Education.ts';
import { ExperienceSchema } from '../entities/Experience.ts';
import { LanguageSkillSchema } from '../entities/LanguageSkill.ts';
import type { Profile } from '../entities/Profile.ts';
import { ProfileSkillSchema } from '../entities/ProfileSkill.ts';

/** Writes validated values (domain/*) into the rows of a profile, in the caller's transaction. */

export function applyBasics(profile: Profile, patch: BasicsPatch): void {
  if (patch.headline !== undefined) profile.headline = patch.headline;
  if (patch.summary !== undefined) profile.summary = patch.summary;
  if (patch.location !== undefined) {
    profile.city = patch.location?.city ?? null;
    profile.countryCode = patch.location?.countryCode ?? null;
    profile.latitude = patch.location?.latitude ?? null;
    profile.longitude = patch.location?.longitude ?? null;
  }
  if (patch.remotePreference !== undefined) profile.remotePreference = patch.remotePreference;
  if (patch.yearsOfExperience !== undefined) profile.yearsOfExperience = patch.yearsOfExperience;
  if (patch.availableFrom !== undefined) profile.availableFrom = patch.availableFrom;
}

const stored = (money: MoneyState | null) =>
  money === null
    ? { amount: null, currency: null }
    : { amount: storedAmount(money.amount, money.currency), currency: money.currency };

export function applyPreferences(profile: Profile, preferences: JobPreferencesState): void {
  const salary = preferences.salaryExpectation;
  profile.desiredTitles = [...preferences.desiredTitles];
  profile.desiredContractTypes = [...preferences.desiredContractTypes];
  profile.salaryMinimum = salary === null ? null : storedAmount(salary.minimum, salary.currency);
  profile.salaryMaximum = salary?.maximum == null ? null : storedAmount(salary.maximum, salary.currency);
  profile.salaryCurrency = salary?.currency ?? null;
  profile.salaryPeriod = salary?.period ?? null;
  profile.sectors = [...preferences.sectors];
  profile.companySizes = [...preferences.companySizes];
  profile.willingToRelocate = preferences.willingToRelocate;
  profile.relocationCountries = [...preferences.relocationCountries];
  profile.maxCommuteMinutes = preferences.maxCommuteMinutes;
  profile.travelWillingness = preferences.travelWillingness;
  profile.noticePeriodWeeks = preferences.noticePeriodWeeks;
  profile.workAuthorizations = [...preferences.workAuthorizations];
  profile.jobSearchStatus = preferences.jobSearchStatus;
  profile.discoverable = preferences.discoverable;
  profile.hiddenFromOrganizationIds = [...preferences.hiddenFromOrganizationIds];
}

export function applyConsultant(profile: Profile, consultant: ConsultantState): void {
  const rate = stored(consultant.dailyRate);
  profile.dailyRateAmount = rate.amount;
  profile.dailyRateCurrency = rate.currency;
  profile.consultantAvailability = consultant.availability;
}

export function applyMentor(profile: Profile, mentor: MentorState): void {
  const rate = stored(mentor.hourlyRate);
  profile.mentorExpertise = [...mentor.expertise];
  profile.mentoringYears = mentor.mentoringYears;
  profile.hourlyRateAmount = rate.amount;
  profile.hourlyRateCurrency = rate.currency;
}

/**
 * Replaces the skills of a profile. The old rows are deleted first, at once, so that the new ranking may
 * reuse their positions and skills without tripping the unique constraints.
 */
export async function replaceSkills(
  tx: EntityManager,
  profile: Profile,
  skills: readonly ProfileSkillState[],
) {
  await tx.nativeDelete(ProfileSkillSchema, { profile: profile.id });
  skills.forEach((skill, position) => {
    tx.create(ProfileSkillSchema, {
      profile,
      skillId: skill.skillId,
      name: skill.name,
      nameKey: skillKey(skill.name),
      level: skill.level,
      yearsOfExperience: skill.yearsOfExperience,
      position,
    });
  });
}

export async function replaceLanguages(
  tx: EntityManager,
  profile: Profile,
  languages: readonly LanguageState[],
) {
  await tx.nativeDelete(LanguageSkillSchema, { profile: profile.id });
  for (const language of languages) tx.create(LanguageSkillSchema, { profile, ...language });
}

export function createExperience(tx: EntityManager, profile: Profile, values: ExperienceValues) {
  return tx.create(ExperienceSchema, { profile, ...values, skillIds: [...values.skillIds] });
}

export function createEducation(tx: EntityManager, profile: Profile, values: EducationValues) {
  return tx.create(EducationSchema, { profile, ...values });
}

export function createCertification(tx: EntityManager, profile: Profile, values: CertificationValues) {
  return tx.create(CertificationSchema, { profile, ...values });
}
