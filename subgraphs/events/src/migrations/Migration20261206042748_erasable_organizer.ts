import { Migration } from '@mikro-orm/migrations';

export class Migration20261206042748_erasable_organizer extends Migration {
  override name = 'Migration20261206042748_erasable_organizer';

  override up(): void | Promise<void> {
    this.addSql(`alter table "events" alter column "organizer_id" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "events" alter column "organizer_id" set not null;`);
  }
}
