import {
  createLogger,
  createOrm,
  applyMigrations,
  databaseEntities,
  type MikroORM,
} from '@talentgraph/platform';
import { createTestDatabase, type TestDatabase } from '@talentgraph/testing';
import { profilesSubgraph } from '../../src/subgraph.ts';
import type { SearchDocument } from '../../src/search/profile-search-index.ts';
import { textArrayLiteral } from '../../src/search/postgres-search-sql.ts';

/** A fresh, migrated database of the profiles subgraph, without the service around it. */
export interface ProfilesDatabase {
  readonly database: TestDatabase;
  readonly orm: MikroORM;
  close(): Promise<void>;
}

export async function migratedProfilesDatabase(): Promise<ProfilesDatabase> {
  const database = await createTestDatabase('profiles_search');
  const orm = await createOrm({
    databaseUrl: database.url,
    entities: databaseEntities(profilesSubgraph),
    migrations: profilesSubgraph.migrations,
    logger: createLogger('profiles-search-test', 'silent'),
  });
  await applyMigrations(orm);
  return {
    database,
    orm,
    async close() {
      await orm.close();
      await database.drop();
    },
  };
}

/** Bare validated candidate profiles for documents to reference (the search tables hold a foreign key). */
export async function insertProfilesOf(orm: MikroORM, documents: readonly SearchDocument[]): Promise<void> {
  await orm.em.getConnection().execute(
    `insert into profiles (id, user_id, kind, status, submitted_at, created_at, updated_at)
     select id, gen_random_uuid(), 'CANDIDATE', 'VALIDATED', now(), now(), now() from unnest(?::uuid[]) as id
     on conflict do nothing`,
    [textArrayLiteral(documents.map((document) => document.profileId))],
  );
}
