import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093616_social_login extends Migration {
  override name = 'Migration20261123093616_social_login';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "social_login_attempts" ("id" uuid not null, "provider" varchar(32) not null, "state_hash" varchar(64) not null, "sealed_secrets" text not null, "redirect_uri" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "social_login_attempts" add constraint "social_login_attempts_state_hash_unique" unique ("state_hash");`,
    );
    this.addSql(
      `create index "social_login_attempts_expires_at_index" on "social_login_attempts" ("expires_at");`,
    );

    this.addSql(
      `create table "social_identities" ("id" uuid not null, "provider" varchar(32) not null, "subject" varchar(255) not null, "user_id" uuid not null, "email" varchar(320) not null, "linked_at" timestamptz not null, "last_sign_in_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "social_identities" add constraint "social_identities_provider_subject_unique" unique ("provider", "subject");`,
    );
    this.addSql(
      `alter table "social_identities" add constraint "social_identities_user_id_provider_unique" unique ("user_id", "provider");`,
    );

    this.addSql(
      `alter table "social_identities" add constraint "social_identities_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "social_login_attempts" cascade;`);
    this.addSql(`drop table if exists "social_identities" cascade;`);
  }
}
