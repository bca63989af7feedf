import { Migration } from '@mikro-orm/migrations';

export class Migration20261123133131_event_outbox extends Migration {
  override name = 'Migration20261123133131_event_outbox';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "handled_events" ("consumer_group" varchar(63) not null, "event_id" uuid not null, "event_type" varchar(120) not null, "handled_at" timestamptz not null, primary key ("consumer_group", "event_id"));`,
    );

    this.addSql(
      `create table "event_outbox" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(120) not null, "envelope" jsonb not null, "recorded_at" timestamptz not null, "published_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "event_outbox" add constraint "event_outbox_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `create index "event_outbox_published_at_sequence_index" on "event_outbox" ("published_at", "sequence");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "handled_events" cascade;`);
    this.addSql(`drop table if exists "event_outbox" cascade;`);
  }
}
