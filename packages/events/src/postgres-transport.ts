import pg from 'pg';
import { parseEvent, type EventEnvelope } from './envelope.ts';
import { startConsumerLoop, type Delivery, type DeliverySource } from './consumer-loop.ts';
import { sleep } from './delivery.ts';
import { silentLogger, type EventLogger } from './logger.ts';
import {
  checkDeadLetterId,
  checkGroupName,
  DeadLetterNotFoundError,
  positiveInteger,
  resolveConsumeOptions,
  resolveListOptions,
  type ConsumeOptions,
  type DeadLetterPage,
  type DeadLetterStore,
  type EventConsumer,
  type EventHandler,
  type EventTransport,
  type ListDeadLettersOptions,
  type ReplayedDeadLetter,
  type ResolvedConsumeOptions,
} from './transport.ts';
import { Wakeup } from './wakeup.ts';

export interface PostgresEventTransportOptions {
  /** The events database, shared by every service (not a subgraph's own database). */
  readonly connectionString: string;
  /** Schema of the transport's tables, created if missing (default `event_bus`). */
  readonly schema?: string;
  /** The log keeps about this many latest events (default 100,000), like the Redis stream's MAXLEN. */
  readonly maxLength?: number;
  /** Connections of the transport's pool (default 5), plus one for LISTEN once something consumes. */
  readonly poolMax?: number;
  readonly logger?: EventLogger;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;
/** After losing its connection, the listener tries again this often; polling covers the gap. */
const LISTEN_RECONNECT_DELAY_MS = 1_000;

/**
 * The event log in PostgreSQL, for when there is no Redis (`npm start`, tests). Tables, in `schema`:
 * - `event_log`: every event at an increasing `position`;
 * - `consumer_groups`: each group's position: the last event it has taken from the log;
 * - `pending_deliveries`: events taken by a consumer of a group and not yet acknowledged (the
 *   equivalent of a Redis group's pending entries list), with the time from which another consumer may
 *   take them over; replayed dead letters come back here too;
 * - `dead_letters`.
 * The tables are created at connect with `create … if not exists`: the events database belongs to no
 * subgraph, so this package owns its schema rather than any subgraph's migrations.
 */
export class PostgresEventTransport implements EventTransport {
  readonly kind = 'POSTGRES';
  readonly deadLetters: DeadLetterStore;
  readonly #pool: pg.Pool;
  readonly #connectionString: string;
  readonly #sql: PostgresSql;
  readonly #maxLength: number;
  readonly #logger: EventLogger;
  readonly #wakeup = new Wakeup();
  readonly #consumers = new Set<EventConsumer>();
  #listener: NotificationListener | undefined;
  #closing: Promise<void> | undefined;

  /** Connects and creates the tables when missing. */
  static async connect(options: PostgresEventTransportOptions): Promise<PostgresEventTransport> {
    const transport = new PostgresEventTransport(options);
    try {
      await transport.#createTables();
    } catch (error) {
      await transport.#pool.end();
      throw error;
    }
    return transport;
  }

