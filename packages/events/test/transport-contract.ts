import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  consumeIdempotently,
  DeadLetterNotFoundError,
  idempotentHandler,
  InvalidEventError,
  NonRetryableEventError,
  type ConsumeOptions,
  type EventEnvelope,
  type EventHandlerDefinition,
  type EventTransport,
} from '../src/index.ts';
import {
  AppliedEffectSchema,
  createConsumerDatabase,
  type ConsumerDatabase,
} from './support/consumer-database.ts';
import { numbered, thingHappened, untilAborted } from './support/events.ts';

export interface TransportContractFixture {
  /**
   * Opens a transport on the storage named `storage` (a Redis key prefix, a PostgreSQL schema). Two
   * transports opened on the same storage see the same events, like two processes of one deployment.
   */
  open(storage: string): Promise<EventTransport>;
}

/** Short delays so that retries and take-overs happen within a test. */
const FAST = {
  pollIntervalMs: 50,
  claimIdleMs: 5_000,
  retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 200 },
} satisfies ConsumeOptions;
const WAIT = { timeout: 10_000, interval: 20 };

const ids = (events: readonly EventEnvelope[]) => events.map((event) => event.id);

/**
 * What every EventTransport must do, run against each implementation. Each test works on storage of
 * its own, so groups start empty and tests cannot see each other's events.
 */
