import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineEntity, p } from '@mikro-orm/core';
import { createOrm, type MikroORM } from '@talentgraph/platform';
import { createTestDatabase, queryDatabase, type TestDatabase } from '@talentgraph/testing';
import {
  eventEntities,
  InvalidEventError,
  OutboxRelay,
  PostgresEventTransport,
  recordEvent,
  type EventEnvelope,
  type EventTransport,
} from '../src/index.ts';
import { numbered } from './support/events.ts';
import { newStorage } from './transport-contract.ts';

/** The state whose changes the events announce. */
const WidgetSchema = defineEntity({
  name: 'Widget',
  tableName: 'widgets',
  properties: { id: p.uuid().primary(), label: p.string() },
});

/** Records what reaches the transport; can be made slow or failing. */
class RecordingTransport implements EventTransport {
  readonly kind = 'POSTGRES';
  readonly published: EventEnvelope[] = [];
  delayMs = 0;
  failuresLeft = 0;
  readonly deadLetters = {
    list: () => Promise.reject(new Error('not used')),
    replay: () => Promise.reject(new Error('not used')),
  };

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('Redis is unreachable');
    }
    this.published.push(...events);
  }

  consume(): never {
    throw new Error('not used');
  }

  async close(): Promise<void> {}
}

let subgraphDatabase: TestDatabase;
let eventsDatabase: TestDatabase;
let orm: MikroORM;
const started: OutboxRelay[] = [];
const closeAfterwards: { close(): Promise<unknown> }[] = [];

const outboxRows = () =>
  queryDatabase<{ sequence: number; event_id: string; envelope: EventEnvelope; published_at: Date | null }>(
    subgraphDatabase.url,
    'select sequence, event_id, envelope, published_at from event_outbox order by sequence',
  );
const widgetLabels = async () =>
  (
    await queryDatabase<{ label: string }>(subgraphDatabase.url, 'select label from widgets order by label')
  ).map((row) => row.label);

/** A state change and the events announcing it, in one transaction. */
async function addWidget(label: string, events: readonly EventEnvelope[], ormOfReplica = orm): Promise<void> {
  await ormOfReplica.em.fork().transactional(async (tx) => {
    tx.create(WidgetSchema, { id: randomUUID(), label });
    for (const event of events) recordEvent(tx, event);
  });
}

function startRelay(
  transport: EventTransport,
  options: { ormOfReplica?: MikroORM; pollIntervalMs?: number } = {},
) {
  const relay = new OutboxRelay({
    em: (options.ormOfReplica ?? orm).em,
    transport,
    pollIntervalMs: options.pollIntervalMs ?? 600_000,
  });
  relay.start();
  started.push(relay);
  return relay;
}

beforeAll(async () => {
  subgraphDatabase = await createTestDatabase('events_outbox');
  eventsDatabase = await createTestDatabase('events_outbox_bus');
  orm = await createOrm({
    databaseUrl: subgraphDatabase.url,
    entities: [...eventEntities, WidgetSchema],
    migrations: [],
  });
  await orm.schema.create();
});

beforeEach(async () => {
  await queryDatabase(subgraphDatabase.url, 'truncate event_outbox, widgets');
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((relay) => relay.stop()));
  await Promise.all(closeAfterwards.splice(0).map((resource) => resource.close()));
});

afterAll(async () => {
  await orm?.close();
  await subgraphDatabase?.drop();
  await eventsDatabase?.drop();
});

describe('recordEvent', () => {
  it('commits the event with the state change it announces, unpublished until a relay runs', async () => {
    const [event] = numbered(1);
    await addWidget('committed', [event!]);
    expect(await widgetLabels()).toEqual(['committed']);
    const rows = await outboxRows();
    expect(
      rows.map(({ event_id, envelope, published_at }) => ({ event_id, envelope, published_at })),
    ).toEqual([{ event_id: event!.id, envelope: event, published_at: null }]);
  });

  it('rolls the event back with the state change', async () => {
    const [event] = numbered(1);
    await expect(
      orm.em.fork().transactional(async (tx) => {
        tx.create(WidgetSchema, { id: randomUUID(), label: 'rolled back' });
        recordEvent(tx, event!);
        await tx.flush();
        throw new Error('a later check failed');
      }),
    ).rejects.toThrow('a later check failed');
    expect(await widgetLabels()).toEqual([]);
    expect(await outboxRows()).toEqual([]);
  });

  it('refuses a malformed envelope before anything is written', async () => {
    const [event] = numbered(1);
    await expect(addWidget('never', [{ ...event!, type: 'not a type' }])).rejects.toThrow(InvalidEventError);
    expect(await widgetLabels()).toEqual([]);
    expect(await outboxRows()).toEqual([]);
  });
});