  private constructor(options: PostgresEventTransportOptions) {
    const schema = options.schema ?? 'event_bus';
    if (!SCHEMA_NAME.test(schema)) {
      throw new RangeError(
        `The events schema must be lower-case letters, digits and underscores, at most 50 characters; got ${JSON.stringify(schema)}.`,
      );
    }
    this.#connectionString = options.connectionString;
    this.#sql = postgresSql(schema);
    this.#maxLength = positiveInteger('maxLength', options.maxLength ?? 100_000);
    this.#logger = options.logger ?? silentLogger;
    this.#pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolMax ?? 5 });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.#pool.on('error', (error) => this.#logger.warn({ err: error }, 'events database connection lost'));
    this.deadLetters = new PostgresDeadLetterStore(this.#pool, this.#sql);
  }

  async #createTables(): Promise<void> {
    const { schema, table } = this.#sql;
    await transaction(this.#pool, async (client) => {
      // Services starting together would otherwise race on `create … if not exists`.
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [`talentgraph-events-ddl:${schema}`]);
      await client.query(`create schema if not exists ${pg.escapeIdentifier(schema)}`);
      await client.query(`
        create table if not exists ${table.log} (
          position bigserial primary key,
          event_id uuid not null unique,
          envelope jsonb not null,
          published_at timestamptz not null default now()
        )`);
      await client.query(`
        create table if not exists ${table.groups} (
          name text primary key,
          position bigint not null default 0,
          created_at timestamptz not null default now()
        )`);
      await client.query(`
        create table if not exists ${table.pending} (
          id bigserial primary key,
          group_name text not null,
          event_id uuid not null,
          envelope jsonb not null,
          consumer text,
          available_at timestamptz not null,
          unique (group_name, event_id)
        )`);
      await client.query(
        `create index if not exists pending_deliveries_available_index on ${table.pending} (group_name, available_at)`,
      );
      await client.query(`
        create table if not exists ${table.deadLetters} (
          id bigserial primary key,
          group_name text not null,
          event_id uuid not null,
          envelope jsonb not null,
          error text not null,
          attempts integer not null,
          failed_at timestamptz not null default now()
        )`);
      await client.query(
        `create index if not exists dead_letters_group_name_index on ${table.deadLetters} (group_name, id)`,
      );
    });
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const envelopes = JSON.stringify(events.map((event) => parseEvent(event)));
    const { table } = this.#sql;
    await transaction(this.#pool, async (client) => {
      // Positions are taken from a sequence when rows are inserted, not when they commit: two publishers
      // committing in the opposite order would let a consumer read position 6, move its group past it,
      // and only then see position 5 appear. Publishing one transaction at a time keeps positions in
      // commit order, so a group's position is a safe "everything up to here" mark.
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [this.#sql.publishLock]);
      // Ordered by place in the batch; an event published again (a relay retrying) is stored once.
      await client.query(
        `insert into ${table.log} (event_id, envelope)
         select (envelope ->> 'id')::uuid, envelope
         from jsonb_array_elements($1::jsonb) with ordinality as batch(envelope, place)
         order by place
         on conflict (event_id) do nothing`,
        [envelopes],
      );
      await client.query(
        `delete from ${table.log} where position <= (select max(position) from ${table.log}) - $1`,
        [this.#maxLength],
      );
      await client.query('select pg_notify($1, $2)', [this.#sql.channel, '']);
    });
  }

  async consume(group: string, handler: EventHandler, options?: ConsumeOptions): Promise<EventConsumer> {
    checkGroupName(group);
    const resolved = resolveConsumeOptions(options);
    // Position 0: a new group starts with the oldest retained event (see RedisEventTransport.consume).
    await this.#pool.query(
      `insert into ${this.#sql.table.groups} (name) values ($1) on conflict do nothing`,
      [group],
    );
    await this.#listen();
    const source = new PostgresDeliverySource(
      this.#pool,
      this.#sql,
      this.#wakeup,
      group,
      resolved,
      this.#logger,
    );
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

  /** Starts the LISTEN connection with the first consumer; publishing alone does not need it. */
  async #listen(): Promise<void> {
    this.#listener ??= new NotificationListener(
      this.#connectionString,
      this.#sql.channel,
      this.#wakeup,
      this.#logger,
    );
    try {
      await this.#listener.started;
    } catch (error) {
      this.#listener = undefined;
      throw error;
    }
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all([...this.#consumers].map((consumer) => consumer.stop()));
      await this.#listener?.stop();
      await this.#pool.end();
    })();
    return this.#closing;
  }
}

interface PostgresSql {
  readonly schema: string;
  readonly table: { readonly log: string; groups: string; pending: string; deadLetters: string };
  readonly publishLock: string;
  /** NOTIFY channel: new events, released or replayed deliveries. */
  readonly channel: string;
}

function postgresSql(schema: string): PostgresSql {
  const qualified = (name: string) => `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`;
  return {
    schema,
    table: {
      log: qualified('event_log'),
      groups: qualified('consumer_groups'),
      pending: qualified('pending_deliveries'),
      deadLetters: qualified('dead_letters'),
    },
    publishLock: `talentgraph-events-publish:${schema}`,
    channel: `events_${schema}`,
  };
}

async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface PostgresDelivery extends Delivery {
  readonly pendingId: string;
}

interface PendingRow {
  id: string;
  envelope: unknown;
}

class PostgresDeliverySource implements DeliverySource<PostgresDelivery> {
  readonly #pool: pg.Pool;
  readonly #sql: PostgresSql;
  readonly #wakeup: Wakeup;
  readonly #group: string;
  readonly #options: ResolvedConsumeOptions;
  readonly #logger: EventLogger;

