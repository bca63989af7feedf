import { Migration } from '@mikro-orm/migrations';

export class Migration20261206050608_recruiter_search extends Migration {
  override name = 'Migration20261206050608_recruiter_search';

  override up(): void | Promise<void> {
    // Full-text search in French and English with accents folded ("Réact" finds React): two text search
    // configurations, copies of PostgreSQL's own with unaccent before stemming (search/full-text.ts).
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create text search configuration profiles_en (copy = pg_catalog.english);`);
    this.addSql(
      `alter text search configuration profiles_en alter mapping for hword, hword_part, word with unaccent, english_stem;`,
    );
    this.addSql(`create text search configuration profiles_fr (copy = pg_catalog.french);`);
    this.addSql(
      `alter text search configuration profiles_fr alter mapping for hword, hword_part, word with unaccent, french_stem;`,
    );

    this.addSql(
      `create table "profile_search_documents" ("profile_id" uuid not null, "hit_id" uuid not null, "revision" int not null, "updated_at" timestamptz not null, "search_vector" tsvector not null, "skill_ids" text[] not null default '{}', "years_of_experience" smallint null, "geo" point null, "language_levels" text[] not null default '{}', "available_from" date null, "contract_types" text[] not null default '{}', "salary_currency" varchar(3) null, "salary_annual_minimum" numeric(16,2) null, "salary_annual_maximum" numeric(16,2) null, "hidden_from_organization_ids" text[] not null default '{}', "highlight_text" text not null, "card" jsonb not null, primary key ("profile_id"));`,
    );
    this.addSql(
      `alter table "profile_search_documents" add constraint "profile_search_documents_hit_id_unique" unique ("hit_id");`,
    );
    this.addSql(
      `create index "profile_search_documents_search_vector_index" on "profile_search_documents" using gin ("search_vector");`,
    );
    this.addSql(
      `create index "profile_search_documents_skill_ids_index" on "profile_search_documents" using gin ("skill_ids");`,
    );
    this.addSql(
      `create index "profile_search_documents_language_levels_index" on "profile_search_documents" using gin ("language_levels");`,
    );
    this.addSql(
      `create index "profile_search_documents_contract_types_index" on "profile_search_documents" using gin ("contract_types");`,
    );
    this.addSql(
      `create index "profile_search_documents_geo_index" on "profile_search_documents" using gist ("geo");`,
    );
    this.addSql(
      `create index "profile_search_documents_recent_index" on "profile_search_documents" ("updated_at" DESC, "profile_id");`,
    );
    this.addSql(
      `create index "profile_search_documents_years_of_experience_index" on "profile_search_documents" ("years_of_experience");`,
    );
    this.addSql(
      `create index "profile_search_documents_available_from_index" on "profile_search_documents" ("available_from");`,
    );
    this.addSql(
      `create index "profile_search_documents_salary_index" on "profile_search_documents" ("salary_currency", "salary_annual_minimum");`,
    );

    this.addSql(
      `create table "profile_unlocks" ("id" uuid not null, "profile_id" uuid not null, "organization_id" uuid not null, "unlocked_by" uuid null, "unlocked_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "profile_unlocks_profile_id_index" on "profile_unlocks" ("profile_id");`);
    this.addSql(`create index "profile_unlocks_unlocked_by_index" on "profile_unlocks" ("unlocked_by");`);
    this.addSql(
      `alter table "profile_unlocks" add constraint "profile_unlocks_organization_id_profile_id_unique" unique ("organization_id", "profile_id");`,
    );

    this.addSql(
      `alter table "profile_search_documents" add constraint "profile_search_documents_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "profile_unlocks" add constraint "profile_unlocks_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "profile_search_documents" cascade;`);
    this.addSql(`drop table if exists "profile_unlocks" cascade;`);
    this.addSql(`drop text search configuration if exists profiles_en;`);
    this.addSql(`drop text search configuration if exists profiles_fr;`);
  }
}
