import type { MigrationObject } from '@talentgraph/platform';
import { Migration20261123084810_initial } from './Migration20261123084810_initial.ts';
import { Migration20261123122237_comments } from './Migration20261123122237_comments.ts';
import { Migration20261123133133_event_outbox } from './Migration20261123133133_event_outbox.ts';
import { Migration20261206042055_erasable_authors } from './Migration20261206042055_erasable_authors.ts';

/** Applied in this order; `npm run migration:create -- <subgraph>` regenerates this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123084810_initial', class: Migration20261123084810_initial },
  { name: 'Migration20261123122237_comments', class: Migration20261123122237_comments },
  { name: 'Migration20261123133133_event_outbox', class: Migration20261123133133_event_outbox },
  { name: 'Migration20261206042055_erasable_authors', class: Migration20261206042055_erasable_authors },
];
