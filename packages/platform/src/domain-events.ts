import type { Viewer } from '@talentgraph/auth';
import { createEvent, recordEvent, type AggregateReference, type EventActor } from '@talentgraph/events';
import type { EntityManager } from './orm.ts';
import { requestIdInScope } from './http.ts';

/**
 * Who caused a change, as events record it: the signed-in person, the partner's API key (as the audit log
 * names partners: a key is revoked on its own, the organization has several), or the platform.
 */
export function eventActorOf(viewer: Viewer | null): EventActor {
  if (viewer === null) return { kind: 'SYSTEM', id: null };
  return viewer.kind === 'USER'
    ? { kind: 'USER', id: viewer.userId }
    : { kind: 'PARTNER', id: viewer.apiKeyId };
}

export interface DomainEvent<Payload extends Record<string, unknown>> {
  /** `<subgraph>.<PastTenseName>`, e.g. `community.PostAdded`. */
  readonly type: string;
  readonly version: number;
  readonly aggregate: AggregateReference;
  readonly payload: Payload;
}

/**
 * Records a domain event in the transaction of `em`, so that it is committed with the change it
 * announces or not at all; the outbox relay publishes it after the commit. The request being served
 * becomes its correlation id.
 */
export function recordDomainEvent<Payload extends Record<string, unknown>>(
  em: EntityManager,
  cause: { readonly viewer: Viewer | null; readonly now: Date },
  event: DomainEvent<Payload>,
): void {
  recordEvent(
    em,
    createEvent({
      ...event,
      actor: eventActorOf(cause.viewer),
      correlationId: requestIdInScope(),
      occurredAt: cause.now,
    }),
  );
}
