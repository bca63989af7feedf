import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122237_comments extends Migration {
  override name = 'Migration20261123122237_comments';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "comments" ("id" uuid not null, "post_id" uuid not null, "parent_id" uuid null, "author_id" uuid not null, "body" text not null, "depth" smallint not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "comments_post_id_created_at_id_index" on "comments" ("post_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "comments_parent_id_created_at_id_index" on "comments" ("parent_id", "created_at", "id");`,
    );

    this.addSql(
      `alter table "comments" add constraint "comments_post_id_foreign" foreign key ("post_id") references "posts" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "comments" add constraint "comments_parent_id_foreign" foreign key ("parent_id") references "comments" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "comments" drop constraint "comments_parent_id_foreign";`);

    this.addSql(`drop table if exists "comments" cascade;`);
  }
}
