import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085154_initial extends Migration {
  override name = 'Migration20261123085154_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "profiles" ("id" uuid not null, "user_id" uuid not null, "kind" text not null, "headline" varchar(160) null, "summary" text null, "city" varchar(120) null, "country_code" varchar(2) null, "remote_preference" text not null, "years_of_experience" int not null, "desired_contract_types" text[] not null, "status" text not null default 'DRAFT', "available_from" date null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "profiles" add constraint "profiles_user_id_unique" unique ("user_id");`);
    this.addSql(`create index "profiles_listing_index" on "profiles" ("status", "updated_at" DESC, "id");`);

    this.addSql(
      `create table "profile_languages" ("id" uuid not null, "profile_id" uuid not null, "code" varchar(2) not null, "level" text not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "profile_languages" add constraint "profile_languages_profile_id_code_unique" unique ("profile_id", "code");`,
    );

    this.addSql(
      `create table "profile_skills" ("id" uuid not null, "profile_id" uuid not null, "name" varchar(100) not null, "name_key" varchar(100) not null, "years_of_experience" int not null, "position" smallint not null, primary key ("id"));`,
    );
    this.addSql(`create index "profile_skills_name_key_index" on "profile_skills" ("name_key");`);
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_profile_id_name_key_unique" unique ("profile_id", "name_key");`,
    );
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_profile_id_position_unique" unique ("profile_id", "position");`,
    );

    this.addSql(
      `alter table "profiles" add constraint "profiles_years_of_experience_check" check ((years_of_experience >= 0) AND (years_of_experience <= 60));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_desired_contract_types_check" check (desired_contract_types <@ array['PERMANENT', 'FIXED_TERM', 'INTERNSHIP', 'APPRENTICESHIP', 'FREELANCE']::text[]);`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_kind_check" check ("kind" in ('CANDIDATE', 'MENTOR', 'CONSULTANT'));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_remote_preference_check" check ("remote_preference" in ('ONSITE', 'HYBRID', 'REMOTE'));`,
    );
    this.addSql(
      `alter table "profiles" add constraint "profiles_status_check" check ("status" in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'VALIDATED', 'REJECTED'));`,
    );

    this.addSql(
      `alter table "profile_languages" add constraint "profile_languages_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_languages" add constraint "profile_languages_code_check" check (code ~ '^[a-z]{2}');`,
    );
    this.addSql(
      `alter table "profile_languages" add constraint "profile_languages_level_check" check ("level" in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'));`,
    );

    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_skills" add constraint "profile_skills_years_of_experience_check" check ((years_of_experience >= 0) AND (years_of_experience <= 60));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "profile_languages" drop constraint "profile_languages_profile_id_foreign";`);
    this.addSql(`alter table "profile_skills" drop constraint "profile_skills_profile_id_foreign";`);

    this.addSql(`drop table if exists "profiles" cascade;`);
    this.addSql(`drop table if exists "profile_languages" cascade;`);
    this.addSql(`drop table if exists "profile_skills" cascade;`);
  }
}
