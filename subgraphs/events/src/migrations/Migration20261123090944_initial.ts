import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090944_initial extends Migration {
  override name = 'Migration20261123090944_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "events" ("id" uuid not null, "kind" text not null, "title" varchar(200) not null, "description" text not null, "organizer_id" uuid not null, "organization_id" uuid null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "time_zone" varchar(64) not null, "format" text not null, "venue" varchar(200) null, "city" varchar(120) null, "country_code" varchar(2) null, "online_url" text null, "capacity" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "events_organizer_id_index" on "events" ("organizer_id");`);
    this.addSql(`create index "events_starts_at_id_index" on "events" ("starts_at", "id");`);
    this.addSql(
      `create index "events_organization_id_starts_at_id_index" on "events" ("organization_id", "starts_at", "id");`,
    );

    this.addSql(`alter table "events" add constraint "events_schedule_check" check (ends_at > starts_at);`);
    this.addSql(
      `alter table "events" add constraint "events_capacity_check" check (((capacity >= 1) AND (capacity <= 100000)));`,
    );
    this.addSql(
      `alter table "events" add constraint "events_kind_check" check ("kind" in ('WEBINAR', 'CONFERENCE', 'WORKSHOP', 'NETWORKING', 'JOB_FAIR'));`,
    );
    this.addSql(
      `alter table "events" add constraint "events_format_check" check ("format" in ('ONLINE', 'IN_PERSON', 'HYBRID'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "events" cascade;`);
  }
}
