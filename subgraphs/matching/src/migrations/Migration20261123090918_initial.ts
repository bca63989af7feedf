import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090918_initial extends Migration {
  override name = 'Migration20261123090918_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "offer_snapshots" ("id" uuid not null, "organization_id" uuid not null, "kind" text not null, "required_skills" text[] not null, "nice_to_have_skills" text[] not null, "min_years_of_experience" int not null, "city" varchar(120) null, "country_code" varchar(2) null, "remote_policy" text not null, "contract_type" text null, "status" text not null, "synced_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "offer_snapshots_status_index" on "offer_snapshots" ("status");`);

    this.addSql(
      `create table "profile_snapshots" ("id" uuid not null, "user_id" uuid not null, "kind" text not null, "skills" jsonb not null, "years_of_experience" int not null, "city" varchar(120) null, "country_code" varchar(2) null, "remote_preference" text not null, "desired_contract_types" text[] not null, "languages" jsonb not null, "status" text not null, "synced_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "profile_snapshots_status_index" on "profile_snapshots" ("status");`);

    this.addSql(
      `create table "matches" ("id" uuid not null, "profile_id" uuid not null, "offer_id" uuid not null, "score" int not null, "criteria" jsonb not null, "status" text not null default 'SUGGESTED', "computed_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "matches_profile_id_score_index" on "matches" ("profile_id", "score");`);
    this.addSql(`create index "matches_offer_id_score_index" on "matches" ("offer_id", "score");`);
    this.addSql(
      `alter table "matches" add constraint "matches_profile_id_offer_id_unique" unique ("profile_id", "offer_id");`,
    );

    this.addSql(
      `alter table "offer_snapshots" add constraint "offer_snapshots_min_years_of_experience_check" check (min_years_of_experience >= 0);`,
    );
    this.addSql(
      `alter table "offer_snapshots" add constraint "offer_snapshots_kind_check" check ("kind" in ('JOB', 'INTERNSHIP', 'FREELANCE_MISSION', 'SCHOLARSHIP'));`,
    );
    this.addSql(
      `alter table "offer_snapshots" add constraint "offer_snapshots_remote_policy_check" check ("remote_policy" in ('ONSITE', 'HYBRID', 'REMOTE'));`,
    );
    this.addSql(
      `alter table "offer_snapshots" add constraint "offer_snapshots_contract_type_check" check ("contract_type" in ('PERMANENT', 'FIXED_TERM', 'INTERNSHIP', 'APPRENTICESHIP', 'FREELANCE'));`,
    );
    this.addSql(
      `alter table "offer_snapshots" add constraint "offer_snapshots_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'CLOSED', 'EXPIRED'));`,
    );

    this.addSql(
      `alter table "profile_snapshots" add constraint "profile_snapshots_years_of_experience_check" check (years_of_experience >= 0);`,
    );
    this.addSql(
      `alter table "profile_snapshots" add constraint "profile_snapshots_desired_contract_types_check" check (desired_contract_types <@ array['PERMANENT', 'FIXED_TERM', 'INTERNSHIP', 'APPRENTICESHIP', 'FREELANCE']::text[]);`,
    );
    this.addSql(
      `alter table "profile_snapshots" add constraint "profile_snapshots_kind_check" check ("kind" in ('CANDIDATE', 'MENTOR', 'CONSULTANT'));`,
    );
    this.addSql(
      `alter table "profile_snapshots" add constraint "profile_snapshots_remote_preference_check" check ("remote_preference" in ('ONSITE', 'HYBRID', 'REMOTE'));`,
    );
    this.addSql(
      `alter table "profile_snapshots" add constraint "profile_snapshots_status_check" check ("status" in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'VALIDATED', 'REJECTED'));`,
    );

    this.addSql(
      `alter table "matches" add constraint "matches_profile_id_foreign" foreign key ("profile_id") references "profile_snapshots" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "matches" add constraint "matches_offer_id_foreign" foreign key ("offer_id") references "offer_snapshots" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "matches" add constraint "matches_score_check" check ((score >= 0) AND (score <= 100));`,
    );
    this.addSql(
      `alter table "matches" add constraint "matches_status_check" check ("status" in ('SUGGESTED', 'SHORTLISTED', 'DISMISSED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "matches" drop constraint "matches_offer_id_foreign";`);
    this.addSql(`alter table "matches" drop constraint "matches_profile_id_foreign";`);

    this.addSql(`drop table if exists "offer_snapshots" cascade;`);
    this.addSql(`drop table if exists "profile_snapshots" cascade;`);
    this.addSql(`drop table if exists "matches" cascade;`);
  }
}
