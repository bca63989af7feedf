import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Events a consumer group has handled, in the consumer's own database: written in the transaction of the
 * handler's changes, so that a redelivered event finds its row and has no second effect.
 */
export const HandledEventSchema = defineEntity({
  name: 'HandledEvent',
  tableName: 'handled_events',
  properties: {
    consumerGroup: p.string().length(63).primary(),
    eventId: p.uuid().primary(),
    eventType: p.string().length(120),
    handledAt: p.datetime(),
  },
});

export type HandledEvent = InferEntity<typeof HandledEventSchema>;