describe('OutboxRelay', () => {
  it('delivers events committed while no relay ran (a crash between commit and publish) once one starts', async () => {
    const schema = newStorage();
    const publisher = await PostgresEventTransport.connect({ connectionString: eventsDatabase.url, schema });
    const consumerSide = await PostgresEventTransport.connect({
      connectionString: eventsDatabase.url,
      schema,
    });
    closeAfterwards.push(publisher, consumerSide);
    const received: string[] = [];
    await consumerSide.consume('downstream', async (event) => void received.push(event.id), {
      pollIntervalMs: 50,
    });
    const events = numbered(3);
    await addWidget('first', events.slice(0, 2));
    await addWidget('second', events.slice(2));
    const logged = await queryDatabase(eventsDatabase.url, `select 1 from ${schema}.event_log`);
    expect(logged).toEqual([]);

    startRelay(publisher);
    await vi.waitFor(() => expect(received).toEqual(events.map((event) => event.id)), { timeout: 10_000 });
    expect((await outboxRows()).every((row) => row.published_at !== null)).toBe(true);
  });

  it('publishes right after each commit that records events, without waiting for the poll', async () => {
    const transport = new RecordingTransport();
    startRelay(transport, { pollIntervalMs: 600_000 });
    const publishedIds = () => transport.published.map((event) => event.id);
    const [inTransaction, onFlush, inSavepoint] = numbered(3);

    await addWidget('transactional', [inTransaction!]);
    await vi.waitFor(() => expect(publishedIds()).toEqual([inTransaction!.id]), {
      timeout: 5_000,
      interval: 5,
    });

    const em = orm.em.fork();
    em.create(WidgetSchema, { id: randomUUID(), label: 'bare flush' });
    recordEvent(em, onFlush!);
    await em.flush();
    await vi.waitFor(() => expect(publishedIds()).toContain(onFlush!.id), { timeout: 5_000, interval: 5 });

    await orm.em.fork().transactional(async (outer) => {
      await outer.transactional(async (inner) => recordEvent(inner, inSavepoint!));
      outer.create(WidgetSchema, { id: randomUUID(), label: 'outer' });
    });
    await vi.waitFor(() => expect(publishedIds()).toContain(inSavepoint!.id), {
      timeout: 5_000,
      interval: 5,
    });
    expect(publishedIds()).toEqual([inTransaction!.id, onFlush!.id, inSavepoint!.id]);
  });

  it('lets several replicas relay together, each event published once and in recording order', async () => {
    const transport = new RecordingTransport();
    transport.delayMs = 5;
    const replicas = await Promise.all(
      [1, 2].map(() =>
        createOrm({
          databaseUrl: subgraphDatabase.url,
          entities: [...eventEntities, WidgetSchema],
          migrations: [],
        }),
      ),
    );
    closeAfterwards.push(...replicas);
    const events = numbered(60);
    for (let batch = 0; batch < 6; batch++) {
      await addWidget(`widget ${batch}`, events.slice(batch * 10, batch * 10 + 10), replicas[batch % 2]);
    }
    const relays = [orm, ...replicas].map((ormOfReplica) =>
      startRelay(transport, { ormOfReplica, pollIntervalMs: 20 }),
    );
    await Promise.all(relays.map((relay) => relay.publishPending()));
    await vi.waitFor(() => expect(transport.published).toHaveLength(60), { timeout: 10_000 });
    expect(transport.published.map((event) => event.id)).toEqual(events.map((event) => event.id));
    // Every row is marked: no relay publishes anything again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(transport.published).toHaveLength(60);
    expect((await outboxRows()).filter((row) => row.published_at === null)).toEqual([]);
  });

  it('keeps the events unpublished when the transport fails, and publishes them on the next run', async () => {
    const transport = new RecordingTransport();
    transport.failuresLeft = 1;
    const relay = new OutboxRelay({ em: orm.em, transport, batchSize: 2 });
    const events = numbered(3);
    await addWidget('pending', events);
    await expect(relay.publishPending()).rejects.toThrow('Redis is unreachable');
    expect((await outboxRows()).map((row) => row.published_at)).toEqual([null, null, null]);
    expect(await relay.publishPending()).toBe(3);
    expect(transport.published.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(await relay.publishPending()).toBe(0);
  });

  it('purges rows published longer ago than keepPublishedForMs, never unpublished ones', async () => {
    const transport = new RecordingTransport();
    const relay = new OutboxRelay({ em: orm.em, transport, keepPublishedForMs: 3_600_000 });
    const [published, pending] = numbered(2);
    await addWidget('published', [published!]);
    await relay.publishPending();
    await addWidget('pending', [pending!]);
    expect(await relay.purgePublished()).toBe(0);
    expect(await relay.purgePublished(new Date(Date.now() + 2 * 3_600_000))).toBe(1);
    expect((await outboxRows()).map((row) => row.event_id)).toEqual([pending!.id]);
  });

  it('refuses nonsensical options and a second start', () => {
    const transport = new RecordingTransport();
    expect(() => new OutboxRelay({ em: orm.em, transport, batchSize: 0 })).toThrow(RangeError);
    expect(() => new OutboxRelay({ em: orm.em, transport, pollIntervalMs: -1 })).toThrow(RangeError);
    const relay = startRelay(transport);
    expect(() => relay.start()).toThrow('started only once');
  });
});
