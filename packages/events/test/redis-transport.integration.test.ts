import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEventTransport, RedisEventTransport, type EventTransport } from '../src/index.ts';
import { numbered } from './support/events.ts';
import { describeTransportContract, newStorage } from './transport-contract.ts';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Unique to this run, so parallel runs and leftovers never meet; deleted afterwards. */
const prefix = `test:events:${randomUUID()}:`;

let redis: Redis;

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const openRedisTransport = (storage: string, options: { maxLength?: number } = {}) =>
  new RedisEventTransport({
    redis: new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }),
    ownsConnection: true,
    keyPrefix: `${prefix}${storage}:`,
    ...options,
  });

describeTransportContract('RedisEventTransport', { open: async (storage) => openRedisTransport(storage) });

describe('RedisEventTransport', () => {
  const opened: EventTransport[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((transport) => transport.close()));
  });
  const open = (storage = newStorage(), options: { maxLength?: number } = {}) => {
    const transport = openRedisTransport(storage, options);
    opened.push(transport);
    return transport;
  };

  it('wakes a blocked consumer as soon as an event is published, without waiting for the poll', async () => {
    const transport = open();
    const received: string[] = [];
    await transport.consume('prompt', async (event) => void received.push(event.id), {
      pollIntervalMs: 600_000,
    });
    const [event] = numbered(1);
    await transport.publish([event!]);
    await vi.waitFor(() => expect(received).toEqual([event!.id]), { timeout: 5_000, interval: 10 });
  });

  it('keeps every key under its prefix: one stream, a replay stream per group, dead letters', async () => {
    const storage = newStorage();
    const transport = open(storage);
    await transport.consume(
      'keys',
      async () => {
        throw new Error('always failing');
      },
      { pollIntervalMs: 50, retry: { maxAttempts: 1 } },
    );
    await transport.publish(numbered(1));
    await vi.waitFor(async () => expect((await transport.deadLetters.list()).deadLetters).toHaveLength(1));
    const keys = (await redis.keys(`${prefix}${storage}:*`)).map((key) =>
      key.slice(`${prefix}${storage}:`.length),
    );
    expect(keys.sort()).toEqual(
      [
        'stream',
        'replay:keys',
        'dead-letters',
        'dead-letters:keys',
        'dead-letters:last-id',
        'dead-letter:1',
      ].sort(),
    );
    expect(await redis.xlen(`${prefix}${storage}:stream`)).toBe(1);
  });

  it('trims the stream to about maxLength events', async () => {
    const storage = newStorage();
    const transport = open(storage, { maxLength: 10 });
    for (let batch = 0; batch < 10; batch++) await transport.publish(numbered(50, batch * 50));
    const length = await redis.xlen(`${prefix}${storage}:stream`);
    expect(length).toBeGreaterThanOrEqual(10);
    expect(length).toBeLessThan(500);
  });

  it('forgets a stopped consumer that holds nothing, so groups do not collect one consumer per start', async () => {
    const storage = newStorage();
    const transport = open(storage);
    const received: string[] = [];
    const consumer = await transport.consume('tidy', async (event) => void received.push(event.id), {
      pollIntervalMs: 50,
      consumerName: 'tidy-1',
    });
    await transport.publish(numbered(2));
    await vi.waitFor(() => expect(received).toHaveLength(2));
    const consumersOf = async () =>
      ((await redis.call('XINFO', 'CONSUMERS', `${prefix}${storage}:stream`, 'tidy')) as unknown[][]).map(
        (fields) => fields[fields.indexOf('name') + 1],
      );
    expect(await consumersOf()).toEqual(['tidy-1']);
    await consumer.stop();
    expect(await consumersOf()).toEqual([]);
  });

  it('creates its group again when the stream disappears (Redis restarted without persistence)', async () => {
    const storage = newStorage();
    const transport = open(storage);
    const received: string[] = [];
    await transport.consume('survivor', async (event) => void received.push(event.id), {
      pollIntervalMs: 50,
    });
    const [before, after] = numbered(2);
    await transport.publish([before!]);
    await vi.waitFor(() => expect(received).toEqual([before!.id]));
    await redis.del(`${prefix}${storage}:stream`, `${prefix}${storage}:replay:survivor`);
    await vi.waitFor(async () => expect(await redis.exists(`${prefix}${storage}:stream`)).toBe(1));
    await transport.publish([after!]);
    await vi.waitFor(() => expect(received).toEqual([before!.id, after!.id]));
  });

  it('drops an entry that is not an event, and carries on with the next', async () => {
    const storage = newStorage();
    const transport = open(storage);
    const received: string[] = [];
    await transport.consume('careful', async (event) => void received.push(event.id), { pollIntervalMs: 50 });
    await redis.xadd(`${prefix}${storage}:stream`, '*', 'envelope', '{"not":"an event"}');
    const [event] = numbered(1);
    await transport.publish([event!]);
    await vi.waitFor(() => expect(received).toEqual([event!.id]));
    const [pending] = (await redis.xpending(`${prefix}${storage}:stream`, 'careful')) as [number];
    expect(pending).toBe(0);
  });

  it('is what createEventTransport returns when a Redis URL is configured', async () => {
    const transport = await createEventTransport({
      redisUrl: REDIS_URL,
      eventsDatabaseUrl: 'postgres://unused.invalid/unused',
      keyPrefix: `${prefix}${newStorage()}:`,
    });
    opened.push(transport);
    expect(transport).toBeInstanceOf(RedisEventTransport);
    expect(transport.kind).toBe('REDIS');
  });

  it('does not close a connection it was given', async () => {
    const transport = new RedisEventTransport({ redis, keyPrefix: `${prefix}${newStorage()}:` });
    await transport.close();
    expect(await redis.ping()).toBe('PONG');
  });
});
