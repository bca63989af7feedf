import {
  erasureGroupOf,
  loadSchemaFile,
  personalDataErasureHandlers,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import { entities } from './entities/index.ts';
import { migrations } from './migrations/index.ts';
import { eraseMatchingAccount, eraseMatchingOrganization } from './personal-data/erasure.ts';
import { resolvers } from './resolvers/index.ts';
import { seedDemoData } from './seed.ts';

export const matchingSubgraph: SubgraphDefinition = {
  name: 'matching',
  typeDefs: loadSchemaFile('../schema.graphql', import.meta.url),
  resolvers,
  entities,
  migrations,
  seedDemoData,
  eventConsumers: () => ({
    [erasureGroupOf('matching')]: personalDataErasureHandlers({
      eraseAccount: eraseMatchingAccount,
      eraseOrganization: eraseMatchingOrganization,
    }),
  }),
};
