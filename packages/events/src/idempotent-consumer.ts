import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from './envelope.ts';
import { NonRetryableEventError } from './delivery.ts';
import { HandledEventSchema } from './entities/HandledEvent.ts';
import {
  checkGroupName,
  type ConsumeOptions,
  type DeliveryContext,
  type EventConsumer,
  type EventHandler,
  type EventTransport,
} from './transport.ts';

/** How a consumer group handles one event type. */
export interface EventHandlerDefinition<Payload extends object = Record<string, unknown>> {
  /** The versions of the type this handler understands; any other becomes a dead letter at once. */
  readonly versions: readonly number[];
  /**
   * Applies the event with `em`, which is inside the transaction that also records the event as handled:
   * write through it only, and do not call external services that cannot be undone.
   */
  handle(event: EventEnvelope<Payload>, em: EntityManager, context: DeliveryContext): Promise<void>;
}

export interface IdempotentConsumerOptions {
  readonly group: string;
  /** The consumer's own ORM root EntityManager: each event is handled in a fork of it. */
  readonly em: EntityManager;
  /** By event type; types not listed are acknowledged and ignored. */
  readonly handlers: Readonly<Record<string, EventHandlerDefinition<never>>>;
}

/** The event's version is not one the handler understands: no retry can change that. */
export class UnsupportedEventVersionError extends NonRetryableEventError {
  constructor(group: string, event: EventEnvelope, understood: readonly number[]) {
    super(
      `Consumer group "${group}" understands ${event.type} version${understood.length === 1 ? '' : 's'} ` +
        `${understood.join(', ')}, not version ${event.version} (event ${event.id}). Deploy a handler for it, then replay.`,
    );
    this.name = 'UnsupportedEventVersionError';
  }
}

/**
 * Wraps per-type handlers so that a redelivered event has no second effect: each event is handled in a
 * transaction on the consumer's database that first inserts (group, event id) into `handled_events`;
 * when that row already exists the event was handled before and is skipped. Two deliveries racing each
 * other wait on that row's unique key, and the second finds it committed.
 */
export function idempotentHandler(options: IdempotentConsumerOptions): EventHandler {
  const group = checkGroupName(options.group);
  for (const [type, definition] of Object.entries(options.handlers)) {
    if (
      definition.versions.length === 0 ||
      !definition.versions.every((version) => Number.isSafeInteger(version) && version >= 1)
    ) {
      throw new RangeError(
        `The handler of ${type} in group "${group}" must list the versions it understands.`,
      );
    }
  }
  return async (event, context) => {
    if (!Object.hasOwn(options.handlers, event.type)) return;
    const definition = options.handlers[event.type] as unknown as EventHandlerDefinition;
    if (!definition.versions.includes(event.version)) {
      throw new UnsupportedEventVersionError(group, event, definition.versions);
    }
    await options.em.fork().transactional(async (tx) => {
      const inserted = await tx
        .createQueryBuilder(HandledEventSchema)
        .insert({ consumerGroup: group, eventId: event.id, eventType: event.type, handledAt: new Date() })
        .onConflict(['consumerGroup', 'eventId'])
        .ignore()
        .execute('run');
      if (inserted.affectedRows === 0) return;
      await definition.handle(event, tx, context);
    });
  };
}

/** Consumes `group`'s events with idempotentHandler. */
export function consumeIdempotently(
  transport: EventTransport,
  options: IdempotentConsumerOptions & ConsumeOptions,
): Promise<EventConsumer> {
  return transport.consume(options.group, idempotentHandler(options), options);
}
