import type { MigrationObject } from '@talentgraph/platform';
import { Migration20261123090944_initial } from './Migration20261123090944_initial.ts';

/** Applied in this order; `npm run migration:create -- <subgraph>` regenerates this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123090944_initial', class: Migration20261123090944_initial },
];
