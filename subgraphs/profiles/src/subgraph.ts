import {
  erasureGroupOf,
  loadSchemaFile,
  personalDataErasureHandlers,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import { mountDocumentRoutes } from './documents/routes.ts';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';
import { eraseProfilesAccount, eraseProfilesOrganization } from './personal-data/erasure.ts';
import { resolvers } from './resolvers/index.ts';
import { recruiterSearchOf, startRecruiterSearch } from './search/search-services.ts';
import { SEARCH_INDEX_GROUP, searchIndexHandlers } from './search/search-sync.ts';
import { seedDemoData } from './seed.ts';

export const profilesSubgraph: SubgraphDefinition = {
  name: 'profiles',
  typeDefs: loadSchemaFile('../schema.graphql', import.meta.url),
  resolvers,
  entities,
  migrations,
  seedDemoData,
  routes: (app, services) => {
    mountDocumentRoutes(app, services);
    startRecruiterSearch(services);
  },
  eventConsumers: (services) => {
    const { elasticsearch } = recruiterSearchOf(services.orm.em);
    return {
      [erasureGroupOf('profiles')]: personalDataErasureHandlers({
        eraseAccount: eraseProfilesAccount,
        eraseOrganization: eraseProfilesOrganization,
      }),
      // Only with Elasticsearch: PostgreSQL documents are written with the profile, in its transaction.
      ...(elasticsearch ? { [SEARCH_INDEX_GROUP]: searchIndexHandlers(elasticsearch) } : {}),
    };
  },
};
