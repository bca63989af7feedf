import {
  ChangeSetType,
  type EventSubscriber,
  type FlushEventArgs,
  type TransactionEventArgs,
  type UnitOfWork,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEventSchema } from './entities/OutboxEvent.ts';
import { silentLogger, type EventLogger } from './logger.ts';
import { positiveInteger, type EventTransport } from './transport.ts';

export interface OutboxRelayOptions {
  /** The subgraph ORM's root EntityManager (the relay forks it). */
  readonly em: EntityManager;
  readonly transport: EventTransport;
  /** Safety net for commits made elsewhere (another replica, a script): look every so often (default 1 s). */
  readonly pollIntervalMs?: number;
  /** Events published per transaction (default 100). */
  readonly batchSize?: number;
  /** Published rows are deleted after this long (default one day). */
  readonly keepPublishedForMs?: number;
  readonly logger?: EventLogger;
}

/** Every replica runs a relay; this lock, per database, lets one publish at a time (see #publishBatch). */
const RELAY_LOCK = 'talentgraph-event-outbox-relay';
/** When another replica's relay holds the lock, look again this soon: it may have missed our commit. */
const LOCK_BUSY_RETRY_MS = 25;
const PURGE_INTERVAL_MS = 60_000;
const QUIET = { enabled: false };

/**
 * Moves committed outbox rows to the transport, in recording order, and marks them published. It runs
 * right after each commit of this process that recorded events (a MikroORM transaction subscriber), so
 * an event reaches the transport within milliseconds, and every `pollIntervalMs` for rows committed
 * elsewhere or left behind by a crash between commit and publish.
 *
 * Delivery is at least once: a crash after publishing but before marking publishes those rows again,
 * which idempotent consumers (and the PostgreSQL log, by event id) absorb.
 */
export class OutboxRelay {
  readonly #em: EntityManager;
  readonly #transport: EventTransport;
  readonly #pollIntervalMs: number;
  readonly #batchSize: number;
  readonly #keepPublishedForMs: number;
  readonly #logger: EventLogger;
  #state: 'NEW' | 'RUNNING' | 'STOPPED' = 'NEW';
  #running: Promise<void> | undefined;
  #runAgain = false;
  #pollTimer: NodeJS.Timeout | undefined;
  #busyRetryTimer: NodeJS.Timeout | undefined;
  #lastPurgeAt = 0;

