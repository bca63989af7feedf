import {
  erasureGroupOf,
  loadSchemaFile,
  personalDataErasureHandlers,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';
import { eraseCommunityAccount } from './personal-data/erasure.ts';
import { mountReaderRoutes } from './readers/routes.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export const communitySubgraph: SubgraphDefinition = {
  name: 'community',
  typeDefs: loadSchemaFile('../schema.graphql', import.meta.url),
  resolvers,
  entities,
  migrations,
  seedDemoData,
  routes: mountReaderRoutes,
  eventConsumers: () => ({
    [erasureGroupOf('community')]: personalDataErasureHandlers({ eraseAccount: eraseCommunityAccount }),
  }),
};