export function describeTransportContract(name: string, fixture: TransportContractFixture): void {
  describe(`${name} (EventTransport contract)`, () => {
    let consumerDatabase: ConsumerDatabase;
    const opened: EventTransport[] = [];
    const open = async (storage = newStorage()) => {
      const transport = await fixture.open(storage);
      opened.push(transport);
      return transport;
    };
    const thingHappenedHandler: EventHandlerDefinition<{ n: number }> = {
      versions: [1],
      async handle(event, em) {
        em.create(AppliedEffectSchema, { eventId: event.id, note: `thing ${event.payload.n}` });
      },
    };
    const applyOnce = () => ({ 'contract.ThingHappened': thingHappenedHandler });

    beforeAll(async () => {
      consumerDatabase = await createConsumerDatabase('events_contract_consumer');
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((transport) => transport.close()));
    });

    afterAll(async () => {
      await consumerDatabase?.close();
    });

    it('delivers published events to a consumer, envelope intact, first attempt', async () => {
      const transport = await open();
      const received: { event: EventEnvelope; attempt: number }[] = [];
      await transport.consume(
        'receiver',
        async (event, context) => {
          received.push({ event, attempt: context.attempt });
        },
        FAST,
      );
      const events = numbered(2);
      await transport.publish(events);
      await vi.waitFor(() => expect(received).toHaveLength(2), WAIT);
      expect(received).toEqual(events.map((event) => ({ event, attempt: 1 })));
    });

    it('gives every group every event', async () => {
      const transport = await open();
      const byGroup = { alpha: [] as string[], beta: [] as string[] };
      for (const group of ['alpha', 'beta'] as const) {
        await transport.consume(group, async (event) => void byGroup[group].push(event.id), FAST);
      }
      const events = numbered(5);
      await transport.publish(events);
      await vi.waitFor(() => expect(byGroup).toEqual({ alpha: ids(events), beta: ids(events) }), WAIT);
    });

    it('shares a group between its consumers, each event handled by one of them', async () => {
      const transport = await open();
      const handledBy = new Map<string, string[]>();
      const worker = (consumer: string) => async (event: EventEnvelope) => {
        handledBy.set(event.id, [...(handledBy.get(event.id) ?? []), consumer]);
        await new Promise((resolve) => setTimeout(resolve, 10));
      };
      for (const consumer of ['one', 'two']) {
        await transport.consume('workers', worker(consumer), {
          ...FAST,
          batchSize: 1,
          consumerName: consumer,
        });
      }
      const events = numbered(30);
      await transport.publish(events);
      await vi.waitFor(() => expect(handledBy.size).toBe(30), WAIT);
      expect([...handledBy.values()].every((consumers) => consumers.length === 1)).toBe(true);
      const perConsumer = [...handledBy.values()].flat();
      expect(perConsumer.filter((consumer) => consumer === 'one').length).toBeGreaterThan(0);
      expect(perConsumer.filter((consumer) => consumer === 'two').length).toBeGreaterThan(0);
    });

    it('delivers an event again to another consumer when the one handling it dies', async () => {
      const transport = await open();
      const [event] = numbered(1);
      const seenByA: string[] = [];
      const seenByB: string[] = [];
      // A hangs like a dead process: it never finishes, until the test ends and stops it.
      const a = await transport.consume(
        'workers',
        async (received, { signal }) => {
          seenByA.push(received.id);
          await untilAborted(signal);
          throw new Error('the process died');
        },
        { ...FAST, claimIdleMs: 300, consumerName: 'worker-a' },
      );
      await transport.publish([event!]);
      await vi.waitFor(() => expect(seenByA).toEqual([event!.id]), WAIT);
      await transport.consume('workers', async (received) => void seenByB.push(received.id), {
        ...FAST,
        claimIdleMs: 300,
        consumerName: 'worker-b',
      });
      await vi.waitFor(() => expect(seenByB).toEqual([event!.id]), WAIT);
      await a.stop();
      expect(seenByA).toEqual([event!.id]);
    });

    it('hands back at once the events a stopped consumer took but did not handle', async () => {
      const transport = await open();
      const events = numbered(5);
      await transport.publish(events);
      const startedByA: string[] = [];
      // A long claimIdleMs: only the hand-back, not a take-over after idling, can bring them to B in time.
      const slow = { ...FAST, claimIdleMs: 600_000, batchSize: 5 };
      const a = await transport.consume(
        'workers',
        async (event, { signal }) => {
          startedByA.push(event.id);
          await untilAborted(signal);
          throw new Error('interrupted by shutdown');
        },
        { ...slow, consumerName: 'worker-a' },
      );
      await vi.waitFor(() => expect(startedByA).toHaveLength(1), WAIT);
      await a.stop();
      const handledByB: string[] = [];
      await transport.consume('workers', async (event) => void handledByB.push(event.id), {
        ...slow,
        consumerName: 'worker-b',
      });
      await vi.waitFor(() => expect([...handledByB].sort()).toEqual(ids(events).sort()), WAIT);
      expect(startedByA).toEqual([events[0]!.id]);
    });

    it('lets a consumer that was down catch up where its group stopped, each event applied once', async () => {
      const storage = newStorage();
      const apply = idempotentHandler({
        group: 'catch-up',
        em: consumerDatabase.orm.em,
        handlers: applyOnce(),
      });
      const delivered: string[] = [];
      const consumeWith = (transport: EventTransport) =>
        transport.consume(
          'catch-up',
          async (event, context) => {
            await apply(event, context);
            delivered.push(event.id);
          },
          FAST,
        );
      const beforeDowntime = numbered(3);
      const duringDowntime = numbered(3, 4);

      const firstRun = await open(storage);
      const consumer = await consumeWith(firstRun);
      await firstRun.publish(beforeDowntime);
      await vi.waitFor(() => expect(delivered).toEqual(ids(beforeDowntime)), WAIT);
      await consumer.stop();
      await firstRun.close();

      const otherService = await open(storage);
      await otherService.publish(duringDowntime);

      delivered.length = 0;
      await consumeWith(await open(storage));
      await vi.waitFor(() => expect(delivered).toEqual(ids(duringDowntime)), WAIT);
      const applied = await consumerDatabase.appliedCounts();
      expect([...beforeDowntime, ...duringDowntime].map((event) => applied.get(event.id))).toEqual([
        1, 1, 1, 1, 1, 1,
      ]);
      expect(await consumerDatabase.handledEventIds('catch-up')).toEqual(
        ids([...beforeDowntime, ...duringDowntime]).sort(),
      );
    });

    it('applies a redelivered event once: the consumer died after its commit, before acknowledging', async () => {
      const transport = await open();
      const [event] = numbered(1);
      const apply = idempotentHandler({
        group: 'effects',
        em: consumerDatabase.orm.em,
        handlers: applyOnce(),
      });
      const appliedByA: string[] = [];
      const handledByB: string[] = [];
      await transport.consume(
        'effects',
        async (received, context) => {
          await apply(received, context);
          appliedByA.push(received.id);
          await untilAborted(context.signal);
          throw new Error('the process died before acknowledging');
        },
        { ...FAST, claimIdleMs: 300, consumerName: 'effects-a' },
      );
      await transport.publish([event!]);
      await vi.waitFor(() => expect(appliedByA).toEqual([event!.id]), WAIT);
      await transport.consume(
        'effects',
        async (received, context) => {
          await apply(received, context);
          handledByB.push(received.id);
        },
        { ...FAST, claimIdleMs: 300, consumerName: 'effects-b' },
      );
      await vi.waitFor(() => expect(handledByB).toEqual([event!.id]), WAIT);
      expect((await consumerDatabase.appliedCounts()).get(event!.id)).toBe(1);
    });

    it('retries a failing handler with growing delays, then dead-letters the event and moves on', async () => {
      const transport = await open();
      const [failing, next] = numbered(2);
      const attemptsAt: number[] = [];
      const handled: string[] = [];
      await transport.consume(
        'fragile',
        async (event, { attempt }) => {
          if (event.id === failing!.id) {
            attemptsAt.push(performance.now());
            throw new Error(`the database is read-only (attempt ${attempt})`);
          }
          handled.push(event.id);
        },
        { ...FAST, retry: { maxAttempts: 3, initialDelayMs: 40, maxDelayMs: 1_000 } },
      );
      await transport.publish([failing!, next!]);
      await vi.waitFor(() => expect(handled).toEqual([next!.id]), WAIT);
      expect(attemptsAt).toHaveLength(3);
      expect(attemptsAt[1]! - attemptsAt[0]!).toBeGreaterThanOrEqual(38);
      expect(attemptsAt[2]! - attemptsAt[1]!).toBeGreaterThanOrEqual(78);
      const { deadLetters } = await transport.deadLetters.list({ group: 'fragile' });
      expect(deadLetters).toEqual([
        {
          id: expect.stringMatching(/^\d+$/),
          group: 'fragile',
          event: failing,
          error: 'Error: the database is read-only (attempt 3)',
          attempts: 3,
          failedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ]);
    });

    it('dead-letters at once an event the handler declares it can never handle', async () => {
      const transport = await open();
      const [event] = numbered(1);
      let calls = 0;
      await transport.consume(
        'strict',
        async () => {
          calls += 1;
          throw new NonRetryableEventError('this payload can never be applied');
        },
        FAST,
      );
      await transport.publish([event!]);
      await vi.waitFor(async () => {
        expect((await transport.deadLetters.list({ group: 'strict' })).deadLetters).toHaveLength(1);
      }, WAIT);
      const [deadLetter] = (await transport.deadLetters.list()).deadLetters;
      expect(deadLetter).toMatchObject({
        event,
        attempts: 1,
        error: 'NonRetryableEventError: this payload can never be applied',
      });
      expect(calls).toBe(1);
    });

    it('lists dead letters by group, page by page, and replays one to its group only', async () => {
      const transport = await open();
      let billingBroken = true;
      const billing: string[] = [];
      const search: string[] = [];
      await transport.consume(
        'billing',
        async (event) => {
          if (billingBroken) throw new Error('billing is down');
          billing.push(event.id);
        },
        { ...FAST, retry: { maxAttempts: 1 } },
      );
      await transport.consume('search', async (event) => void search.push(event.id), FAST);
      const events = numbered(3);
      await transport.publish(events);
      await vi.waitFor(async () => {
        expect((await transport.deadLetters.list({ group: 'billing' })).deadLetters).toHaveLength(3);
        expect(search).toEqual(ids(events));
      }, WAIT);

      const firstPage = await transport.deadLetters.list({ group: 'billing', first: 2 });
      expect(firstPage.deadLetters.map((deadLetter) => deadLetter.event.id)).toEqual(ids(events.slice(0, 2)));
      expect(firstPage.hasNextPage).toBe(true);
      const secondPage = await transport.deadLetters.list({
        group: 'billing',
        first: 2,
        after: firstPage.endCursor!,
      });
      expect(secondPage.deadLetters.map((deadLetter) => deadLetter.event.id)).toEqual([events[2]!.id]);
      expect(secondPage.hasNextPage).toBe(false);
      expect((await transport.deadLetters.list({ group: 'search' })).deadLetters).toEqual([]);
      expect((await transport.deadLetters.list()).deadLetters).toHaveLength(3);

      billingBroken = false;
      const replayed = firstPage.deadLetters[1]!;
      expect(await transport.deadLetters.replay(replayed.id)).toEqual({
        id: replayed.id,
        group: 'billing',
        event: events[1],
      });
      await vi.waitFor(() => expect(billing).toEqual([events[1]!.id]), WAIT);
      expect(search).toEqual(ids(events));
      const remaining = await transport.deadLetters.list({ group: 'billing' });
      expect(remaining.deadLetters.map((deadLetter) => deadLetter.event.id)).toEqual([
        events[0]!.id,
        events[2]!.id,
      ]);
      await expect(transport.deadLetters.replay(replayed.id)).rejects.toThrow(DeadLetterNotFoundError);
    });

    it('keeps publish order for a single consumer', async () => {
      const transport = await open();
      const received: string[] = [];
      await transport.consume('ordered', async (event) => void received.push(event.id), FAST);
      const events = numbered(30);
      for (let batch = 0; batch < 3; batch++)
        await transport.publish(events.slice(batch * 10, batch * 10 + 10));
      await vi.waitFor(() => expect(received).toHaveLength(30), WAIT);
      expect(received).toEqual(ids(events));
    });

    it('acknowledges event types a group does not handle, and dead-letters versions it does not understand', async () => {
      const transport = await open();
      await consumeIdempotently(transport, {
        group: 'versions',
        em: consumerDatabase.orm.em,
        handlers: applyOnce(),
        ...FAST,
      });
      const tooNew = thingHappened(1, { version: 2 });
      const unrelated = thingHappened(2, { type: 'contract.SomethingElse' });
      const understood = thingHappened(3);
      await transport.publish([tooNew, unrelated, understood]);
      await vi.waitFor(
        async () => expect((await consumerDatabase.appliedCounts()).get(understood.id)).toBe(1),
        WAIT,
      );
      const applied = await consumerDatabase.appliedCounts();
      expect(applied.has(tooNew.id) || applied.has(unrelated.id)).toBe(false);
      const { deadLetters } = await transport.deadLetters.list({ group: 'versions' });
      expect(deadLetters.map(({ event, attempts, error }) => ({ event, attempts, error }))).toEqual([
        {
          event: tooNew,
          attempts: 1,
          error: expect.stringContaining(
            'UnsupportedEventVersionError: Consumer group "versions" understands contract.ThingHappened version 1, not version 2',
          ),
        },
      ]);
    });

    it('refuses bad input with clear errors, publishing nothing of a batch with an invalid event', async () => {
      const transport = await open();
      await expect(transport.consume('Not A Group', async () => {})).rejects.toThrow(RangeError);
      await expect(transport.consume('fine', async () => {}, { batchSize: 0 })).rejects.toThrow(RangeError);
      const [valid, alsoValid] = numbered(2);
      await expect(transport.publish([valid!, { ...alsoValid!, version: 0 }])).rejects.toThrow(
        InvalidEventError,
      );
      const received: string[] = [];
      await transport.consume('fine', async (event) => void received.push(event.id), FAST);
      await transport.publish([alsoValid!]);
      await vi.waitFor(() => expect(received).toEqual([alsoValid!.id]), WAIT);

      await expect(transport.deadLetters.list({ first: 0 })).rejects.toThrow(RangeError);
      await expect(transport.deadLetters.list({ first: 101 })).rejects.toThrow(RangeError);
      await expect(transport.deadLetters.list({ after: 'yesterday' })).rejects.toThrow(RangeError);
      await expect(transport.deadLetters.replay('not-an-id')).rejects.toThrow(DeadLetterNotFoundError);
      await expect(transport.deadLetters.replay('424242')).rejects.toThrow(DeadLetterNotFoundError);
    });
  });
}

/** A storage name valid both as a Redis key segment and a PostgreSQL schema. */
export function newStorage(): string {
  return `contract_${randomBytes(6).toString('hex')}`;
}
