import { Migration } from '@mikro-orm/migrations';

export class Migration20261206040519_personal_data extends Migration {
  override name = 'Migration20261206040519_personal_data';

  override up(): void | Promise<void> {
    this.addSql(`alter table "email_outbox" add "actor_id" uuid null;`);
    this.addSql(`create index "email_outbox_actor_id_index" on "email_outbox" ("actor_id");`);

    this.addSql(`alter table "notifications" add "actor_id" uuid null;`);
    this.addSql(`create index "notifications_actor_id_index" on "notifications" ("actor_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "email_outbox_actor_id_index";`);
    this.addSql(`alter table "email_outbox" drop column "actor_id";`);

    this.addSql(`drop index "notifications_actor_id_index";`);
    this.addSql(`alter table "notifications" drop column "actor_id";`);
  }
}
