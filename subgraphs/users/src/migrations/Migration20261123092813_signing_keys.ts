import { Migration } from '@mikro-orm/migrations';

export class Migration20261123092813_signing_keys extends Migration {
  override name = 'Migration20261123092813_signing_keys';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "signing_keys" ("kid" varchar(64) not null, "public_jwk" jsonb not null, "private_jwk_sealed" text null, "created_at" timestamptz not null, "activated_at" timestamptz null, "retired_at" timestamptz null, primary key ("kid"));`,
    );
    this.addSql(`create index "signing_keys_retired_at_index" on "signing_keys" ("retired_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "signing_keys" cascade;`);
  }
}
