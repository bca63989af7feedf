import type { MigrationObject } from '@talentgraph/platform';
import { Migration20261123085154_initial } from './Migration20261123085154_initial.ts';
import { Migration20261123133130_event_outbox } from './Migration20261123133130_event_outbox.ts';
import { Migration20261206040629_profile_model } from './Migration20261206040629_profile_model.ts';
import { Migration20261206050442_cv_documents } from './Migration20261206050442_cv_documents.ts';
import { Migration20261206050608_recruiter_search } from './Migration20261206050608_recruiter_search.ts';
import { Migration20261206054141_search_rank_vector } from './Migration20261206054141_search_rank_vector.ts';
import { Migration20261206054703_search_columns_in_row } from './Migration20261206054703_search_columns_in_row.ts';
import { Migration20261206055359_search_filter_indexes } from './Migration20261206055359_search_filter_indexes.ts';
import { Migration20261206065539_erased_people } from './Migration20261206065539_erased_people.ts';

/** Applied in this order; `npm run migration:create -- <subgraph>` regenerates this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123085154_initial', class: Migration20261123085154_initial },
  { name: 'Migration20261123133130_event_outbox', class: Migration20261123133130_event_outbox },
  { name: 'Migration20261206040629_profile_model', class: Migration20261206040629_profile_model },
  { name: 'Migration20261206050442_cv_documents', class: Migration20261206050442_cv_documents },
  { name: 'Migration20261206050608_recruiter_search', class: Migration20261206050608_recruiter_search },
  { name: 'Migration20261206054141_search_rank_vector', class: Migration20261206054141_search_rank_vector },
  { name: 'Migration20261206054703_search_columns_in_row', class: Migration20261206054703_search_columns_in_row },
  { name: 'Migration20261206055359_search_filter_indexes', class: Migration20261206055359_search_filter_indexes },
  { name: 'Migration20261206065539_erased_people', class: Migration20261206065539_erased_people },
];
