import {
  erasureGroupOf,
  loadSchemaFile,
  personalDataErasureHandlers,
  type SubgraphDefinition,
} from '@talentgraph/platform';
import { mountApiKeyRoutes } from './api-keys/routes.ts';
import { AUDIT_GROUP, auditHandlers } from './audit/audit-consumer.ts';
import { entities } from './entities/index.ts';
import { identityKeySource, mountIdentityRoutes } from './identity/index.ts';
import { migrations } from './migrations/index.ts';
import { NOTIFICATIONS_GROUP, notificationHandlers } from './notifications/event-handlers.ts';
import { mountQuotaRoutes } from './quotas/routes.ts';
import { resolvers } from './resolvers/index.ts';
import { requireLiveSessions } from './sessions/live-session-guard.ts';
import { seedDemoData } from './seed.ts';

export const usersSubgraph: SubgraphDefinition = {
  name: 'users',
  typeDefs: loadSchemaFile('../schema.graphql', import.meta.url),
  resolvers: requireLiveSessions(resolvers),
  entities,
  migrations,
  seedDemoData,
  keySource: identityKeySource,
  routes: (app, services) => {
    mountIdentityRoutes(app, services);
    mountQuotaRoutes(app, services);
    mountApiKeyRoutes(app, services);
  },
  eventConsumers: () => ({
    [NOTIFICATIONS_GROUP]: notificationHandlers,
    [AUDIT_GROUP]: auditHandlers,
    // The account itself was erased by deleteMyAccount; what is left is its events in the outbox.
    [erasureGroupOf('users')]: personalDataErasureHandlers({}),
  }),
};
