import type { EntityManager } from '@mikro-orm/postgresql';
import { parseEvent, type EventEnvelope } from './envelope.ts';
import { OutboxEventSchema } from './entities/OutboxEvent.ts';

/**
 * Adds `event` to the outbox in `em`'s unit of work: call it inside the `em.transactional(…)` that makes
 * the change (or before the `em.flush()` that writes it), so that the event is committed, or rolled back,
 * together with the change. The OutboxRelay publishes it once committed.
 */
export function recordEvent(em: EntityManager, event: EventEnvelope): void {
  const envelope = parseEvent(event);
  em.create(OutboxEventSchema, {
    eventId: envelope.id,
    type: envelope.type,
    envelope,
    recordedAt: new Date(),
    publishedAt: null,
  });
}
