import { servedByTheGateway } from '@talentgraph/platform';
import type { SubscriptionResolvers } from '../generated/resolvers-types.ts';

/** Declared for composition; the gateway serves it (notifications read through `Query.notification`). */
export const Subscription: SubscriptionResolvers = {
  notificationAdded: servedByTheGateway('users'),
};
