import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084810_initial extends Migration {
  override name = 'Migration20261123084810_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "communities" ("id" uuid not null, "slug" varchar(80) not null, "name" varchar(120) not null, "description" text not null, "visibility" text not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "communities" add constraint "communities_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "community_members" ("id" uuid not null, "community_id" uuid not null, "user_id" uuid not null, "role" text not null, "joined_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "community_members" add constraint "community_members_community_id_user_id_unique" unique ("community_id", "user_id");`,
    );

    this.addSql(
      `create table "posts" ("id" uuid not null, "community_id" uuid not null, "author_id" uuid not null, "title" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "posts_community_id_created_at_id_index" on "posts" ("community_id", "created_at", "id");`,
    );

    this.addSql(
      `alter table "communities" add constraint "communities_visibility_check" check ("visibility" in ('PUBLIC', 'PRIVATE'));`,
    );

    this.addSql(
      `alter table "community_members" add constraint "community_members_community_id_foreign" foreign key ("community_id") references "communities" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "community_members" add constraint "community_members_role_check" check ("role" in ('MEMBER', 'MODERATOR', 'OWNER'));`,
    );

    this.addSql(
      `alter table "posts" add constraint "posts_community_id_foreign" foreign key ("community_id") references "communities" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "community_members" drop constraint "community_members_community_id_foreign";`);
    this.addSql(`alter table "posts" drop constraint "posts_community_id_foreign";`);

    this.addSql(`drop table if exists "communities" cascade;`);
    this.addSql(`drop table if exists "community_members" cascade;`);
    this.addSql(`drop table if exists "posts" cascade;`);
  }
}
