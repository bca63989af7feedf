import type { MigrationObject } from '@talentgraph/platform';
import { Migration20261123084117_initial } from './Migration20261123084117_initial.ts';
import { Migration20261123092813_signing_keys } from './Migration20261123092813_signing_keys.ts';
import { Migration20261123093254_organizations_quotas_api_keys } from './Migration20261123093254_organizations_quotas_api_keys.ts';
import { Migration20261123093616_social_login } from './Migration20261123093616_social_login.ts';
import { Migration20261123094016_email_outbox_account_tokens } from './Migration20261123094016_email_outbox_account_tokens.ts';
import { Migration20261123094253_recovery_codes } from './Migration20261123094253_recovery_codes.ts';
import { Migration20261123120610_account_administration } from './Migration20261123120610_account_administration.ts';
import { Migration20261123122544_notifications_audit_log } from './Migration20261123122544_notifications_audit_log.ts';
import { Migration20261123133130_event_outbox } from './Migration20261123133130_event_outbox.ts';
import { Migration20261206040519_personal_data } from './Migration20261206040519_personal_data.ts';

/** Applied in this order; `npm run migration:create -- <subgraph>` regenerates this list. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123084117_initial', class: Migration20261123084117_initial },
  { name: 'Migration20261123092813_signing_keys', class: Migration20261123092813_signing_keys },
  { name: 'Migration20261123093254_organizations_quotas_api_keys', class: Migration20261123093254_organizations_quotas_api_keys },
  { name: 'Migration20261123093616_social_login', class: Migration20261123093616_social_login },
  { name: 'Migration20261123094016_email_outbox_account_tokens', class: Migration20261123094016_email_outbox_account_tokens },
  { name: 'Migration20261123094253_recovery_codes', class: Migration20261123094253_recovery_codes },
  { name: 'Migration20261123120610_account_administration', class: Migration20261123120610_account_administration },
  { name: 'Migration20261123122544_notifications_audit_log', class: Migration20261123122544_notifications_audit_log },
  { name: 'Migration20261123133130_event_outbox', class: Migration20261123133130_event_outbox },
  { name: 'Migration20261206040519_personal_data', class: Migration20261206040519_personal_data },
];
