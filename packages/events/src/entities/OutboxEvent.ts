import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { EventEnvelope } from '../envelope.ts';

/**
 * The transactional outbox, one per subgraph database: an event is written in the transaction of the
 * change it announces (so it exists if and only if the change committed), then the OutboxRelay hands it
 * to the transport and marks it published. Published rows are kept a while for inspection, then purged.
 */
export const OutboxEventSchema = defineEntity({
  name: 'OutboxEvent',
  tableName: 'event_outbox',
  // Serves both "unpublished, in order" (published_at is null, by sequence) and the purge of old rows.
  indexes: [{ properties: ['publishedAt', 'sequence'] }],
  properties: {
    /** Order of recording: the relay publishes in this order. */
    sequence: p.bigint('number').primary().autoincrement(),
    eventId: p.uuid().unique(),
    type: p.string().length(120),
    envelope: p.json<EventEnvelope>(),
    recordedAt: p.datetime(),
    publishedAt: p.datetime().nullable(),
  },
});

export type OutboxEvent = InferEntity<typeof OutboxEventSchema>;
