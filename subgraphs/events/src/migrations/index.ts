import type { MigrationObject } from '@talentgraph/platform';
import { Migration20261123090944_initial } from './Migration20261123090944_initial.ts';
import { Migration20261123133133_event_outbox } from './Migration20261123133133_event_outbox.ts';
import { Migration20261206042748_erasable_organizer } from './Migration20261206042748_erasable_organizer.ts';

/** Applied in this order; `npm run migration:create -- <subgraph>` regenerates this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123090944_initial', class: Migration20261123090944_initial },
  { name: 'Migration20261123133133_event_outbox', class: Migration20261123133133_event_outbox },
  { name: 'Migration20261206042748_erasable_organizer', class: Migration20261206042748_erasable_organizer },
];
