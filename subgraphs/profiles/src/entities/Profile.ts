import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  COMPANY_SIZES,
  CONSULTANT_AVAILABILITIES,
  CONTRACT_TYPES,
  JOB_SEARCH_STATUSES,
  MAX_YEARS_OF_EXPERIENCE,
  PAY_PERIODS,
  PROFILE_KINDS,
  PROFILE_STATUSES,
  REMOTE_PREFERENCES,
  SECTORS,
  TRAVEL_WILLINGNESS,
  type CompanySize,
  type ContractType,
  type Sector,
} from '../domain/profile.ts';
import { CertificationSchema } from './Certification.ts';
import { EducationSchema } from './Education.ts';
import { ExperienceSchema } from './Experience.ts';
import { LanguageSkillSchema } from './LanguageSkill.ts';
import { ProfileSkillSchema } from './ProfileSkill.ts';
import { ProfileUnlockSchema } from './ProfileUnlock.ts';

const textArrayOf = (values: readonly string[]) =>
  `array[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;

/**
 * One row per profile, whatever its kind: what every profile has, the job preferences as columns (each a
 * filter of recruiter search: an array column with a GIN index where a filter asks "any of"), and the
 * columns of consultants and mentors, null for the other kinds (checks keep each kind's columns to it).
 * Experiences, education, certifications, skills and languages live in child tables, read in one batched
 * query per table for all the profiles of a request.
 */
export const ProfileSchema = defineEntity({
  name: 'Profile',
  tableName: 'profiles',
  indexes: [
    {
      name: 'profiles_listing_index',
      columns: [{ name: 'status' }, { name: 'updated_at', sort: 'desc' }, { name: 'id' }],
    },
    // The review queue: oldest submission first within a status.
    { name: 'profiles_review_queue_index', properties: ['status', 'submittedAt', 'id'] },
    { properties: ['organizationId'] },
    { properties: ['desiredContractTypes'], type: 'gin' },
    { properties: ['sectors'], type: 'gin' },
  ],
  checks: [
    {
      name: 'profiles_years_of_experience_check',
      // Written as PostgreSQL prints it back, so the next migration diff does not see a change.
      expression: `(years_of_experience >= 0) AND (years_of_experience <= ${MAX_YEARS_OF_EXPERIENCE})`,
    },
    {
      name: 'profiles_desired_contract_types_check',
      expression: `desired_contract_types <@ ${textArrayOf(CONTRACT_TYPES)}`,
    },
    { name: 'profiles_sectors_check', expression: `sectors <@ ${textArrayOf(SECTORS)}` },
    { name: 'profiles_company_sizes_check', expression: `company_sizes <@ ${textArrayOf(COMPANY_SIZES)}` },
    {
      name: 'profiles_coordinates_check',
      expression:
        '((latitude IS NULL) = (longitude IS NULL)) AND ((latitude IS NULL) OR ((abs(latitude) <= (90)::numeric) AND (abs(longitude) <= (180)::numeric)))',
    },
    { name: 'profiles_city_has_country_check', expression: '(city IS NULL) OR (country_code IS NOT NULL)' },
    {
      name: 'profiles_salary_check',
      expression:
        "((salary_minimum IS NULL) AND (salary_maximum IS NULL) AND (salary_currency IS NULL) AND (salary_period IS NULL)) OR ((salary_minimum > (0)::numeric) AND ((salary_maximum IS NULL) OR (salary_maximum >= salary_minimum)) AND (salary_currency ~ '^[A-Z]{3}'::text) AND (salary_period IS NOT NULL))",
    },
    {
      name: 'profiles_consultant_columns_check',
      expression:
        "((kind = 'CONSULTANT'::text) = (organization_id IS NOT NULL)) AND ((kind = 'CONSULTANT'::text) OR ((daily_rate_amount IS NULL) AND (consultant_availability IS NULL)))",
    },
    {
      name: 'profiles_daily_rate_check',
      expression: '(daily_rate_amount IS NULL) = (daily_rate_currency IS NULL)',
    },
    {
      name: 'profiles_mentor_columns_check',
      expression:
        "(kind = 'MENTOR'::text) OR ((cardinality(mentor_expertise) = 0) AND (mentoring_years IS NULL) AND (hourly_rate_amount IS NULL))",
    },
    {
      name: 'profiles_hourly_rate_check',
      expression: '(hourly_rate_amount IS NULL) = (hourly_rate_currency IS NULL)',
    },
    {
      name: 'profiles_rating_check',
      expression:
        '((rating_count = 0) AND (rating_average IS NULL)) OR ((rating_count > 0) AND (rating_average >= (1)::numeric) AND (rating_average <= (5)::numeric))',
    },
    {
      name: 'profiles_submitted_at_check',
      expression: "(status = 'DRAFT'::text) OR (submitted_at IS NOT NULL)",
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
    /** WGS 84 degrees (6 decimals: about 10 cm), when the person's app knew them; search by distance uses them. */
    latitude: p.decimal('number').precision(9).scale(6).nullable(),
    longitude: p.decimal('number').precision(9).scale(6).nullable(),
    remotePreference: p.enum(REMOTE_PREFERENCES).nullable(),
    yearsOfExperience: p.integer().nullable(),
    availableFrom: p.date().nullable(),

    desiredTitles: p.array().$type<string[]>().default([]),
    desiredContractTypes: p.array().$type<ContractType[]>().default([]),
    /** Exact decimals in the currency's major unit (packages/vocabulary/src/money.ts explains why). */
    salaryMinimum: p.decimal('string').precision(14).scale(4).nullable(),
    /** Null for "at least the minimum". */
    salaryMaximum: p.decimal('string').precision(14).scale(4).nullable(),
    salaryCurrency: p.string().length(3).nullable(),
    salaryPeriod: p.enum(PAY_PERIODS).nullable(),
    sectors: p.array().$type<Sector[]>().default([]),
    companySizes: p.array().$type<CompanySize[]>().default([]),
    willingToRelocate: p.boolean().default(false),
    relocationCountries: p.array().$type<string[]>().default([]),
    maxCommuteMinutes: p.smallint().nullable(),
    travelWillingness: p.enum(TRAVEL_WILLINGNESS).nullable(),
    noticePeriodWeeks: p.smallint().nullable(),
    /** Countries where the person may work without a visa. */
    workAuthorizations: p.array().$type<string[]>().default([]),
    jobSearchStatus: p.enum(JOB_SEARCH_STATUSES).default('OPEN_TO_OFFERS'),
    /** Whether recruiters may find the profile in search once it is validated. */
    discoverable: p.boolean().default(true),
    /** Organizations (ids of the users subgraph) that must never find the profile, e.g. the current employer. */
    hiddenFromOrganizationIds: p.array().$type<string[]>().default([]),

    /** A consultant's IT-services firm (users subgraph id); null for the other kinds. */
    organizationId: p.uuid().nullable(),
    dailyRateAmount: p.decimal('string').precision(14).scale(4).nullable(),
    dailyRateCurrency: p.string().length(3).nullable(),
    consultantAvailability: p.enum(CONSULTANT_AVAILABILITIES).nullable(),

    mentorExpertise: p.array().$type<string[]>().default([]),
    mentoringYears: p.smallint().nullable(),
    hourlyRateAmount: p.decimal('string').precision(14).scale(4).nullable(),
    hourlyRateCurrency: p.string().length(3).nullable(),
    /** Mean of the mentees' ratings (1–5); filled by mentoring feedback, never by the mentor. */
    ratingAverage: p.decimal('string').precision(3).scale(2).nullable(),
    ratingCount: p.integer().default(0),

    status: p.enum(PROFILE_STATUSES).default('DRAFT'),
    /** When the profile last entered SUBMITTED: the review queue serves the oldest first. */
    submittedAt: p.datetime().nullable(),
    /** Incremented by every change; events carry it so read models keep the latest state. */
    revision: p.integer().default(1),
    /** The completion gauge (domain/completion.ts), kept in step with every change. */
    completion: p.smallint().default(0),

    skills: () => p.oneToMany(ProfileSkillSchema).mappedBy('profile'),
    languages: () => p.oneToMany(LanguageSkillSchema).mappedBy('profile'),
    experiences: () => p.oneToMany(ExperienceSchema).mappedBy('profile'),
    education: () => p.oneToMany(EducationSchema).mappedBy('profile'),
    certifications: () => p.oneToMany(CertificationSchema).mappedBy('profile'),
    /** Organizations that unlocked the profile in recruiter search (src/unlocks). */
    unlocks: () => p.oneToMany(ProfileUnlockSchema).mappedBy('profile'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Profile = InferEntity<typeof ProfileSchema>;
