import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120610_account_administration extends Migration {
  override name = 'Migration20261123120610_account_administration';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sessions" drop constraint "sessions_end_reason_check";`);
    this.addSql(
      `alter table "sessions" add constraint "sessions_end_reason_check" check ("end_reason" in ('LOGOUT', 'LOGOUT_EVERYWHERE', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'REFRESH_TOKEN_REUSE', 'ACCOUNT_DISABLED', 'ROLE_REVOKED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sessions" drop constraint "sessions_end_reason_check";`);
    this.addSql(
      `alter table "sessions" add constraint "sessions_end_reason_check" check ("end_reason" in ('LOGOUT', 'LOGOUT_EVERYWHERE', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'REFRESH_TOKEN_REUSE'));`,
    );
  }
}
