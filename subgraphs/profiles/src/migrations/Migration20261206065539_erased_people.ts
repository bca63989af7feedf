import { Migration } from '@mikro-orm/migrations';

export class Migration20261206065539_erased_people extends Migration {
  override name = 'Migration20261206065539_erased_people';

  override up(): void | Promise<void> {
    this.addSql(`alter table "profile_document_uploads" alter column "requested_by" drop not null;`);

    this.addSql(`alter table "profile_documents" alter column "uploaded_by" drop not null;`);

    this.addSql(`alter table "profile_reviews" alter column "reviewer_id" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "profile_document_uploads" alter column "requested_by" set not null;`);

    this.addSql(`alter table "profile_documents" alter column "uploaded_by" set not null;`);

    this.addSql(`alter table "profile_reviews" alter column "reviewer_id" set not null;`);
  }
}