  constructor(
    pool: pg.Pool,
    sql: PostgresSql,
    wakeup: Wakeup,
    group: string,
    options: ResolvedConsumeOptions,
    logger: EventLogger,
  ) {
    this.#pool = pool;
    this.#sql = sql;
    this.#wakeup = wakeup;
    this.#group = group;
    this.#options = options;
    this.#logger = logger;
  }

  async next(signal: AbortSignal): Promise<readonly PostgresDelivery[]> {
    const generation = this.#wakeup.generation;
    const available = await this.#takeAvailable();
    if (available.length > 0) return available;
    const fresh = await this.#takeNew();
    if (fresh.length > 0) return fresh;
    await this.#wakeup.wait(generation, this.#options.pollIntervalMs, signal);
    return [];
  }

  /** Pending deliveries free to take: abandoned by their consumer (past their lease), released or replayed. */
  async #takeAvailable(): Promise<PostgresDelivery[]> {
    const { rows } = await this.#pool.query<PendingRow>(
      `update ${this.#sql.table.pending}
       set consumer = $2, available_at = now() + $3::integer * interval '1 millisecond'
       where id in (
         select id from ${this.#sql.table.pending}
         where group_name = $1 and available_at <= now()
         order by id limit $4
         for update skip locked
       )
       returning id, envelope`,
      [this.#group, this.#options.consumerName, this.#options.claimIdleMs, this.#options.batchSize],
    );
    return this.#deliveries(rows);
  }

  /** The group's next events from the log, moved to pending deliveries of this consumer. */
  async #takeNew(): Promise<PostgresDelivery[]> {
    const { table } = this.#sql;
    return transaction(this.#pool, async (client) => {
      // Locking the group's row makes its consumers take new events one after the other, each its own.
      const group = await client.query<{ position: string }>(
        `select position from ${table.groups} where name = $1 for update`,
        [this.#group],
      );
      const from = group.rows[0]?.position ?? '0';
      const batch = await client.query<{ last: string | null }>(
        `select max(position)::text as last
         from (select position from ${table.log} where position > $1 order by position limit $2) as batch`,
        [from, this.#options.batchSize],
      );
      const last = batch.rows[0]?.last ?? null;
      if (last === null) return [];
      const { rows } = await client.query<PendingRow>(
        `insert into ${table.pending} (group_name, event_id, envelope, consumer, available_at)
         select $1, event_id, envelope, $4, now() + $5::integer * interval '1 millisecond'
         from ${table.log} where position > $2 and position <= $3 order by position
         on conflict (group_name, event_id) do nothing
         returning id, envelope`,
        [this.#group, from, last, this.#options.consumerName, this.#options.claimIdleMs],
      );
      await client.query(`update ${table.groups} set position = $2 where name = $1`, [this.#group, last]);
      return rows;
    }).then((rows) => this.#deliveries(rows));
  }

  /** In the order they were taken from the log. */
  async #deliveries(rows: readonly PendingRow[]): Promise<PostgresDelivery[]> {
    const deliveries: PostgresDelivery[] = [];
    for (const row of [...rows].sort((left, right) => Number(BigInt(left.id) - BigInt(right.id)))) {
      try {
        deliveries.push({ pendingId: row.id, event: parseEvent(row.envelope) });
      } catch (error) {
        // Not written by this package (publish validates): no handler could use it, so it is dropped.
        this.#logger.error({ group: this.#group, pendingId: row.id, err: error }, 'unreadable event dropped');
        await this.#pool.query(`delete from ${this.#sql.table.pending} where id = $1`, [row.id]);
      }
    }
    return deliveries;
  }

  async acknowledge(delivery: PostgresDelivery): Promise<void> {
    await this.#pool.query(`delete from ${this.#sql.table.pending} where id = $1`, [delivery.pendingId]);
  }

  async deadLetter(delivery: PostgresDelivery, failure: { error: string; attempts: number }): Promise<void> {
    const { table } = this.#sql;
    await this.#pool.query(
      `with removed as (
         delete from ${table.pending} where id = $1 returning group_name, event_id, envelope
       )
       insert into ${table.deadLetters} (group_name, event_id, envelope, error, attempts)
       select group_name, event_id, envelope, $2, $3 from removed`,
      [delivery.pendingId, failure.error, failure.attempts],
    );
  }

  async release(released: readonly PostgresDelivery[]): Promise<void> {
    await this.#pool.query(
      `with released as (
         update ${this.#sql.table.pending} set available_at = now()
         where id = any($1::bigint[]) and consumer = $2
         returning id
       )
       select pg_notify($3, '') where exists (select 1 from released)`,
      [released.map((delivery) => delivery.pendingId), this.#options.consumerName, this.#sql.channel],
    );
  }

  async close(): Promise<void> {}
}

class PostgresDeadLetterStore implements DeadLetterStore {
  readonly #pool: pg.Pool;
  readonly #sql: PostgresSql;

  constructor(pool: pg.Pool, sql: PostgresSql) {
    this.#pool = pool;
    this.#sql = sql;
  }

  async list(options?: ListDeadLettersOptions): Promise<DeadLetterPage> {
    const { group, first, after } = resolveListOptions(options);
    const { rows } = await this.#pool.query<{
      id: string;
      group_name: string;
      envelope: unknown;
      error: string;
      attempts: number;
      failed_at: Date;
    }>(
      `select id, group_name, envelope, error, attempts, failed_at from ${this.#sql.table.deadLetters}
       where ($1::text is null or group_name = $1) and id > $2
       order by id limit $3`,
      [group, after, first + 1],
    );
    const deadLetters = rows.slice(0, first).map((row) => ({
      id: row.id,
      group: row.group_name,
      event: parseEvent(row.envelope),
      error: row.error,
      attempts: row.attempts,
      failedAt: row.failed_at.toISOString(),
    }));
    return { deadLetters, endCursor: deadLetters.at(-1)?.id ?? null, hasNextPage: rows.length > first };
  }

  async replay(id: string): Promise<ReplayedDeadLetter> {
    const { table, channel } = this.#sql;
    // One statement: two admins replaying the same dead letter deliver it once.
    const { rows } = await this.#pool.query<{ group_name: string | null; envelope: unknown }>(
      `with replayed as (
         delete from ${table.deadLetters} where id = $1 returning group_name, event_id, envelope
       ), queued as (
         insert into ${table.pending} (group_name, event_id, envelope, consumer, available_at)
         select group_name, event_id, envelope, null, now() from replayed
         on conflict (group_name, event_id) do nothing
       )
       select replayed.group_name, replayed.envelope, pg_notify($2, '')
       from (select 1) as always left join replayed on true`,
      [checkDeadLetterId(id), channel],
    );
    const [row] = rows;
    if (!row?.group_name) throw new DeadLetterNotFoundError(id);
    return { id, group: row.group_name, event: parseEvent(row.envelope) };
  }
}

