import { Migration } from '@mikro-orm/migrations';

export class Migration20261206042055_erasable_authors extends Migration {
  override name = 'Migration20261206042055_erasable_authors';

  override up(): void | Promise<void> {
    this.addSql(`alter table "communities" alter column "created_by_id" drop not null;`);

    this.addSql(`alter table "posts" alter column "author_id" drop not null;`);

    this.addSql(`alter table "comments" alter column "author_id" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "comments" alter column "author_id" set not null;`);

    this.addSql(`alter table "communities" alter column "created_by_id" set not null;`);

    this.addSql(`alter table "posts" alter column "author_id" set not null;`);
  }
}
