import { amountFromStored } from '@talentgraph/vocabulary';
import type { EntityManager } from '@talentgraph/platform';
import { byDescendingProficiency } from '../domain/profile.ts';
import type {
  CertificationState,
  EducationState,
  ExperienceState,
  JobPreferencesState,
  MoneyState,
  ProfileState,
} from '../domain/profile-state.ts';
import { CertificationSchema, type Certification } from '../entities/Certification.ts';
import { EducationSchema, type Education } from '../entities/Education.ts';
import { ExperienceSchema, type Experience } from '../entities/Experience.ts';
import { LanguageSkillSchema, type LanguageSkill } from '../entities/LanguageSkill.ts';
import type { Profile } from '../entities/Profile.ts';
import { ProfileSkillSchema, type ProfileSkill } from '../entities/ProfileSkill.ts';

/** The stored rows of a profile as the plain state the domain rules read (domain/profile-state.ts). */

function money(amount: string | null | undefined, currency: string | null | undefined): MoneyState | null {
  return amount == null || currency == null ? null : { amount: amountFromStored(amount), currency };
}

export function preferencesOf(profile: Profile): JobPreferencesState {
  return {
    desiredTitles: profile.desiredTitles,
    desiredContractTypes: profile.desiredContractTypes,
    salaryExpectation:
      profile.salaryMinimum == null || profile.salaryCurrency == null || profile.salaryPeriod == null
        ? null
        : {
            minimum: amountFromStored(profile.salaryMinimum),
            maximum: profile.salaryMaximum == null ? null : amountFromStored(profile.salaryMaximum),
            currency: profile.salaryCurrency,
            period: profile.salaryPeriod,
          },
    sectors: profile.sectors,
    companySizes: profile.companySizes,
    willingToRelocate: profile.willingToRelocate,
    relocationCountries: profile.relocationCountries,
    maxCommuteMinutes: profile.maxCommuteMinutes ?? null,
    travelWillingness: profile.travelWillingness ?? null,
    noticePeriodWeeks: profile.noticePeriodWeeks ?? null,
    workAuthorizations: profile.workAuthorizations,
    jobSearchStatus: profile.jobSearchStatus,
    discoverable: profile.discoverable,
    hiddenFromOrganizationIds: profile.hiddenFromOrganizationIds,
  };
}

export function consultantOf(profile: Profile): ProfileState['consultant'] {
  if (profile.kind !== 'CONSULTANT' || profile.organizationId == null) return null;
  return {
    organizationId: profile.organizationId,
    dailyRate: money(profile.dailyRateAmount, profile.dailyRateCurrency),
    availability: profile.consultantAvailability ?? null,
  };
}

export function mentorOf(profile: Profile): ProfileState['mentor'] {
  if (profile.kind !== 'MENTOR') return null;
  return {
    expertise: profile.mentorExpertise,
    mentoringYears: profile.mentoringYears ?? null,
    hourlyRate: money(profile.hourlyRateAmount, profile.hourlyRateCurrency),
    ratingAverage: profile.ratingAverage == null ? null : amountFromStored(profile.ratingAverage),
    ratingCount: profile.ratingCount,
  };
}

export const experienceState = (row: Experience): ExperienceState => ({
  id: row.id,
  organizationName: row.organizationName,
  title: row.title,
  contractType: row.contractType ?? null,
  city: row.city ?? null,
  countryCode: row.countryCode ?? null,
  startDate: row.startDate,
  endDate: row.endDate ?? null,
  description: row.description ?? null,
  skillIds: row.skillIds,
});

export const educationState = (row: Education): EducationState => ({
  id: row.id,
  institution: row.institution,
  degree: row.degree ?? null,
  fieldOfStudy: row.fieldOfStudy ?? null,
  level: row.level,
  startDate: row.startDate,
  endDate: row.endDate ?? null,
  description: row.description ?? null,
});

export const certificationState = (row: Certification): CertificationState => ({
  id: row.id,
  name: row.name,
  issuer: row.issuer,
  issuedOn: row.issuedOn,
  expiresOn: row.expiresOn ?? null,
  credentialId: row.credentialId ?? null,
  credentialUrl: row.credentialUrl ?? null,
});

/** The rows of a profile's child tables. */
export interface ProfileRows {
  readonly skills: readonly ProfileSkill[];
  readonly languages: readonly LanguageSkill[];
  readonly experiences: readonly Experience[];
  readonly education: readonly Education[];
  readonly certifications: readonly Certification[];
}

/** The state of a profile from its row and its child rows (skills in rank order). */
export function profileStateOf(profile: Profile, rows: ProfileRows): ProfileState {
  return {
    id: profile.id,
    userId: profile.userId,
    kind: profile.kind,
    status: profile.status,
    revision: profile.revision,
    headline: profile.headline ?? null,
    summary: profile.summary ?? null,
    location:
      profile.countryCode == null
        ? null
        : {
            city: profile.city ?? null,
            countryCode: profile.countryCode,
            latitude: profile.latitude ?? null,
            longitude: profile.longitude ?? null,
          },
    remotePreference: profile.remotePreference ?? null,
    yearsOfExperience: profile.yearsOfExperience ?? null,
    availableFrom: profile.availableFrom ?? null,
    preferences: preferencesOf(profile),
    consultant: consultantOf(profile),
    mentor: mentorOf(profile),
    experiences: rows.experiences.map(experienceState),
    education: rows.education.map(educationState),
    certifications: rows.certifications.map(certificationState),
    skills: rows.skills.map(({ skillId, name, level, yearsOfExperience }) => ({
      skillId,
      name,
      level,
      yearsOfExperience,
    })),
    languages: rows.languages.map(({ code, level }) => ({ code, level })).sort(byDescendingProficiency),
  };
}

/** Reads the whole profile (one query per child table) through `em`, so inside a transaction it sees its writes. */
export async function loadProfileState(em: EntityManager, profile: Profile): Promise<ProfileState> {
  const where = { profile: profile.id };
  const [skills, languages, experiences, education, certifications] = await Promise.all([
    em.find(ProfileSkillSchema, where, { orderBy: { position: 'asc' } }),
    em.find(LanguageSkillSchema, where),
    em.find(ExperienceSchema, where),
    em.find(EducationSchema, where),
    em.find(CertificationSchema, where),
  ]);
  return profileStateOf(profile, { skills, languages, experiences, education, certifications });
}
