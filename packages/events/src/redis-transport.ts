import type { Redis } from 'ioredis';
import { parseEvent, type EventEnvelope } from './envelope.ts';
import { startConsumerLoop, type Delivery, type DeliverySource } from './consumer-loop.ts';
import { silentLogger, type EventLogger } from './logger.ts';
import {
  checkDeadLetterId,
  checkGroupName,
  DeadLetterNotFoundError,
  positiveInteger,
  resolveConsumeOptions,
  resolveListOptions,
  type ConsumeOptions,
  type DeadLetter,
  type DeadLetterPage,
  type DeadLetterStore,
  type EventConsumer,
  type EventHandler,
  type EventTransport,
  type ListDeadLettersOptions,
  type ReplayedDeadLetter,
  type ResolvedConsumeOptions,
} from './transport.ts';

export interface RedisEventTransportOptions {
  /** For commands; each consumer opens its own connection (a `duplicate()`) for its blocking reads. */
  readonly redis: Redis;
  /** Prepended to every key (default `talentgraph:events:`), so that stacks and tests stay apart. */
  readonly keyPrefix?: string;
  /** The stream keeps about this many latest events (approximate MAXLEN trimming; default 100,000). */
  readonly maxLength?: number;
  /** Whether `close()` also closes `redis` (true when the transport opened the connection itself). */
  readonly ownsConnection?: boolean;
  readonly logger?: EventLogger;
}

/**
 * Keys, all under the prefix:
 * - `stream`: every event, one entry `envelope=<JSON>` each; each subscribing service is a consumer group;
 * - `replay:<group>`: events replayed from dead letters, read by that group alongside `stream`;
 * - `dead-letter:<id>` (hash), indexed by `dead-letters` and `dead-letters:<group>` (sorted sets scored
 *   by id), ids from the counter `dead-letters:last-id`.
 */
export class RedisEventTransport implements EventTransport {
  readonly kind = 'REDIS';
  readonly deadLetters: DeadLetterStore;
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  readonly #maxLength: number;
  readonly #ownsConnection: boolean;
  readonly #logger: EventLogger;
  readonly #consumers = new Set<EventConsumer>();
  #closing: Promise<void> | undefined;

