import type {
  CefrLevel,
  CompanySize,
  ConsultantAvailability,
  ContractType,
  EducationLevel,
  JobSearchStatus,
  PayPeriod,
  ProfileKind,
  ProfileStatus,
  RemotePreference,
  Sector,
  SkillLevel,
  TravelWillingness,
} from './profile.ts';

/**
 * A whole profile as plain data, as the rules see it: what completion weighs, what a submission needs,
 * which edits send a validated profile back to review, and what events tell other subgraphs. The
 * storage layer reads it from the tables; the rules never touch the database.
 */
export interface ProfileState {
  readonly id: string;
  readonly userId: string;
  readonly kind: ProfileKind;
  readonly status: ProfileStatus;
  /** Incremented by every change, so a read model keeps the latest state whatever the delivery order. */
  readonly revision: number;
  readonly headline: string | null;
  readonly summary: string | null;
  readonly location: PlaceState | null;
  readonly remotePreference: RemotePreference | null;
  readonly yearsOfExperience: number | null;
  readonly availableFrom: string | null;
  readonly preferences: JobPreferencesState;
  readonly consultant: ConsultantState | null;
  readonly mentor: MentorState | null;
  readonly experiences: readonly ExperienceState[];
  readonly education: readonly EducationState[];
  readonly certifications: readonly CertificationState[];
  readonly skills: readonly ProfileSkillState[];
  readonly languages: readonly LanguageState[];
}

export interface PlaceState {
  readonly city: string | null;
  readonly countryCode: string;
  /** WGS 84 coordinates, when known (both or neither). */
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface MoneyState {
  readonly amount: number;
  readonly currency: string;
}

export interface SalaryExpectationState {
  readonly minimum: number;
  /** Null for "at least the minimum". */
  readonly maximum: number | null;
  readonly currency: string;
  readonly period: PayPeriod;
}

export interface JobPreferencesState {
  readonly desiredTitles: readonly string[];
  readonly desiredContractTypes: readonly ContractType[];
  readonly salaryExpectation: SalaryExpectationState | null;
  readonly sectors: readonly Sector[];
  readonly companySizes: readonly CompanySize[];
  readonly willingToRelocate: boolean;
  readonly relocationCountries: readonly string[];
  readonly maxCommuteMinutes: number | null;
  readonly travelWillingness: TravelWillingness | null;
  readonly noticePeriodWeeks: number | null;
  readonly workAuthorizations: readonly string[];
  readonly jobSearchStatus: JobSearchStatus;
  readonly discoverable: boolean;
  readonly hiddenFromOrganizationIds: readonly string[];
}

export interface ConsultantState {
  readonly organizationId: string;
  readonly dailyRate: MoneyState | null;
  readonly availability: ConsultantAvailability | null;
}

export interface MentorState {
  readonly expertise: readonly string[];
  readonly mentoringYears: number | null;
  readonly hourlyRate: MoneyState | null;
  readonly ratingAverage: number | null;
  readonly ratingCount: number;
}

export interface ExperienceState {
  readonly id: string;
  readonly organizationName: string;
  readonly title: string;
  readonly contractType: ContractType | null;
  readonly city: string | null;
  readonly countryCode: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly description: string | null;
  readonly skillIds: readonly string[];
}

export interface EducationState {
  readonly id: string;
  readonly institution: string;
  readonly degree: string | null;
  readonly fieldOfStudy: string | null;
  readonly level: EducationLevel;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly description: string | null;
}

export interface CertificationState {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly issuedOn: string;
  readonly expiresOn: string | null;
  readonly credentialId: string | null;
  readonly credentialUrl: string | null;
}

export interface ProfileSkillState {
  readonly skillId: string;
  readonly name: string;
  readonly level: SkillLevel;
  readonly yearsOfExperience: number;
}

export interface LanguageState {
  readonly code: string;
  readonly level: CefrLevel;
}

/** Preferences of a profile nobody has set yet: looking, open to offers, findable once validated. */
export const DEFAULT_JOB_PREFERENCES: JobPreferencesState = {
  desiredTitles: [],
  desiredContractTypes: [],
  salaryExpectation: null,
  sectors: [],
  companySizes: [],
  willingToRelocate: false,
  relocationCountries: [],
  maxCommuteMinutes: null,
  travelWillingness: null,
  noticePeriodWeeks: null,
  workAuthorizations: [],
  jobSearchStatus: 'OPEN_TO_OFFERS',
  discoverable: true,
  hiddenFromOrganizationIds: [],
};
