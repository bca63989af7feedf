import { GraphQLError } from 'graphql';
import type { SubscriptionResolvers } from '../generated/resolvers-types.ts';

/**
 * `notificationAdded` is declared here only so that it composes into the supergraph, where the gateway
 * serves it over WebSocket and resolves each notification through ordinary queries (`_entities`, which
 * only the recipient passes). A subscription sent to this subgraph directly (Apollo Server would run it
 * over HTTP as a query) gets a clear refusal rather than a puzzling null.
 */
function servedByTheGateway(): never {
  throw new GraphQLError(
    'Subscriptions are served by the gateway over WebSocket (graphql-ws on its /graphql path), not by the users subgraph.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
  );
}

export const Subscription: SubscriptionResolvers = {
  notificationAdded: { subscribe: servedByTheGateway, resolve: servedByTheGateway },
};
