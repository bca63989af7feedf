import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090941_initial extends Migration {
  override name = 'Migration20261123090941_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "offers" ("id" uuid not null, "organization_id" uuid not null, "author_id" uuid null, "kind" text not null, "title" varchar(200) not null, "description" text not null, "contract_type" text null, "city" varchar(120) null, "country_code" varchar(2) null, "remote_policy" text not null, "salary_minimum" numeric(14,4) null, "salary_maximum" numeric(14,4) null, "salary_currency" varchar(3) null, "salary_period" text null, "required_skills" text[] not null, "nice_to_have_skills" text[] not null, "skill_keys" text[] not null, "min_years_of_experience" int not null, "status" text not null, "published_at" timestamptz null, "expires_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "offers_organization_id_published_at_id_index" on "offers" ("organization_id", "published_at" DESC, "id");`,
    );
    this.addSql(
      `create index "offers_status_published_at_id_index" on "offers" ("status", "published_at" DESC, "id");`,
    );
    this.addSql(`create index "offers_skill_keys_index" on "offers" using gin ("skill_keys");`);

    this.addSql(
      `alter table "offers" add constraint "offers_published_has_date_check" check (status = 'DRAFT' or published_at is not null);`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_scholarship_without_contract_check" check ((kind = 'SCHOLARSHIP') = (contract_type is null));`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_city_has_country_check" check (city is null or country_code is not null);`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_experience_not_negative_check" check (min_years_of_experience >= 0);`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_salary_range_check" check (((salary_minimum IS NULL) AND (salary_maximum IS NULL) AND (salary_currency IS NULL) AND (salary_period IS NULL)) OR ((salary_minimum > (0)::numeric) AND (salary_maximum >= salary_minimum) AND (salary_currency ~ '^[A-Z]{3}\$'::text) AND (salary_period IS NOT NULL)));`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_kind_check" check ("kind" in ('JOB', 'INTERNSHIP', 'FREELANCE_MISSION', 'SCHOLARSHIP'));`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_contract_type_check" check ("contract_type" in ('PERMANENT', 'FIXED_TERM', 'INTERNSHIP', 'APPRENTICESHIP', 'FREELANCE'));`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_remote_policy_check" check ("remote_policy" in ('ONSITE', 'HYBRID', 'REMOTE'));`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_salary_period_check" check ("salary_period" in ('YEAR', 'MONTH', 'DAY', 'HOUR'));`,
    );
    this.addSql(
      `alter table "offers" add constraint "offers_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'CLOSED', 'EXPIRED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "offers" cascade;`);
  }
}
