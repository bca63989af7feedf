import { PostgresProfileSearchIndex } from '../../src/search/postgres-search-index.ts';
import { describeProfileSearchIndexContract } from './profile-search-index.contract.ts';
import { insertProfilesOf, migratedProfilesDatabase } from './support.ts';

describeProfileSearchIndexContract('PostgreSQL full-text search', async () => {
  const profiles = await migratedProfilesDatabase();
  return {
    index: new PostgresProfileSearchIndex(profiles.orm.em.fork()),
    prepare: (documents) => insertProfilesOf(profiles.orm, documents),
    async clear() {
      await profiles.orm.em.getConnection().execute('delete from profile_search_documents');
    },
    close: () => profiles.close(),
  };
});
