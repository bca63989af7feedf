import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094016_email_outbox_account_tokens extends Migration {
  override name = 'Migration20261123094016_email_outbox_account_tokens';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "email_outbox" ("id" uuid not null, "recipient" varchar(320) not null, "locale" text not null, "template" varchar(64) not null, "subject" varchar(300) not null, "body_sealed" text null, "status" text not null, "transport" text null, "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "next_attempt_at" timestamptz not null, "sent_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "email_outbox_status_next_attempt_at_index" on "email_outbox" ("status", "next_attempt_at");`,
    );
    this.addSql(
      `create index "email_outbox_recipient_created_at_index" on "email_outbox" ("recipient", "created_at");`,
    );

    this.addSql(
      `create table "account_tokens" ("id" uuid not null, "user_id" uuid not null, "purpose" text not null, "token_hash" varchar(64) not null, "email" varchar(320) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "account_tokens_user_id_index" on "account_tokens" ("user_id");`);
    this.addSql(
      `alter table "account_tokens" add constraint "account_tokens_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "email_outbox" add constraint "email_outbox_locale_check" check ("locale" in ('EN', 'FR'));`,
    );
    this.addSql(
      `alter table "email_outbox" add constraint "email_outbox_status_check" check ("status" in ('PENDING', 'SENT', 'FAILED'));`,
    );
    this.addSql(
      `alter table "email_outbox" add constraint "email_outbox_transport_check" check ("transport" in ('SMTP', 'DEV_MAILBOX'));`,
    );

    this.addSql(
      `alter table "account_tokens" add constraint "account_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "account_tokens" add constraint "account_tokens_purpose_check" check ("purpose" in ('EMAIL_VERIFICATION', 'PASSWORD_RESET'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "email_outbox" cascade;`);
    this.addSql(`drop table if exists "account_tokens" cascade;`);
  }
}
