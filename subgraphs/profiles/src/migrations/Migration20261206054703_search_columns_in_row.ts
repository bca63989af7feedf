import { Migration } from '@mikro-orm/migrations';

export class Migration20261206054703_search_columns_in_row extends Migration {
  override name = 'Migration20261206054703_search_columns_in_row';

  override up(): void | Promise<void> {
    // Filters stay in the row (compressed there if need be, never moved out of line): with the narrow
    // toast_tuple_target, TOAST would otherwise move them too, and every filtered row would cost TOAST
    // reads. Only the card and the full vector, read for a page's 20 hits or never, go out of line.
    this.addSql(
      `alter table "profile_search_documents" alter column "skill_ids" set storage main, alter column "language_levels" set storage main, alter column "contract_types" set storage main, alter column "hidden_from_organization_ids" set storage main, alter column "highlight_text" set storage main;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "profile_search_documents" alter column "skill_ids" set storage extended, alter column "language_levels" set storage extended, alter column "contract_types" set storage extended, alter column "hidden_from_organization_ids" set storage extended, alter column "highlight_text" set storage extended;`,
    );
  }
}
