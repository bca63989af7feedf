import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrm, type MikroORM } from '@talentgraph/platform';
import { createTestDatabase, queryDatabase, type TestDatabase } from '@talentgraph/testing';
import {
  createEvent,
  eventEntities,
  purgePublishedEventsMentioning,
  recordEvent,
  type EventEnvelope,
} from '../src/index.ts';

let database: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase('events_outbox_erasure');
  orm = await createOrm({ databaseUrl: database.url, entities: [...eventEntities], migrations: [] });
  await orm.schema.create();
});

beforeEach(async () => {
  await queryDatabase(database.url, 'truncate event_outbox');
});

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

const person = randomUUID();
const someoneElse = randomUUID();

/** Records events, then marks the first `published` of them published, as the relay would. */
async function outboxOf(events: EventEnvelope[], published: number): Promise<void> {
  await orm.em.fork().transactional(async (tx) => {
    for (const event of events) recordEvent(tx, event);
  });
  await queryDatabase(
    database.url,
    `update event_outbox set published_at = now() where sequence in
       (select sequence from event_outbox order by sequence limit $1)`,
    [published],
  );
}

const remainingTypes = async () =>
  (
    await queryDatabase<{ type: string }>(database.url, 'select type from event_outbox order by sequence')
  ).map((row) => row.type);

describe('purgePublishedEventsMentioning', () => {
  it('deletes the published events that name the id as actor, aggregate or in the payload, and only those', async () => {
    await outboxOf(
      [
        createEvent({
          type: 'test.ByActor',
          version: 1,
          aggregate: { type: 'Post', id: randomUUID() },
          payload: {},
          actor: { kind: 'USER', id: person },
        }),
        createEvent({
          type: 'test.AboutAggregate',
          version: 1,
          aggregate: { type: 'User', id: person },
          payload: {},
        }),
        createEvent({
          type: 'test.InPayload',
          version: 1,
          aggregate: { type: 'Comment', id: randomUUID() },
          payload: { nested: { postAuthorId: person } },
        }),
        createEvent({
          type: 'test.AboutSomeoneElse',
          version: 1,
          aggregate: { type: 'User', id: someoneElse },
          payload: { userId: someoneElse },
        }),
      ],
      4,
    );

    const outcome = await purgePublishedEventsMentioning(orm.em.fork(), person);

    expect(outcome).toEqual({ purged: 3, unpublished: 0 });
    expect(await remainingTypes()).toEqual(['test.AboutSomeoneElse']);
  });

  it('keeps the events not yet published, which other services have yet to receive, and counts them', async () => {
    const mention = (type: string) =>
      createEvent({ type, version: 1, aggregate: { type: 'User', id: person }, payload: { userId: person } });
    await outboxOf([mention('test.Published'), mention('test.Waiting')], 1);

    const outcome = await purgePublishedEventsMentioning(orm.em.fork(), person);

    expect(outcome).toEqual({ purged: 1, unpublished: 1 });
    expect(await remainingTypes()).toEqual(['test.Waiting']);
  });

  it('runs in the caller transaction: rolled back with it', async () => {
    await outboxOf(
      [
        createEvent({
          type: 'test.Published',
          version: 1,
          aggregate: { type: 'User', id: person },
          payload: {},
        }),
      ],
      1,
    );

    await expect(
      orm.em.fork().transactional(async (tx) => {
        await purgePublishedEventsMentioning(tx, person);
        throw new Error('the erasure failed further on');
      }),
    ).rejects.toThrow('the erasure failed further on');

    expect(await remainingTypes()).toEqual(['test.Published']);
  });
});
