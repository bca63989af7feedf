export * from './envelope.ts';
export * from './outbox.ts';
export { OutboxRelay, type OutboxRelayOptions } from './relay.ts';
export {
  DeadLetterNotFoundError,
  type ConsumeOptions,
  type DeadLetter,
  type DeadLetterPage,
  type DeadLetterStore,
  type DeliveryContext,
  type EventConsumer,
  type EventHandler,
  type EventTransport,
  type ListDeadLettersOptions,
  type ReplayedDeadLetter,
} from './transport.ts';
export { DEFAULT_RETRY_POLICY, NonRetryableEventError, type RetryPolicy } from './delivery.ts';
export { RedisEventTransport, type RedisEventTransportOptions } from './redis-transport.ts';
export { PostgresEventTransport, type PostgresEventTransportOptions } from './postgres-transport.ts';
export { createEventTransport, type EventTransportSettings } from './create-transport.ts';
export * from './idempotent-consumer.ts';
export * from './entities/index.ts';
export type { EventLogger } from './logger.ts';
