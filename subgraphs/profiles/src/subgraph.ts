import {
  erasureGroupOf,
  loadSchemaFile,
  personalDataErasureHandlers,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import { mountDocumentRoutes } from './documents/routes.ts';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';
import { eraseProfilesAccount } from './personal-data/erasure.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export const profilesSubgraph: SubgraphDefinition = {
  name: 'profiles',
  typeDefs: loadSchemaFile('../schema.graphql', import.meta.url),
  resolvers,
  entities,
  migrations,
  seedDemoData,
  routes: (app, services) => mountDocumentRoutes(app, services),
  eventConsumers: () => ({
    [erasureGroupOf('profiles')]: personalDataErasureHandlers({ eraseAccount: eraseProfilesAccount }),
  }),
};