  constructor(options: OutboxRelayOptions) {
    this.#em = options.em;
    this.#transport = options.transport;
    this.#pollIntervalMs = positiveInteger('pollIntervalMs', options.pollIntervalMs ?? 1_000);
    this.#batchSize = positiveInteger('batchSize', options.batchSize ?? 100, 10_000);
    this.#keepPublishedForMs = positiveInteger(
      'keepPublishedForMs',
      options.keepPublishedForMs ?? 86_400_000,
    );
    this.#logger = options.logger ?? silentLogger;
  }

  /** Publishes what is pending now, then after each commit that records events, and on every poll. */
  start(): void {
    if (this.#state !== 'NEW') throw new Error('An OutboxRelay can be started only once.');
    this.#state = 'RUNNING';
    this.#em.getEventManager().registerSubscriber(new OutboxCommitListener(() => this.nudge()));
    this.#pollTimer = setInterval(() => this.#poll(), this.#pollIntervalMs);
    this.nudge();
  }

  /** Publishes soon; calls made while a run is under way add up to one more run. */
  nudge(): void {
    if (this.#state !== 'RUNNING') return;
    if (this.#running) {
      this.#runAgain = true;
      return;
    }
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
    });
  }

  /**
   * The relay polls every second: its statements stay out of the service's query log (and out of the
   * query counts tests use to prove batching).
   */
  #quietFork(): EntityManager {
    return this.#em.fork({ loggerContext: QUIET });
  }

  /** Stops the timers and waits for the run under way. Does not close the transport. */
  async stop(): Promise<void> {
    this.#state = 'STOPPED';
    clearInterval(this.#pollTimer);
    clearTimeout(this.#busyRetryTimer);
    await this.#running;
  }

  /**
   * Publishes every committed, unpublished event, batch after batch; returns how many. Returns early
   * (possibly 0) while another relay of the same database holds the lock, since that one is publishing.
   */
  async publishPending(): Promise<number> {
    return (await this.#publishAll()).published;
  }

  /** Deletes rows published more than `keepPublishedForMs` ago; returns how many. */
  async purgePublished(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.#keepPublishedForMs);
    return this.#quietFork().nativeDelete(OutboxEventSchema, { publishedAt: { $lt: before } });
  }

  async #run(): Promise<void> {
    do {
      this.#runAgain = false;
      try {
        const { lockBusy } = await this.#publishAll();
        if (lockBusy) {
          clearTimeout(this.#busyRetryTimer);
          this.#busyRetryTimer = setTimeout(() => this.nudge(), LOCK_BUSY_RETRY_MS);
        }
      } catch (error) {
        // The rows stay unpublished; the next poll tries again.
        this.#logger.warn({ err: error }, 'publishing outbox events failed');
      }
    } while (this.#runAgain && this.#state === 'RUNNING');
  }

  async #publishAll(): Promise<{ published: number; lockBusy: boolean }> {
    let published = 0;
    for (;;) {
      const batch = await this.#publishBatch();
      if (batch === 'LOCK_BUSY') return { published, lockBusy: true };
      published += batch;
      if (batch < this.#batchSize) return { published, lockBusy: false };
    }
  }

  /**
   * One transaction: lock, read the oldest unpublished rows, publish them, mark them. The lock is a
   * transaction-level advisory lock rather than `FOR UPDATE SKIP LOCKED` on the rows: with SKIP LOCKED,
   * two replicas would publish rows 1–100 and 101–200 concurrently and the transport could receive 101
   * before 100, while consumers rely on publish order (a read model must not apply an older change last).
   */
  async #publishBatch(): Promise<number | 'LOCK_BUSY'> {
    return this.#quietFork().transactional(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }[]>(
        'select pg_try_advisory_xact_lock(hashtext(?)) as locked',
        [RELAY_LOCK],
        'all',
        QUIET,
      );
      if (!lock?.locked) return 'LOCK_BUSY';
      const rows = await tx.find(
        OutboxEventSchema,
        { publishedAt: null },
        { orderBy: { sequence: 'asc' }, limit: this.#batchSize },
      );
      if (rows.length === 0) return 0;
      await this.#transport.publish(rows.map((row) => row.envelope));
      await tx.nativeUpdate(
        OutboxEventSchema,
        { sequence: { $in: rows.map((row) => row.sequence) } },
        { publishedAt: new Date() },
      );
      return rows.length;
    });
  }

  #poll(): void {
    this.nudge();
    if (Date.now() - this.#lastPurgeAt < PURGE_INTERVAL_MS) return;
    this.#lastPurgeAt = Date.now();
    this.purgePublished().catch((error: unknown) =>
      this.#logger.warn({ err: error }, 'purging published outbox events failed'),
    );
  }
}

/**
 * Calls back after each commit that wrote outbox rows. Within `em.transactional`, rows are flushed
 * before the commit, so the flush marks its transaction and the commit of that transaction calls back;
 * a bare `em.flush()` commits its own transaction, whose commit still sees the flushed change sets.
 * Releasing a savepoint is not a commit: its events wait for the outermost commit.
 */
class OutboxCommitListener implements EventSubscriber {
  readonly #onEventsCommitted: () => void;
  readonly #transactionsWithEvents = new WeakSet<object>();
  #savepointReleasedWithEvents = false;

  constructor(onEventsCommitted: () => void) {
    this.#onEventsCommitted = onEventsCommitted;
  }

  onFlush({ em, uow }: FlushEventArgs): void {
    const transaction = em.getTransactionContext<object>();
    if (transaction && writesOutboxRows(uow)) this.#transactionsWithEvents.add(transaction);
  }

  afterTransactionCommit({ transaction, uow }: TransactionEventArgs): void {
    const committedEvents =
      (transaction !== undefined && this.#transactionsWithEvents.has(transaction)) ||
      (uow !== undefined && writesOutboxRows(uow));
    if (transaction?.savepointName) {
      if (committedEvents) this.#savepointReleasedWithEvents = true;
      return;
    }
    if (committedEvents || this.#savepointReleasedWithEvents) {
      this.#savepointReleasedWithEvents = false;
      this.#onEventsCommitted();
    }
  }
}

function writesOutboxRows(uow: UnitOfWork): boolean {
  return uow
    .getChangeSets()
    .some(
      (changeSet) =>
        changeSet.type === ChangeSetType.CREATE &&
        changeSet.meta.className === OutboxEventSchema.meta.className,
    );
}
