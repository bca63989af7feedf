import { createEvent, idempotentHandler, type EventEnvelope } from '@talentgraph/events';
import {
  ACCOUNT_DELETED,
  ORGANIZATION_DELETED,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '@talentgraph/platform';

/**
 * Hands `event` to one consumer group of a running test subgraph as its transport would: one delivery
 * per call, through the same idempotency wrapper, so calling it twice with one event is a redelivery.
 */
export async function deliverEvent(
  subgraph: RunningSubgraph,
  definition: SubgraphDefinition,
  group: string,
  event: EventEnvelope,
): Promise<void> {
  const handlers = definition.eventConsumers?.(subgraph.services)[group];
  if (!handlers) throw new Error(`The ${definition.name} subgraph has no consumer group "${group}".`);
  await idempotentHandler({ group, em: subgraph.orm.em, handlers })(event, {
    attempt: 1,
    signal: new AbortController().signal,
  });
}

/** `users.AccountDeleted`, as the users subgraph records it when a person deletes their account. */
export function accountDeletedEvent(userId: string): EventEnvelope {
  return createEvent({
    type: ACCOUNT_DELETED,
    version: 1,
    aggregate: { type: 'User', id: userId },
    payload: { userId },
    actor: { kind: 'USER', id: userId },
  });
}

/** `users.OrganizationDeleted`, recorded with the account of the organization's only member. */
export function organizationDeletedEvent(organizationId: string, deletedBy: string): EventEnvelope {
  return createEvent({
    type: ORGANIZATION_DELETED,
    version: 1,
    aggregate: { type: 'Organization', id: organizationId },
    payload: { organizationId },
    actor: { kind: 'USER', id: deletedBy },
  });
}
