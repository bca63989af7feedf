import { Migration } from '@mikro-orm/migrations';

export class Migration20261206054141_search_rank_vector extends Migration {
  override name = 'Migration20261206054141_search_rank_vector';

  override up(): void | Promise<void> {
    // Existing documents get an empty rank vector and version 0: the subgraph rebuilds them at start
    // (search/search-sync.ts, rebuildStaleSearchDocuments).
    this.addSql(
      `alter table "profile_search_documents" add "rank_vector" tsvector not null default ''::tsvector, add "document_version" smallint not null default 0;`,
    );
    this.addSql(
      `alter table "profile_search_documents" alter column "rank_vector" drop default, alter column "document_version" drop default;`,
    );
    // Narrow rows: the card and the full vector move out of line (TOAST) as soon as a row passes 256 bytes,
    // while the small rank vector stays in it; counting and ranking matches then read few heap pages.
    this.addSql(`alter table "profile_search_documents" set (toast_tuple_target = 256);`);
    this.addSql(`alter table "profile_search_documents" alter column "rank_vector" set storage main;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "profile_search_documents" reset (toast_tuple_target);`);
    this.addSql(
      `alter table "profile_search_documents" drop column "rank_vector", drop column "document_version";`,
    );
  }
}
