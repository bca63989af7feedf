import { CEFR_LEVELS, WORK_MODES, type CefrLevel } from '@talentgraph/vocabulary';

export {
  CEFR_LEVELS,
  CONTRACT_TYPES,
  PAY_PERIODS,
  PROFILE_KINDS,
  PROFILE_STATUSES,
  type CefrLevel,
  type ContractType,
  type PayPeriod,
  type ProfileKind,
  type ProfileStatus,
} from '@talentgraph/vocabulary';

export const REMOTE_PREFERENCES = WORK_MODES;
export type RemotePreference = (typeof REMOTE_PREFERENCES)[number];

/** A working life, generously bounded: anything above is a typo, not a career. */
export const MAX_YEARS_OF_EXPERIENCE = 60;

export const HEADLINE_MAX_LENGTH = 160;
export const SUMMARY_MAX_LENGTH = 3_000;
export const CITY_MAX_LENGTH = 120;

export const MAX_SKILLS_PER_PROFILE = 50;
export const MAX_LANGUAGES_PER_PROFILE = 20;
export const MAX_EXPERIENCES_PER_PROFILE = 50;
export const MAX_EDUCATION_PER_PROFILE = 20;
export const MAX_CERTIFICATIONS_PER_PROFILE = 30;

/** How well a person masters a skill, in words a recruiter and a candidate read the same way. */
export const SKILL_LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Levels of a course of study, from school to doctorate. */
export const EDUCATION_LEVELS = [
  'SECONDARY',
  'VOCATIONAL',
  'BACHELOR',
  'MASTER',
  'DOCTORATE',
  'OTHER',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Sectors a person wants to work in (job preferences), few enough to filter on. */
export const SECTORS = [
  'SOFTWARE_AND_INTERNET',
  'IT_SERVICES',
  'FINANCE_AND_BANKING',
  'INSURANCE',
  'HEALTHCARE',
  'PHARMA_AND_BIOTECH',
  'ENERGY_AND_UTILITIES',
  'MANUFACTURING_AND_INDUSTRY',
  'AUTOMOTIVE_AND_MOBILITY',
  'AEROSPACE_AND_DEFENSE',
  'RETAIL_AND_ECOMMERCE',
  'LOGISTICS_AND_TRANSPORT',
  'TELECOMMUNICATIONS',
  'MEDIA_AND_ENTERTAINMENT',
  'GAMING',
  'EDUCATION_AND_RESEARCH',
  'PUBLIC_SECTOR',
  'NON_PROFIT',
  'CONSULTING',
  'REAL_ESTATE_AND_CONSTRUCTION',
  'HOSPITALITY_AND_TOURISM',
  'AGRICULTURE_AND_FOOD',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Company sizes by headcount: 1–9, 10–49, 50–249, 250–4,999, 5,000 and more. */
export const COMPANY_SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const TRAVEL_WILLINGNESS = ['NONE', 'OCCASIONAL', 'FREQUENT'] as const;
export type TravelWillingness = (typeof TRAVEL_WILLINGNESS)[number];

/** How actively a person looks: recruiters see it, and search may favour those actively looking. */
export const JOB_SEARCH_STATUSES = ['ACTIVELY_LOOKING', 'OPEN_TO_OFFERS', 'NOT_LOOKING'] as const;
export type JobSearchStatus = (typeof JOB_SEARCH_STATUSES)[number];

/** Whether an IT-services firm can staff its consultant on a new mission. */
export const CONSULTANT_AVAILABILITIES = ['AVAILABLE', 'ON_MISSION', 'UNAVAILABLE'] as const;
export type ConsultantAvailability = (typeof CONSULTANT_AVAILABILITIES)[number];

/** Negative when `level` is below `other`, zero when equal, positive when above (usable with `sort`). */
export function compareCefrLevels(level: CefrLevel, other: CefrLevel): number {
  return CEFR_LEVELS.indexOf(level) - CEFR_LEVELS.indexOf(other);
}

/** Whether a speaker at `level` satisfies a requirement of `required` (a C1 speaker meets "B2 or better"). */
export function meetsCefrLevel(level: CefrLevel, required: CefrLevel): boolean {
  return compareCefrLevels(level, required) >= 0;
}

export function isCefrLevel(value: string): value is CefrLevel {
  return (CEFR_LEVELS as readonly string[]).includes(value);
}

/** Languages as a CV lists them: the most fluent first, then by language code. */
export function byDescendingProficiency(
  language: { readonly code: string; readonly level: CefrLevel },
  other: { readonly code: string; readonly level: CefrLevel },
): number {
  return compareCefrLevels(other.level, language.level) || language.code.localeCompare(other.code, 'en');
}
