import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, queryDatabase, type TestDatabase } from '@talentgraph/testing';
import { createEventTransport, PostgresEventTransport, type EventTransport } from '../src/index.ts';
import { numbered } from './support/events.ts';
import { describeTransportContract, newStorage } from './transport-contract.ts';

let eventsDatabase: TestDatabase;

beforeAll(async () => {
  eventsDatabase = await createTestDatabase('events_bus');
});

afterAll(async () => {
  await eventsDatabase?.drop();
});

const connect = (schema: string, options: { maxLength?: number } = {}) =>
  PostgresEventTransport.connect({ connectionString: eventsDatabase.url, schema, ...options });

describeTransportContract('PostgresEventTransport', { open: (storage) => connect(storage) });

describe('PostgresEventTransport', () => {
  const opened: EventTransport[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((transport) => transport.close()));
  });
  const open = async (schema = newStorage(), options: { maxLength?: number } = {}) => {
    const transport = await connect(schema, options);
    opened.push(transport);
    return transport;
  };
  const count = async (schema: string, table: string) =>
    (
      await queryDatabase<{ count: number }>(
        eventsDatabase.url,
        `select count(*)::integer as count from ${schema}.${table}`,
      )
    )[0]!.count;

  it('creates its tables once, even when several services start at the same time', async () => {
    const schema = newStorage();
    await Promise.all([open(schema), open(schema), open(schema)]);
    const tables = await queryDatabase<{ table_name: string }>(
      eventsDatabase.url,
      'select table_name from information_schema.tables where table_schema = $1 order by table_name',
      [schema],
    );
    expect(tables.map((table) => table.table_name)).toEqual([
      'consumer_groups',
      'dead_letters',
      'event_log',
      'pending_deliveries',
    ]);
  });

  it('wakes a waiting consumer through LISTEN/NOTIFY, without waiting for the poll', async () => {
    const schema = newStorage();
    const consuming = await open(schema);
    const publishing = await open(schema);
    const received: string[] = [];
    await consuming.consume('prompt', async (event) => void received.push(event.id), {
      pollIntervalMs: 600_000,
    });
    // The consumer has found nothing and is now waiting for a notification.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [event] = numbered(1);
    await publishing.publish([event!]);
    await vi.waitFor(() => expect(received).toEqual([event!.id]), { timeout: 5_000, interval: 10 });
  });

  it('stores an event published twice (a relay retrying) once', async () => {
    const schema = newStorage();
    const transport = await open(schema);
    const [event, other] = numbered(2);
    await transport.publish([event!]);
    await transport.publish([event!, other!]);
    expect(await count(schema, 'event_log')).toBe(2);
  });

  it('skips no event when concurrent publishers commit out of order', async () => {
    const schema = newStorage();
    const publishers = await Promise.all([open(schema), open(schema), open(schema)]);
    const consumer = await open(schema);
    const received: string[] = [];
    await consumer.consume('complete', async (event) => void received.push(event.id), { pollIntervalMs: 20 });
    const batches = Array.from({ length: 30 }, (_, index) => numbered(3, index * 3));
    await Promise.all(batches.map((batch, index) => publishers[index % 3]!.publish(batch)));
    const published = batches.flat().map((event) => event.id);
    await vi.waitFor(() => expect(received).toHaveLength(published.length), { timeout: 10_000 });
    expect([...received].sort()).toEqual([...published].sort());
  });

  it('delivers an event whose publisher committed after a later publisher (positions follow commit order)', async () => {
    const schema = newStorage();
    const transport = await open(schema);
    const received: string[] = [];
    await transport.consume('complete', async (event) => void received.push(event.id), {
      pollIntervalMs: 20,
    });
    const [slow, fast] = numbered(2);
    // A publisher caught between its insert and its commit, exactly as PostgresEventTransport.publish does.
    const slowPublisher = new pg.Client({ connectionString: eventsDatabase.url });
    await slowPublisher.connect();
    try {
      await slowPublisher.query('begin');
      await slowPublisher.query('select pg_advisory_xact_lock(hashtext($1))', [
        `talentgraph-events-publish:${schema}`,
      ]);
      await slowPublisher.query(`insert into ${schema}.event_log (event_id, envelope) values ($1, $2)`, [
        slow!.id,
        JSON.stringify(slow),
      ]);
      const publishing = transport.publish([fast!]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await slowPublisher.query('commit');
      await publishing;
    } finally {
      await slowPublisher.end();
    }
    await vi.waitFor(() => expect(received).toEqual([slow!.id, fast!.id]), { timeout: 5_000 });
  });

  it('drops a logged row that is not an event, and carries on with the next', async () => {
    const schema = newStorage();
    const transport = await open(schema);
    await queryDatabase(
      eventsDatabase.url,
      `insert into ${schema}.event_log (event_id, envelope) values ($1, $2)`,
      [randomUUID(), '{"not":"an event"}'],
    );
    const [event] = numbered(1);
    await transport.publish([event!]);
    const received: string[] = [];
    await transport.consume('careful', async (delivered) => void received.push(delivered.id), {
      pollIntervalMs: 50,
    });
    await vi.waitFor(() => expect(received).toEqual([event!.id]));
    await vi.waitFor(async () => expect(await count(schema, 'pending_deliveries')).toBe(0));
  });

  it('trims the log to maxLength events', async () => {
    const schema = newStorage();
    const transport = await open(schema, { maxLength: 10 });
    for (let batch = 0; batch < 5; batch++) await transport.publish(numbered(8, batch * 8));
    expect(await count(schema, 'event_log')).toBe(10);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(connect('event-bus; drop table x')).rejects.toThrow(RangeError);
  });

  it('is what createEventTransport returns without a Redis URL', async () => {
    const transport = await createEventTransport({
      eventsDatabaseUrl: eventsDatabase.url,
      schema: newStorage(),
    });
    opened.push(transport);
    expect(transport).toBeInstanceOf(PostgresEventTransport);
    expect(transport.kind).toBe('POSTGRES');
  });
});