  constructor(options: RedisEventTransportOptions) {
    this.#redis = options.redis;
    this.#keys = redisKeys(options.keyPrefix ?? 'talentgraph:events:');
    this.#maxLength = positiveInteger('maxLength', options.maxLength ?? 100_000);
    this.#ownsConnection = options.ownsConnection ?? false;
    this.#logger = options.logger ?? silentLogger;
    this.deadLetters = new RedisDeadLetterStore(this.#redis, this.#keys);
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const envelopes = events.map((event) => JSON.stringify(parseEvent(event)));
    // One MULTI: the events of a batch are appended together and in order, or not at all.
    const transaction = this.#redis.multi();
    for (const envelope of envelopes) {
      transaction.xadd(this.#keys.stream, 'MAXLEN', '~', this.#maxLength, '*', 'envelope', envelope);
    }
    throwOnFailure(await transaction.exec());
  }

  async consume(group: string, handler: EventHandler, options?: ConsumeOptions): Promise<EventConsumer> {
    checkGroupName(group);
    const resolved = resolveConsumeOptions(options);
    await createGroup(this.#redis, this.#keys, group);
    const source = new RedisDeliverySource(this.#redis, this.#keys, group, resolved, this.#logger);
    const consumer = startConsumerLoop({
      group,
      source,
      handler,
      options: resolved,
      logger: this.#logger,
      onStopped: () => this.#consumers.delete(consumer),
    });
    this.#consumers.add(consumer);
    return consumer;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all([...this.#consumers].map((consumer) => consumer.stop()));
      if (this.#ownsConnection) await this.#redis.quit();
    })();
    return this.#closing;
  }
}

/**
 * Creates the group on the shared stream and on its replay stream, unless it exists. From '0': a new
 * group starts with the oldest retained event, so nothing published before the subscribing service
 * first started is missed.
 */
async function createGroup(redis: Redis, keys: RedisKeys, group: string): Promise<void> {
  for (const stream of [keys.stream, keys.replay(group)]) {
    try {
      await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
  }
}

interface RedisKeys {
  readonly stream: string;
  replay(group: string): string;
  readonly lastDeadLetterId: string;
  deadLetter(id: string | number): string;
  readonly allDeadLetters: string;
  groupDeadLetters(group: string): string;
}

function redisKeys(prefix: string): RedisKeys {
  return {
    stream: `${prefix}stream`,
    replay: (group) => `${prefix}replay:${group}`,
    lastDeadLetterId: `${prefix}dead-letters:last-id`,
    deadLetter: (id) => `${prefix}dead-letter:${id}`,
    allDeadLetters: `${prefix}dead-letters`,
    groupDeadLetters: (group) => `${prefix}dead-letters:${group}`,
  };
}

interface RedisDelivery extends Delivery {
  readonly stream: string;
  readonly entryId: string;
}

type StreamEntry = [id: string, fields: string[] | null];

class RedisDeliverySource implements DeliverySource<RedisDelivery> {
  readonly #redis: Redis;
  /** Blocking reads hold their connection, so each consumer has its own. */
  readonly #blocking: Redis;
  readonly #keys: RedisKeys;
  /** The group reads the shared stream and its own replay stream. */
  readonly #streams: readonly string[];
  readonly #group: string;
  readonly #options: ResolvedConsumeOptions;
  readonly #logger: EventLogger;
  /** Where each stream's XAUTOCLAIM scan of the pending entries continues. */
  readonly #claimCursors = new Map<string, string>();
  #nextReclaimAt = 0;

  constructor(
    redis: Redis,
    keys: RedisKeys,
    group: string,
    options: ResolvedConsumeOptions,
    logger: EventLogger,
  ) {
    this.#redis = redis;
    this.#blocking = redis.duplicate();
    // ioredis reconnects by itself; meanwhile reads fail and the consumer loop retries them.
    this.#blocking.on('error', (error: Error) =>
      logger.debug({ group, err: error }, 'blocking Redis connection error'),
    );
    this.#keys = keys;
    this.#streams = [keys.stream, keys.replay(group)];
    this.#group = group;
    this.#options = options;
    this.#logger = logger;
  }

  async next(signal: AbortSignal): Promise<readonly RedisDelivery[]> {
    try {
      return await this.#next(signal);
    } catch (error) {
      if (signal.aborted) return [];
      // The stream or the group is gone (keys deleted, Redis restarted without persistence): recreate the
      // group, which then reads whatever the stream holds from the start.
      if (error instanceof Error && error.message.startsWith('NOGROUP')) {
        this.#logger.warn({ group: this.#group }, 'consumer group missing in Redis, creating it again');
        await createGroup(this.#redis, this.#keys, this.#group);
        return [];
      }
      throw error;
    }
  }

  async #next(signal: AbortSignal): Promise<readonly RedisDelivery[]> {
    if (Date.now() >= this.#nextReclaimAt) {
      this.#nextReclaimAt =
        Date.now() + Math.min(this.#options.claimIdleMs / 2, this.#options.pollIntervalMs);
      const abandoned = await this.#reclaimAbandoned();
      if (abandoned.length > 0) return abandoned;
    }
    if (signal.aborted) return [];
    // Disconnecting interrupts the blocking read at once; the entries it might have received stay pending
    // for this consumer, and are taken over like those of a crashed consumer.
    const interrupt = () => this.#blocking.disconnect();
    signal.addEventListener('abort', interrupt, { once: true });
    try {
      const blockMs = Math.max(1, Math.min(this.#options.pollIntervalMs, this.#nextReclaimAt - Date.now()));
      const reply = await this.#blocking.call(
        'XREADGROUP',
        'GROUP',
        this.#group,
        this.#options.consumerName,
        'COUNT',
        this.#options.batchSize,
        'BLOCK',
        Math.ceil(blockMs),
        'STREAMS',
        ...this.#streams,
        ...this.#streams.map(() => '>'),
      );
      return await this.#deliveries(readReply(reply));
    } finally {
      signal.removeEventListener('abort', interrupt);
    }
  }

  /** Entries delivered to consumers of the group that have not acknowledged them for claimIdleMs. */
  async #reclaimAbandoned(): Promise<RedisDelivery[]> {
    const claimed: { stream: string; entry: StreamEntry }[] = [];
    for (const stream of this.#streams) {
      const [cursor, entries] = (await this.#redis.call(
        'XAUTOCLAIM',
        stream,
        this.#group,
        this.#options.consumerName,
        this.#options.claimIdleMs,
        this.#claimCursors.get(stream) ?? '0-0',
        'COUNT',
        this.#options.batchSize,
      )) as [cursor: string, entries: (StreamEntry | null)[]];
      this.#claimCursors.set(stream, cursor);
      // Entries trimmed from the stream meanwhile come back empty (and Redis drops them from the group).
      for (const entry of entries) if (entry !== null) claimed.push({ stream, entry });
    }
    return this.#deliveries(claimed);
  }

  async #deliveries(entries: readonly { stream: string; entry: StreamEntry }[]): Promise<RedisDelivery[]> {
    const deliveries: RedisDelivery[] = [];
    for (const { stream, entry } of entries) {
      const [entryId, fields] = entry;
      try {
        const envelope = fields?.[fields.indexOf('envelope') + 1];
        deliveries.push({ stream, entryId, event: parseEvent(JSON.parse(envelope ?? 'null')) });
      } catch (error) {
        // Not written by this package (publish validates): no handler could use it, so it is dropped.
        this.#logger.error({ group: this.#group, stream, entryId, err: error }, 'unreadable event dropped');
        await this.#redis.xack(stream, this.#group, entryId);
      }
    }
    return deliveries;
  }

  async acknowledge(delivery: RedisDelivery): Promise<void> {
    await this.#redis.xack(delivery.stream, this.#group, delivery.entryId);
  }

  async deadLetter(delivery: RedisDelivery, failure: { error: string; attempts: number }): Promise<void> {
    const keys = this.#keys;
    const id = String(await this.#redis.incr(keys.lastDeadLetterId));
    const transaction = this.#redis
      .multi()
      .hset(keys.deadLetter(id), {
        group: this.#group,
        envelope: JSON.stringify(delivery.event),
        error: failure.error,
        attempts: String(failure.attempts),
        failedAt: new Date().toISOString(),
      })
      .zadd(keys.allDeadLetters, id, id)
      .zadd(keys.groupDeadLetters(this.#group), id, id)
      .xack(delivery.stream, this.#group, delivery.entryId);
    throwOnFailure(await transaction.exec());
  }

  async release(deliveries: readonly RedisDelivery[]): Promise<void> {
    for (const stream of this.#streams) {
      const ids = deliveries
        .filter((delivery) => delivery.stream === stream)
        .map((delivery) => delivery.entryId);
      if (ids.length === 0) continue;
      // Claimed back with an idle time long past any claimIdleMs: the next XAUTOCLAIM of any consumer of
      // the group takes them.
      await this.#redis.call(
        'XCLAIM',
        stream,
        this.#group,
        this.#options.consumerName,
        0,
        ...ids,
        'IDLE',
        LONG_AGO_MS,
        'JUSTID',
      );
    }
  }

  async close(): Promise<void> {
    this.#blocking.disconnect();
    // A consumer that holds no pending entry is forgotten, so groups do not collect one consumer per
    // process start; one that still holds some keeps them until another consumer takes them over.
    for (const stream of this.#streams) {
      const pending = (await this.#redis.call(
        'XPENDING',
        stream,
        this.#group,
        '-',
        '+',
        1,
        this.#options.consumerName,
      )) as unknown[];
      if (pending.length > 0) return;
    }
    for (const stream of this.#streams) {
      await this.#redis.xgroup('DELCONSUMER', stream, this.#group, this.#options.consumerName);
    }
  }
}

/**
 * XREADGROUP answers per stream: `[[stream, entries], …]` over RESP2, a map over RESP3, which ioredis
 * (in its default "legacy" reply mapping) flattens to `[stream, entries, …]`.
 */
function readReply(reply: unknown): { stream: string; entry: StreamEntry }[] {
  if (reply === null) return [];
  const items = reply as unknown[];
  const pairs = Array.isArray(items[0])
    ? (items as [string, StreamEntry[]][])
    : Array.from(
        { length: items.length / 2 },
        (_, index) => [items[2 * index], items[2 * index + 1]] as [string, StreamEntry[]],
      );
  return pairs.flatMap(([stream, entries]) => entries.map((entry) => ({ stream, entry })));
}

/** About ten years, in milliseconds. */
const LONG_AGO_MS = 10 * 365 * 24 * 3600 * 1000;

class RedisDeadLetterStore implements DeadLetterStore {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;

  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async list(options?: ListDeadLettersOptions): Promise<DeadLetterPage> {
    const { group, first, after } = resolveListOptions(options);
    const index = group === null ? this.#keys.allDeadLetters : this.#keys.groupDeadLetters(group);
    const ids = await this.#redis.zrangebyscore(index, `(${after}`, '+inf', 'LIMIT', 0, first + 1);
    const pageIds = ids.slice(0, first);
    const pipeline = this.#redis.pipeline();
    for (const id of pageIds) pipeline.hgetall(this.#keys.deadLetter(id));
    const records = throwOnFailure(await pipeline.exec()) as Record<string, string>[];
    const deadLetters = records.map((record, position): DeadLetter => ({
      id: pageIds[position]!,
      group: record['group']!,
      event: parseEvent(JSON.parse(record['envelope']!)),
      error: record['error']!,
      attempts: Number(record['attempts']),
      failedAt: record['failedAt']!,
    }));
    return {
      deadLetters,
      endCursor: pageIds.at(-1) ?? null,
      hasNextPage: ids.length > first,
    };
  }

  async replay(id: string): Promise<ReplayedDeadLetter> {
    checkDeadLetterId(id);
    const replayed = (await this.#redis.eval(
      REPLAY_SCRIPT,
      2,
      this.#keys.deadLetter(id),
      this.#keys.allDeadLetters,
      id,
      this.#keys.groupDeadLetters(''),
      this.#keys.replay(''),
    )) as [group: string, envelope: string] | null;
    if (replayed === null) throw new DeadLetterNotFoundError(id);
    const [group, envelope] = replayed;
    return { id, group, event: parseEvent(JSON.parse(envelope)) };
  }
}

/**
 * Atomically removes a dead letter and appends its event to its group's replay stream, so that two
 * admins replaying the same dead letter deliver it once; returns the group and the envelope, or nil.
 * ARGV: id, prefix of the group's dead-letter index, prefix of the group's replay stream (both completed
 * with the group read from the hash).
 */
const REPLAY_SCRIPT = `
local group = redis.call('HGET', KEYS[1], 'group')
if not group then return nil end
local envelope = redis.call('HGET', KEYS[1], 'envelope')
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', ARGV[2] .. group, ARGV[1])
redis.call('XADD', ARGV[3] .. group, '*', 'envelope', envelope)
return { group, envelope }
`;

/** MULTI and pipelines report each command's error in their result instead of rejecting. */
function throwOnFailure(results: [error: Error | null, result: unknown][] | null): unknown[] {
  if (results === null) throw new Error('Redis discarded the transaction');
  return results.map(([error, result]) => {
    if (error) throw error;
    return result;
  });
}
