import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122544_notifications_audit_log extends Migration {
  override name = 'Migration20261123122544_notifications_audit_log';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_log" ("id" uuid not null, "occurred_at" timestamptz not null, "actor_kind" text not null, "actor_id" varchar(200) null, "action" varchar(100) not null, "target_type" varchar(64) null, "target_id" varchar(200) null, "subgraph" varchar(32) not null, "request_id" varchar(128) null, "ip" varchar(64) null, "details" jsonb not null, "event_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`alter table "audit_log" add constraint "audit_log_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "audit_log_occurred_at_id_index" on "audit_log" ("occurred_at", "id");`);
    this.addSql(
      `create index "audit_log_actor_id_occurred_at_id_index" on "audit_log" ("actor_id", "occurred_at", "id");`,
    );
    this.addSql(
      `create index "audit_log_action_occurred_at_id_index" on "audit_log" ("action", "occurred_at", "id");`,
    );
    this.addSql(
      `create index "audit_log_target_type_target_id_occurred_at_id_index" on "audit_log" ("target_type", "target_id", "occurred_at", "id");`,
    );
    this.addSql(
      `create index "audit_log_subgraph_occurred_at_id_index" on "audit_log" ("subgraph", "occurred_at", "id");`,
    );

    this.addSql(
      `create table "notification_preferences" ("id" uuid not null, "user_id" uuid not null, "type" text not null, "in_app" boolean not null, "email" boolean not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "notification_preferences" add constraint "notification_preferences_user_id_type_unique" unique ("user_id", "type");`,
    );

    this.addSql(
      `create table "notifications" ("id" uuid not null, "recipient_id" uuid not null, "type" text not null, "locale" text not null, "title" varchar(200) not null, "body" text not null, "link" varchar(500) null, "data" jsonb not null, "idempotency_key" varchar(200) not null, "in_app" boolean not null, "email_message_id" uuid null, "created_at" timestamptz not null, "read_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "notifications_recipient_id_created_at_id_index" on "notifications" ("recipient_id", "created_at", "id");`,
    );
    this.addSql(
      `alter table "notifications" add constraint "notifications_recipient_id_idempotency_key_unique" unique ("recipient_id", "idempotency_key");`,
    );

    this.addSql(
      `alter table "audit_log" add constraint "audit_log_actor_kind_check" check ("actor_kind" in ('USER', 'PARTNER', 'SYSTEM', 'ANONYMOUS'));`,
    );
    this.addSql(
      `create or replace function "audit_log_audit_log_append_only_fn"() returns trigger as \$\$ begin raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "audit_log_append_only" BEFORE UPDATE OR DELETE on "audit_log" for each ROW execute function "audit_log_audit_log_append_only_fn"();`,
    );
    // Written by hand: TRUNCATE skips row triggers, so the append-only guarantee needs a statement
    // trigger too (information_schema does not list TRUNCATE triggers, so the schema diff never sees it).
    this.addSql(
      `create trigger "audit_log_no_truncate" BEFORE TRUNCATE on "audit_log" for each STATEMENT execute function "audit_log_audit_log_append_only_fn"();`,
    );

    this.addSql(
      `alter table "notification_preferences" add constraint "notification_preferences_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "notification_preferences" add constraint "notification_preferences_type_check" check ("type" in ('ORGANIZATION_INVITATION', 'PROFILE_DECISION', 'NEW_COMMENT_ON_MY_POST', 'MENTION', 'MATCH_FOUND', 'EVENT_REMINDER', 'SYSTEM'));`,
    );

    this.addSql(
      `alter table "notifications" add constraint "notifications_recipient_id_foreign" foreign key ("recipient_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "notifications" add constraint "notifications_email_message_id_foreign" foreign key ("email_message_id") references "email_outbox" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "notifications" add constraint "notifications_type_check" check ("type" in ('ORGANIZATION_INVITATION', 'PROFILE_DECISION', 'NEW_COMMENT_ON_MY_POST', 'MENTION', 'MATCH_FOUND', 'EVENT_REMINDER', 'SYSTEM'));`,
    );
    this.addSql(
      `alter table "notifications" add constraint "notifications_locale_check" check ("locale" in ('EN', 'FR'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_log_no_truncate" on "audit_log";`);
    this.addSql(`drop trigger if exists "audit_log_append_only" on "audit_log";`);
    this.addSql(`drop function if exists "audit_log_audit_log_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop table if exists "notification_preferences" cascade;`);
    this.addSql(`drop table if exists "notifications" cascade;`);
  }
}
