import { GraphQLError } from 'graphql';
import type { SubscriptionResolvers } from '../generated/resolvers-types.ts';

/**
 * The subscription fields are declared here only so that they compose into the supergraph, where the
 * gateway serves them over WebSocket and resolves each event's payload through ordinary queries. A
 * subscription sent to this subgraph directly (Apollo Server would run it over HTTP as a query) gets a
 * clear refusal rather than a puzzling null.
 */
function servedByTheGateway(): never {
  throw new GraphQLError(
    'Subscriptions are served by the gateway over WebSocket (graphql-ws on its /graphql path), not by the community subgraph.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
  );
}

const gatewayOnly = { subscribe: servedByTheGateway, resolve: servedByTheGateway };

export const Subscription: SubscriptionResolvers = {
  postAdded: gatewayOnly,
  commentAdded: gatewayOnly,
};
