import {
  erasureGroupOf,
  loadSchemaFile,
  personalDataErasureHandlers,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';
import { eraseOffersAccount, eraseOffersOrganization } from './personal-data/erasure.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export const offersSubgraph: SubgraphDefinition = {
  name: 'offers',
  typeDefs: loadSchemaFile('../schema.graphql', import.meta.url),
  resolvers,
  entities,
  migrations,
  seedDemoData,
  eventConsumers: () => ({
    [erasureGroupOf('offers')]: personalDataErasureHandlers({
      eraseAccount: eraseOffersAccount,
      eraseOrganization: eraseOffersOrganization,
    }),
  }),
};
