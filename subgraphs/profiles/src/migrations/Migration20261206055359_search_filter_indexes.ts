import { Migration } from '@mikro-orm/migrations';

export class Migration20261206055359_search_filter_indexes extends Migration {
  override name = 'Migration20261206055359_search_filter_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "profile_search_documents_contract_types_index";`);
    this.addSql(`drop index "profile_search_documents_language_levels_index";`);
    this.addSql(`drop index "profile_search_documents_skill_ids_index";`);
    this.addSql(`drop index "profile_search_documents_salary_index";`);
    this.addSql(
      `create index "profile_search_documents_filters_index" on "profile_search_documents" using gin ("skill_ids", "language_levels", "contract_types");`,
    );
    this.addSql(
      `create index "profile_search_documents_salary_index" on "profile_search_documents" ("salary_currency", "salary_annual_minimum") include ("salary_annual_maximum", "available_from", "contract_types", "years_of_experience", "hidden_from_organization_ids");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "profile_search_documents_filters_index";`);
    this.addSql(`drop index "profile_search_documents_salary_index";`);
    this.addSql(
      `create index "profile_search_documents_contract_types_index" on "profile_search_documents" using gin ("contract_types");`,
    );
    this.addSql(
      `create index "profile_search_documents_language_levels_index" on "profile_search_documents" using gin ("language_levels");`,
    );
    this.addSql(
      `create index "profile_search_documents_skill_ids_index" on "profile_search_documents" using gin ("skill_ids");`,
    );
    this.addSql(
      `create index "profile_search_documents_salary_index" on "profile_search_documents" ("salary_currency", "salary_annual_minimum");`,
    );
  }
}
