import { servedByTheGateway } from '@talentgraph/platform';
import type { SubscriptionResolvers } from '../generated/resolvers-types.ts';

/** Declared for composition; the gateway serves them (payloads read through `post(id)` and `comment(id)`). */
export const Subscription: SubscriptionResolvers = {
  postAdded: servedByTheGateway('community'),
  commentAdded: servedByTheGateway('community'),
};
