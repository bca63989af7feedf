import type { MigrationObject } from '@talentgraph/platform';
import { Migration20261123090941_initial } from './Migration20261123090941_initial.ts';
import { Migration20261123133131_event_outbox } from './Migration20261123133131_event_outbox.ts';

/** Applied in this order; `npm run migration:create -- <subgraph>` regenerates this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123090941_initial', class: Migration20261123090941_initial },
  { name: 'Migration20261123133131_event_outbox', class: Migration20261123133131_event_outbox },
];
