import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from './envelope.ts';
import { resolveRetryPolicy, type RetryPolicy } from './delivery.ts';

/**
 * How events travel between services. Two implementations of one contract (test/transport-contract.ts):
 * Redis Streams with consumer groups when `REDIS_URL` is set, a PostgreSQL event log otherwise.
 *
 * Guarantees, identical for both:
 * - every consumer group receives every published event (within the retention, `maxLength`), starting
 *   from the oldest retained event when the group is new, and from where it stopped when it comes back;
 * - within a group each event goes to one consumer, at least once: an event whose consumer died before
 *   acknowledging it is handed to another consumer of the group once it has been idle `claimIdleMs`;
 * - a single consumer receives new events in publish order;
 * - a failing handler is retried with exponential back-off, then the event becomes a dead letter of
 *   that group (the group moves on), which an admin can list and replay to that group only.
 */
export interface EventTransport {
  readonly kind: 'REDIS' | 'POSTGRES';
  /** Appends the events, in order. Resolves once they are durably stored. */
  publish(events: readonly EventEnvelope[]): Promise<void>;
  /** Creates the group when new, then delivers its events to `handler` until the consumer is stopped. */
  consume(group: string, handler: EventHandler, options?: ConsumeOptions): Promise<EventConsumer>;
  readonly deadLetters: DeadLetterStore;
  /** Stops this transport's consumers, then closes the connections it opened; calling it again is harmless. */
  close(): Promise<void>;
}

export interface DeliveryContext {
  /** 1 for the first attempt of this delivery, then 2, 3… while retrying. */
  readonly attempt: number;
  /** Aborted when the consumer stops: a handler may give up, the event is then delivered again later. */
  readonly signal: AbortSignal;
}

/** Resolving acknowledges the event; throwing retries it (NonRetryableEventError: dead-letters it at once). */
export type EventHandler = (event: EventEnvelope, context: DeliveryContext) => Promise<void>;

export interface ConsumeOptions {
  /** Unique within the group; by default host, process id and a random suffix. */
  readonly consumerName?: string;
  /** Events taken at once (default 16). */
  readonly batchSize?: number;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * How long a delivered event may stay unacknowledged before another consumer of the group takes it
   * over (default 60 s). Keep it above the longest handling, retries included: an event still being
   * handled past it may be handled twice (handlers are idempotent, so this costs time, not correctness).
   */
  readonly claimIdleMs?: number;
  /**
   * Longest wait for new events when nothing wakes the consumer (default 1 s). New events normally
   * arrive at once (a blocking read on Redis, LISTEN/NOTIFY on PostgreSQL); this is the safety net.
   */
  readonly pollIntervalMs?: number;
}

export interface EventConsumer {
  readonly group: string;
  readonly name: string;
  /**
   * Stops taking events and aborts the handler's signal; waits for the handler in progress. What was
   * taken but not handled is handed back to the group at once.
   */
  stop(): Promise<void>;
}

export interface DeadLetter {
  /** Increasing: later dead letters have larger ids. */
  readonly id: string;
  readonly group: string;
  readonly event: EventEnvelope;
  /** The last error, `Name: message`. */
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: string;
}

export interface ListDeadLettersOptions {
  /** Only this group's dead letters. */
  readonly group?: string;
  /** Page size, 1 to 100 (default 20). */
  readonly first?: number;
  /** The `endCursor` of the previous page. */
  readonly after?: string;
}

export interface DeadLetterPage {
  /** Oldest first. */
  readonly deadLetters: readonly DeadLetter[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** What a replay put back on its way: the caller learns it from the one call that removed the dead letter. */
export interface ReplayedDeadLetter {
  readonly id: string;
  readonly group: string;
  readonly event: EventEnvelope;
}

export interface DeadLetterStore {
  list(options?: ListDeadLettersOptions): Promise<DeadLetterPage>;
  /**
   * Removes the dead letter and delivers its event again to its group only (other groups are untouched).
   * Of two concurrent replays of one dead letter, one gets it, the other DeadLetterNotFoundError.
   */
  replay(id: string): Promise<ReplayedDeadLetter>;
}

export class DeadLetterNotFoundError extends Error {
  readonly deadLetterId: string;

  constructor(id: string) {
    super(`No dead letter has the id ${JSON.stringify(id)}.`);
    this.name = 'DeadLetterNotFoundError';
    this.deadLetterId = id;
  }
}

export interface ResolvedConsumeOptions {
  readonly consumerName: string;
  readonly batchSize: number;
  readonly retry: RetryPolicy;
  readonly claimIdleMs: number;
  readonly pollIntervalMs: number;
}

/** Group names end up in Redis keys and SQL values, and appear in admin screens: keep them simple. */
const GROUP_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const CONSUMER_NAME = /^[A-Za-z0-9._:-]{1,120}$/;

export function checkGroupName(group: string): string {
  if (!GROUP_NAME.test(group)) {
    throw new RangeError(
      `A consumer group name must be lower-case letters, digits and dashes, starting with a letter, at most 63 characters; got ${JSON.stringify(group)}.`,
    );
  }
  return group;
}

export function resolveConsumeOptions(options: ConsumeOptions = {}): ResolvedConsumeOptions {
  const consumerName = options.consumerName ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  if (!CONSUMER_NAME.test(consumerName)) {
    throw new RangeError(
      `A consumer name must be 1 to 120 letters, digits, dots, colons, dashes or underscores; got ${JSON.stringify(consumerName)}.`,
    );
  }
  return {
    consumerName,
    batchSize: positiveInteger('batchSize', options.batchSize ?? 16, 1_000),
    retry: resolveRetryPolicy(options.retry),
    claimIdleMs: positiveInteger('claimIdleMs', options.claimIdleMs ?? 60_000),
    pollIntervalMs: positiveInteger('pollIntervalMs', options.pollIntervalMs ?? 1_000),
  };
}

export function resolveListOptions(options: ListDeadLettersOptions = {}): {
  group: string | null;
  first: number;
  after: number;
} {
  const after = options.after ?? '0';
  if (!/^\d{1,15}$/.test(after)) {
    throw new RangeError(`"after" must be the endCursor of a previous page; got ${JSON.stringify(after)}.`);
  }
  return {
    group: options.group === undefined ? null : checkGroupName(options.group),
    first: positiveInteger('first', options.first ?? 20, 100),
    after: Number(after),
  };
}

export function checkDeadLetterId(id: string): number {
  if (!/^\d{1,15}$/.test(id) || Number(id) === 0) throw new DeadLetterNotFoundError(id);
  return Number(id);
}

export function positiveInteger(name: string, value: number, maximum = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > maximum) {
    throw new RangeError(`"${name}" must be an integer from 1 to ${maximum}; got ${value}.`);
  }
  return value;
}
