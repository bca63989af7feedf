import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084117_initial extends Migration {
  override name = 'Migration20261123084117_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "organizations" ("id" uuid not null, "name" varchar(160) not null, "slug" varchar(80) not null, "kind" text not null, "description" text null, "website" text null, "city" varchar(120) null, "country_code" varchar(2) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "organizations" add constraint "organizations_slug_unique" unique ("slug");`);
    this.addSql(`create index "organizations_kind_index" on "organizations" ("kind");`);

    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(320) not null, "display_name" varchar(120) not null, "roles" text[] not null, "locale" text not null default 'EN', "avatar_url" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "memberships" ("id" uuid not null, "user_id" uuid not null, "organization_id" uuid not null, "role" text not null, "joined_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "memberships_organization_id_index" on "memberships" ("organization_id");`);
    this.addSql(
      `alter table "memberships" add constraint "memberships_user_id_organization_id_unique" unique ("user_id", "organization_id");`,
    );

    this.addSql(
      `alter table "organizations" add constraint "organizations_kind_check" check ("kind" in ('COMPANY', 'IT_SERVICES', 'SCHOOL', 'SCHOLARSHIP_PROVIDER'));`,
    );

    this.addSql(`alter table "users" add constraint "users_locale_check" check ("locale" in ('EN', 'FR'));`);

    this.addSql(
      `alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_role_check" check ("role" in ('OWNER', 'ADMIN', 'RECRUITER'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "memberships" drop constraint "memberships_organization_id_foreign";`);
    this.addSql(`alter table "memberships" drop constraint "memberships_user_id_foreign";`);

    this.addSql(`drop table if exists "organizations" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "memberships" cascade;`);
  }
}
