import { Migration } from '@mikro-orm/migrations';

export class Migration20261206040629_profile_model extends Migration {
  override name = 'Migration20261206040629_profile_model';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "profile_onboarding_steps" ("profile_id" uuid not null, "step" text not null, "draft" jsonb null, "draft_saved_at" timestamptz null, "completed_at" timestamptz null, primary key ("profile_id", "step"));`,
    );

    this.addSql(
      `create table "profile_experiences" ("id" uuid not null, "profile_id" uuid not null, "organization_name" varchar(160) not null, "title" varchar(160) not null, "contract_type" text null, "city" varchar(120) null, "country_code" varchar(2) null, "start_date" date not null, "end_date" date null, "description" text null, "skill_ids" text[] not null default '{}', primary key ("id"));`,
    );
    this.addSql(
      `create index "profile_experiences_profile_id_index" on "profile_experiences" ("profile_id");`,
    );
    this.addSql(
      `create index "profile_experiences_skill_ids_index" on "profile_experiences" using gin ("skill_ids");`,
    );

    this.addSql(
      `create table "profile_education" ("id" uuid not null, "profile_id" uuid not null, "institution" varchar(160) not null, "degree" varchar(160) null, "field_of_study" varchar(160) null, "level" text not null, "start_date" date not null, "end_date" date null, "description" text null, primary key ("id"));`,
    );
    this.addSql(`create index "profile_education_profile_id_index" on "profile_education" ("profile_id");`);

    this.addSql(
      `create table "profile_certifications" ("id" uuid not null, "profile_id" uuid not null, "name" varchar(160) not null, "issuer" varchar(160) not null, "issued_on" date not null, "expires_on" date null, "credential_id" varchar(120) null, "credential_url" varchar(500) null, primary key ("id"));`,
    );
    this.addSql(
      `create index "profile_certifications_profile_id_index" on "profile_certifications" ("profile_id");`,
    );

    this.addSql(
      `create table "profile_reviews" ("id" uuid not null, "profile_id" uuid not null, "reviewer_id" uuid not null, "claimed_at" timestamptz not null, "ended_at" timestamptz null, "outcome" text null, "assessment" jsonb null, "reasons" text[] not null default '{}', "comment" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "profile_reviews_profile_id_claimed_at_index" on "profile_reviews" ("profile_id", "claimed_at");`,
    );

    this.addSql(
      `alter table "profiles" add "latitude" numeric(9,6) null, add "longitude" numeric(9,6) null, add "desired_titles" text[] not null default '{}', add "salary_minimum" numeric(14,4) null, add "salary_maximum" numeric(14,4) null, add "salary_currency" varchar(3) null, add "salary_period" text null, add "sectors" text[] not null default '{}', add "company_sizes" text[] not null default '{}', add "willing_to_relocate" boolean not null default false, add "relocation_countries" text[] not null default '{}', add "max_commute_minutes" smallint null, add "travel_willingness" text null, add "notice_period_weeks" smallint null, add "work_authorizations" text[] not null default '{}', add "job_search_status" text not null default 'OPEN_TO_OFFERS', add "discoverable" boolean not null default true, add "hidden_from_organization_ids" text[] not null default '{}', add "organization_id" uuid null, add "daily_rate_amount" numeric(14,4) null, add "daily_rate_currency" varchar(3) null, add "consultant_availability" text null, add "mentor_expertise" text[] not null default '{}', add "mentoring_years" smallint null, add "hourly_rate_amount" numeric(14,4) null, add "hourly_rate_currency" varchar(3) null, add "rating_average" numeric(3,2) null, add "rating_count" int not null default 0, add "submitted_at" timestamptz null, add "revision" int not null default 1, add "completion" smallint not null default 0;`,
    );
    this.addSql(`alter table "profiles" alter column "remote_preference" drop not null;`);
    this.addSql(`alter table "profiles" alter column "years_of_experience" drop not null;`);
    this.addSql(`alter table "profiles" alter column "desired_contract_types" set default '{}';`);
    this.addSql(`create index "profiles_review_queue_index" on "profiles" ("status", "submitted_at", "id");`);
    this.addSql(`create index "profiles_organization_id_index" on "profiles" ("organization_id");`);
    this.addSql(
      `create index "profiles_desired_contract_types_index" on "profiles" using gin ("desired_contract_types");`,
    );
    this.addSql(`create index "profiles_sectors_index" on "profiles" using gin ("sectors");`);
    this.addSql(
      `alter table "profiles" add constraint "profiles_sectors_check" check (sectors <@ array['SOFTWARE_AND_INTERNET', 'IT_SERVICES', 'FINANCE_AND_BANKING', 'INSURANCE', 'HEALTHCARE', 'PHARMA_AND_BIOTECH', 'ENERGY_AND_UTILITIES', 'MANUFACTURING_AND_INDUSTRY', 'AUTOMOTIVE_AND_MOBILITY', 'AEROSPACE_AND_DEFENSE', 'RETAIL_AND_ECOMMERCE', 'LOGISTICS_AND_TRANSPORT', 'TELECOMMUNICATIONS', 'MEDIA_AND_ENTERTAINMENT', 'GAMING', 'EDUCATION_AND_RESEARCH', 'PUBLIC_SECTOR', 'NON_PROFIT', 'CONSULTING', 'REAL_ESTATE_AND_CONSTRUCTION', 'HOSPITALITY_AND_TOURISM', 'AGRICULTURE_AND_FOOD']::text[]);`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_company_sizes_check" check (company_sizes <@ array['MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE']::text[]);`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_coordinates_check" check (((latitude IS NULL) = (longitude IS NULL)) AND ((latitude IS NULL) OR ((abs(latitude) <= (90)::numeric) AND (abs(longitude) <= (180)::numeric))));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_city_has_country_check" check ((city IS NULL) OR (country_code IS NOT NULL));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_salary_check" check (((salary_minimum IS NULL) AND (salary_maximum IS NULL) AND (salary_currency IS NULL) AND (salary_period IS NULL)) OR ((salary_minimum > (0)::numeric) AND ((salary_maximum IS NULL) OR (salary_maximum >= salary_minimum)) AND (salary_currency ~ '^[A-Z]{3}'::text) AND (salary_period IS NOT NULL)));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_consultant_columns_check" check (((kind = 'CONSULTANT'::text) = (organization_id IS NOT NULL)) AND ((kind = 'CONSULTANT'::text) OR ((daily_rate_amount IS NULL) AND (consultant_availability IS NULL))));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_daily_rate_check" check ((daily_rate_amount IS NULL) = (daily_rate_currency IS NULL));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_mentor_columns_check" check ((kind = 'MENTOR'::text) OR ((cardinality(mentor_expertise) = 0) AND (mentoring_years IS NULL) AND (hourly_rate_amount IS NULL)));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_hourly_rate_check" check ((hourly_rate_amount IS NULL) = (hourly_rate_currency IS NULL));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_rating_check" check (((rating_count = 0) AND (rating_average IS NULL)) OR ((rating_count > 0) AND (rating_average >= (1)::numeric) AND (rating_average <= (5)::numeric)));`,
    );
    // Profiles submitted before submission dates were kept wait in the queue from their last change.
    this.addSql(`update "profiles" set "submitted_at" = "updated_at" where "status" <> 'DRAFT';`);
    this.addSql(
      `alter table "profiles" add constraint "profiles_submitted_at_check" check ((status = 'DRAFT'::text) OR (submitted_at IS NOT NULL));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_salary_period_check" check ("salary_period" in ('YEAR', 'MONTH', 'DAY', 'HOUR'));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_travel_willingness_check" check ("travel_willingness" in ('NONE', 'OCCASIONAL', 'FREQUENT'));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_job_search_status_check" check ("job_search_status" in ('ACTIVELY_LOOKING', 'OPEN_TO_OFFERS', 'NOT_LOOKING'));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_consultant_availability_check" check ("consultant_availability" in ('AVAILABLE', 'ON_MISSION', 'UNAVAILABLE'));`,
    );

    this.addSql(`alter table "profile_skills" drop constraint "profile_skills_profile_id_name_key_unique";`);
    // Skills stored before the taxonomy keep their name key as id (shown by their stored name) and an
    // intermediate level until the person sets their skills again.
    this.addSql(`alter table "profile_skills" add "skill_id" varchar(100) null, add "level" text null;`);
    this.addSql(`update "profile_skills" set "skill_id" = "name_key", "level" = 'INTERMEDIATE';`);
    this.addSql(
      `alter table "profile_skills" alter column "skill_id" set not null, alter column "level" set not null;`,
    );
    this.addSql(`create index "profile_skills_skill_id_index" on "profile_skills" ("skill_id");`);
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_profile_id_skill_id_unique" unique ("profile_id", "skill_id");`,
    );
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_level_check" check ("level" in ('BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'));`,
    );

    this.addSql(
      `alter table "profile_onboarding_steps" add constraint "profile_onboarding_steps_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_onboarding_steps" add constraint "profile_onboarding_steps_step_check" check ("step" in ('BASICS', 'EXPERIENCE', 'EDUCATION', 'SKILLS', 'LANGUAGES', 'PREFERENCES', 'CV', 'REVIEW'));`,
    );

    this.addSql(
      `alter table "profile_experiences" add constraint "profile_experiences_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_experiences" add constraint "profile_experiences_period_check" check ((end_date IS NULL) OR (end_date >= start_date));`,
    );
    this.addSql(
      `alter table "profile_experiences" add constraint "profile_experiences_city_has_country_check" check ((city IS NULL) OR (country_code IS NOT NULL));`,
    );
    this.addSql(
      `alter table "profile_experiences" add constraint "profile_experiences_contract_type_check" check ("contract_type" in ('PERMANENT', 'FIXED_TERM', 'INTERNSHIP', 'APPRENTICESHIP', 'FREELANCE'));`,
    );

    this.addSql(
      `alter table "profile_education" add constraint "profile_education_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_education" add constraint "profile_education_period_check" check ((end_date IS NULL) OR (end_date >= start_date));`,
    );
    this.addSql(
      `alter table "profile_education" add constraint "profile_education_level_check" check ("level" in ('SECONDARY', 'VOCATIONAL', 'BACHELOR', 'MASTER', 'DOCTORATE', 'OTHER'));`,
    );

    this.addSql(
      `alter table "profile_certifications" add constraint "profile_certifications_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_certifications" add constraint "profile_certifications_expiry_check" check ((expires_on IS NULL) OR (expires_on > issued_on));`,
    );

    this.addSql(
      `alter table "profile_reviews" add constraint "profile_reviews_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_reviews" add constraint "profile_reviews_ended_check" check ((outcome IS NULL) = (ended_at IS NULL));`,
    );
    this.addSql(
      `alter table "profile_reviews" add constraint "profile_reviews_outcome_check" check ("outcome" in ('VALIDATED', 'REJECTED', 'RELEASED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "profile_onboarding_steps" cascade;`);
    this.addSql(`drop table if exists "profile_experiences" cascade;`);
    this.addSql(`drop table if exists "profile_education" cascade;`);
    this.addSql(`drop table if exists "profile_certifications" cascade;`);
    this.addSql(`drop table if exists "profile_reviews" cascade;`);

    this.addSql(`drop index "profile_skills_skill_id_index";`);
    this.addSql(`alter table "profile_skills" drop constraint "profile_skills_profile_id_skill_id_unique";`);
    this.addSql(`alter table "profile_skills" drop constraint "profile_skills_level_check";`);
    this.addSql(`alter table "profile_skills" drop column "skill_id", drop column "level";`);
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_profile_id_name_key_unique" unique ("profile_id", "name_key");`,
    );

    this.addSql(`drop index "profiles_review_queue_index";`);
    this.addSql(`drop index "profiles_organization_id_index";`);
    this.addSql(`drop index "profiles_desired_contract_types_index";`);
    this.addSql(`drop index "profiles_sectors_index";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_sectors_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_company_sizes_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_coordinates_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_city_has_country_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_salary_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_consultant_columns_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_daily_rate_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_mentor_columns_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_hourly_rate_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_rating_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_submitted_at_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_salary_period_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_travel_willingness_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_job_search_status_check";`);
    this.addSql(`alter table "profiles" drop constraint "profiles_consultant_availability_check";`);
    this.addSql(
      `alter table "profiles" drop column "latitude", drop column "longitude", drop column "desired_titles", drop column "salary_minimum", drop column "salary_maximum", drop column "salary_currency", drop column "salary_period", drop column "sectors", drop column "company_sizes", drop column "willing_to_relocate", drop column "relocation_countries", drop column "max_commute_minutes", drop column "travel_willingness", drop column "notice_period_weeks", drop column "work_authorizations", drop column "job_search_status", drop column "discoverable", drop column "hidden_from_organization_ids", drop column "organization_id", drop column "daily_rate_amount", drop column "daily_rate_currency", drop column "consultant_availability", drop column "mentor_expertise", drop column "mentoring_years", drop column "hourly_rate_amount", drop column "hourly_rate_currency", drop column "rating_average", drop column "rating_count", drop column "submitted_at", drop column "revision", drop column "completion";`,
    );
    this.addSql(`alter table "profiles" alter column "remote_preference" set not null;`);
    this.addSql(`alter table "profiles" alter column "years_of_experience" set not null;`);
    this.addSql(`alter table "profiles" alter column "desired_contract_types" drop default;`);
  }
}
