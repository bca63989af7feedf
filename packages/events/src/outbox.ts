import type { QueryResult } from '@mikro-orm/core';
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

/**
 * Deletes the published rows of the outbox whose envelope mentions `id` anywhere (actor, aggregate,
 * payload), and counts those not yet published: erasing a person's data (GDPR) also erases the events
 * about them that this database still keeps, once the transport has them. Unpublished rows are left for
 * the relay, since other services have yet to receive them; the caller decides whether to wait for them.
 * Meant for ids (UUIDs): the envelope is searched as JSON text. Outbox rows are few (published ones are
 * kept a day), so the scan is cheap.
 */
export async function purgePublishedEventsMentioning(
  em: EntityManager,
  id: string,
): Promise<{ readonly purged: number; readonly unpublished: number }> {
  const table = OutboxEventSchema.meta.tableName;
  const mentions = `strpos(envelope::text, ?) > 0`;
  const deleted = await em.execute<QueryResult>(
    `delete from "${table}" where published_at is not null and ${mentions}`,
    [id],
    'run',
  );
  const [waiting] = await em.execute<{ unpublished: number }[]>(
    `select count(*)::int as unpublished from "${table}" where published_at is null and ${mentions}`,
    [id],
    'all',
  );
  return { purged: deleted.affectedRows, unpublished: waiting?.unpublished ?? 0 };
}
