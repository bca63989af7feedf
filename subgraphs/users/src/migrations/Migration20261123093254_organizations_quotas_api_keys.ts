import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093254_organizations_quotas_api_keys extends Migration {
  override name = 'Migration20261123093254_organizations_quotas_api_keys';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "quota_usages" ("id" uuid not null, "organization_id" uuid not null, "metric" text not null, "period" varchar(7) not null, "used" int not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "quota_usages" add constraint "quota_usages_organization_id_metric_period_unique" unique ("organization_id", "metric", "period");`,
    );

    this.addSql(
      `create table "sessions" ("id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_refreshed_at" timestamptz null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "end_reason" text null, "user_agent" varchar(400) null, "ip_address" varchar(64) null, primary key ("id"));`,
    );
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);

    this.addSql(
      `create table "refresh_tokens" ("id" uuid not null, "session_id" uuid not null, "token_hash" varchar(64) not null, "issued_at" timestamptz not null, "spent_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "refresh_tokens_session_id_index" on "refresh_tokens" ("session_id");`);
    this.addSql(
      `alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "organization_invitations" ("id" uuid not null, "organization_id" uuid not null, "email" varchar(320) not null, "role" text not null, "token_hash" varchar(64) not null, "invited_by_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by_id" uuid null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "organization_invitations" add constraint "organization_invitations_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "organization_invitations_organization_id_email_index" on "organization_invitations" ("organization_id", "email");`,
    );

    this.addSql(
      `create table "api_keys" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(100) not null, "key_id" varchar(16) not null, "secret_hash" varchar(64) not null, "created_by_id" uuid null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "api_keys_organization_id_index" on "api_keys" ("organization_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_key_id_unique" unique ("key_id");`);

    this.addSql(`alter table "organizations" add "plan" text not null default 'FREE';`);
    this.addSql(
      `alter table "organizations" add constraint "organizations_plan_check" check ("plan" in ('FREE', 'PRO', 'ENTERPRISE'));`,
    );

    this.addSql(
      `alter table "users" add "password_hash" text null, add "email_verified_at" timestamptz null, add "disabled_at" timestamptz null, add "totp_secret_sealed" text null, add "totp_pending_secret_sealed" text null, add "totp_enabled_at" timestamptz null, add "totp_last_used_step" int null;`,
    );

    this.addSql(
      `alter table "quota_usages" add constraint "quota_usages_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "quota_usages" add constraint "quota_usages_used_check" check (used >= 0);`);
    this.addSql(
      `alter table "quota_usages" add constraint "quota_usages_metric_check" check ("metric" in ('PROFILE_UNLOCKS', 'ACTIVE_OFFERS', 'API_CALLS'));`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "sessions" add constraint "sessions_end_reason_check" check ("end_reason" in ('LOGOUT', 'LOGOUT_EVERYWHERE', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'REFRESH_TOKEN_REUSE'));`,
    );

    this.addSql(
      `alter table "refresh_tokens" add constraint "refresh_tokens_session_id_foreign" foreign key ("session_id") references "sessions" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "organization_invitations" add constraint "organization_invitations_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "organization_invitations" add constraint "organization_invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "organization_invitations" add constraint "organization_invitations_accepted_by_id_foreign" foreign key ("accepted_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "organization_invitations" add constraint "organization_invitations_role_check" check ("role" in ('ADMIN', 'RECRUITER'));`,
    );

    this.addSql(
      `alter table "api_keys" add constraint "api_keys_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "refresh_tokens" drop constraint "refresh_tokens_session_id_foreign";`);

    this.addSql(`drop table if exists "quota_usages" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);
    this.addSql(`drop table if exists "refresh_tokens" cascade;`);
    this.addSql(`drop table if exists "organization_invitations" cascade;`);
    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`alter table "organizations" drop constraint "organizations_plan_check";`);
    this.addSql(`alter table "organizations" drop column "plan";`);

    this.addSql(
      `alter table "users" drop column "password_hash", drop column "email_verified_at", drop column "disabled_at", drop column "totp_secret_sealed", drop column "totp_pending_secret_sealed", drop column "totp_enabled_at", drop column "totp_last_used_step";`,
    );
  }
}
