import { Migration } from '@mikro-orm/migrations';

export class Migration20261206050442_cv_documents extends Migration {
  override name = 'Migration20261206050442_cv_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "profile_document_uploads" ("id" uuid not null, "profile_id" uuid not null, "token_hash" varchar(64) not null, "kind" text not null, "file_name" varchar(200) not null, "requested_by" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "profile_document_uploads" add constraint "profile_document_uploads_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "profile_documents" ("id" uuid not null, "profile_id" uuid not null, "kind" text not null, "document_type" text not null, "media_type" varchar(120) not null, "file_name" varchar(200) not null, "byte_size" int not null, "sha256" varchar(64) not null, "uploaded_by" uuid not null, "uploaded_at" timestamptz not null, "parsed" jsonb null, "parse_error_code" varchar(60) null, "parse_warnings" text[] not null default '{}', "decisions" jsonb not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "profile_documents_profile_id_uploaded_at_index" on "profile_documents" ("profile_id", "uploaded_at");`,
    );

    this.addSql(
      `create table "profile_document_contents" ("document_id" uuid not null, "key_id" varchar(40) not null, "iv" bytea not null, "auth_tag" bytea not null, "ciphertext" bytea not null, primary key ("document_id"));`,
    );

    this.addSql(
      `alter table "profile_document_uploads" add constraint "profile_document_uploads_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_document_uploads" add constraint "profile_document_uploads_kind_check" check ("kind" in ('CV'));`,
    );

    this.addSql(
      `alter table "profile_documents" add constraint "profile_documents_profile_id_foreign" foreign key ("profile_id") references "profiles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "profile_documents" add constraint "profile_documents_kind_check" check ("kind" in ('CV'));`,
    );
    this.addSql(
      `alter table "profile_documents" add constraint "profile_documents_document_type_check" check ("document_type" in ('PDF', 'DOCX', 'TEXT'));`,
    );

    this.addSql(
      `alter table "profile_document_contents" add constraint "profile_document_contents_document_id_foreign" foreign key ("document_id") references "profile_documents" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "profile_document_contents" drop constraint "profile_document_contents_document_id_foreign";`,
    );

    this.addSql(`drop table if exists "profile_document_uploads" cascade;`);
    this.addSql(`drop table if exists "profile_documents" cascade;`);
    this.addSql(`drop table if exists "profile_document_contents" cascade;`);
  }
}