/**
 * One connection that LISTENs on the transport's channel and wakes the consumers. When it is lost it
 * reconnects, and wakes everyone once back, since notifications sent meanwhile were missed.
 */
class NotificationListener {
  readonly started: Promise<void>;
  readonly #connectionString: string;
  readonly #channel: string;
  readonly #wakeup: Wakeup;
  readonly #logger: EventLogger;
  readonly #stopping = new AbortController();
  #client: pg.Client | undefined;

  constructor(connectionString: string, channel: string, wakeup: Wakeup, logger: EventLogger) {
    this.#connectionString = connectionString;
    this.#channel = channel;
    this.#wakeup = wakeup;
    this.#logger = logger;
    this.started = this.#listen();
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#connectionString });
    client.on('notification', () => this.#wakeup.wake());
    client.on('error', (error) => {
      this.#logger.warn({ err: error }, 'events LISTEN connection lost, reconnecting');
      void this.#reconnect(client);
    });
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(this.#channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.#client = client;
  }

  async #reconnect(lost: pg.Client): Promise<void> {
    if (this.#client !== lost) return;
    this.#client = undefined;
    await lost.end().catch(() => undefined);
    while (await sleep(LISTEN_RECONNECT_DELAY_MS, this.#stopping.signal)) {
      try {
        await this.#listen();
      } catch (error) {
        this.#logger.warn({ err: error }, 'events LISTEN reconnection failed');
        continue;
      }
      if (this.#stopping.signal.aborted) await this.stop();
      else this.#wakeup.wake();
      return;
    }
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.started.catch(() => undefined);
    await this.#client?.end();
    this.#client = undefined;
  }
}
