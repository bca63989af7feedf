import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { users } from '@talentgraph/demo-data';
import {
  NonRetryableEventError,
  createEvent,
  recordEvent,
  type EventEnvelope,
  type EventHandlerDefinition,
} from '@talentgraph/events';
import type { SubgraphDefinition } from '@talentgraph/platform';
import {
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@talentgraph/testing';
import { DEMO_PASSWORD } from '../../src/seed.ts';
import { usersSubgraph } from '../../src/subgraph.ts';
import { bearer, logIn, signUp } from '../support/accounts.ts';

/**
 * The admin API over the event backbone's dead letters, on both transports: a consumer group whose
 * handler fails (a test group added to the users subgraph's own) parks events as dead letters, which an
 * admin lists and replays through GraphQL.
 */

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const FAILING_GROUP = 'test-search-index';
const WAIT = { timeout: 20_000, interval: 100 };
const admin = users.find((user) => user.roles.includes('ADMIN'))!;

const DEAD_LETTERS = `query ($group: String, $first: Int, $after: String) {
  deadLetters(group: $group, first: $first, after: $after) {
    edges { cursor node {
      id group error attempts failedAt
      event { id type version occurredAt aggregate { type id } correlationId }
    } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const REPLAY = `mutation ($input: ReplayDeadLetterInput!) {
  replayDeadLetter(input: $input) {
    group
    event { id type }
    errors { code message field }
  }
}`;

interface DeadLetterNode {
  id: string;
  group: string;
  error: string;
  attempts: number;
  failedAt: string;
  event: {
    id: string;
    type: string;
    version: number;
    occurredAt: string;
    aggregate: { type: string; id: string };
    correlationId: string | null;
  };
}
interface DeadLetters {
  deadLetters: {
    edges: { cursor: string; node: DeadLetterNode }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  };
}
interface Replay {
  replayDeadLetter: {
    group: string | null;
    event: { id: string; type: string } | null;
    errors: { code: string; message: string; field: string[] | null }[];
  };
}

const codesOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

describe.each([
  ['the PostgreSQL event log', false],
  ['Redis Streams', true],
])('dead letters on %s', (_transport, redis) => {
  const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
  let subgraph: TestSubgraph;
  let adminToken: string;
  let candidateToken: string;
  /** Events the failing group still refuses; and how often each event was handled successfully. */
  let failing = true;
  const handled = new Map<string, number>();

  /** A consumer group of the test beside the users subgraph's own, on the same transport. */
  const withFailingGroup: SubgraphDefinition = {
    ...usersSubgraph,
    eventConsumers: (services) => ({
      ...usersSubgraph.eventConsumers!(services),
      [FAILING_GROUP]: {
        'tests.ThingHappened': {
          versions: [1],
          async handle(event) {
            if (failing) {
              if (event.payload.retryable) throw new Error('the search index is down');
              throw new NonRetryableEventError('this document can never be indexed');
            }
            handled.set(event.id, (handled.get(event.id) ?? 0) + 1);
          },
        } satisfies EventHandlerDefinition<{ retryable: boolean }>,
      },
    }),
  };

  beforeAll(async () => {
    subgraph = await startTestSubgraph(withFailingGroup, {
      env: redis ? { REDIS_URL, EVENTS_KEY_PREFIX: keyPrefix } : {},
    });
    adminToken = (await logIn(subgraph.url, admin.email, DEMO_PASSWORD)).accessToken;
    candidateToken = (await signUp(subgraph.url)).accessToken;
  });

  afterAll(async () => {
    await subgraph?.close();
    if (redis) {
      const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      const keys = await client.keys(`${keyPrefix}*`);
      if (keys.length > 0) await client.del(...keys);
      client.disconnect();
    }
  });

  /** Records events in the users subgraph's outbox, as any change does; its relay publishes them. */
  async function happen(...retryable: boolean[]): Promise<EventEnvelope[]> {
    const events = retryable.map((canRetry) =>
      createEvent({
        type: 'tests.ThingHappened',
        version: 1,
        aggregate: { type: 'Thing', id: randomUUID() },
        payload: { retryable: canRetry },
        actor: { kind: 'SYSTEM', id: null },
        correlationId: `request-${randomUUID().slice(0, 8)}`,
      }),
    );
    await subgraph.orm.em.fork().transactional(async (tx) => {
      for (const event of events) recordEvent(tx, event);
    });
    return events;
  }

  const call = <Data>(query: string, variables: Record<string, unknown>, token: string | null) =>
    graphqlRequest<Data>(subgraph.url, query, variables, token ? bearer(token) : {});
  const listed = async (variables: Record<string, unknown> = {}) => {
    const response = await call<DeadLetters>(
      DEAD_LETTERS,
      { group: FAILING_GROUP, ...variables },
      adminToken,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.deadLetters;
  };
  const replayEntries = (deadLetterId: string) =>
    queryDatabase<{ actor_id: string; details: Record<string, unknown> }>(
      subgraph.database.url,
      `select actor_id, details from audit_log
       where action = 'events.dead_letter_replayed' and target_type = 'DeadLetter' and target_id = $1`,
      [deadLetterId],
    );

  it('lists an event that kept failing, replays it to its group once fixed, where it is handled once, and audits the replay', async () => {
    const [retried, parkedAtOnce, another] = await happen(true, false, false);
    await vi.waitFor(async () => expect((await listed()).edges).toHaveLength(3), WAIT);

    const firstPage = await listed({ first: 2 });
    expect(firstPage.edges.map((edge) => edge.node.event.id)).toEqual([retried!.id, parkedAtOnce!.id]);
    expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(firstPage.edges[0]!.node).toEqual({
      id: firstPage.edges[0]!.cursor,
      group: FAILING_GROUP,
      error: 'Error: the search index is down',
      attempts: 5,
      failedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      event: {
        id: retried!.id,
        type: 'tests.ThingHappened',
        version: 1,
        occurredAt: retried!.occurredAt,
        aggregate: retried!.aggregate,
        correlationId: retried!.correlationId,
      },
    });
    expect(firstPage.edges[1]!.node).toMatchObject({
      attempts: 1,
      error: 'NonRetryableEventError: this document can never be indexed',
    });
    const secondPage = await listed({ first: 2, after: firstPage.pageInfo.endCursor });
    expect(secondPage.edges.map((edge) => edge.node.event.id)).toEqual([another!.id]);
    expect(secondPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect((await listed({ group: 'users-notifications' })).edges).toEqual([]);
    expect(handled.size).toBe(0);

    failing = false;
    const deadLetterId = firstPage.edges[0]!.node.id;
    const replay = await call<Replay>(REPLAY, { input: { deadLetterId } }, adminToken);
    expect(replay.errors).toBeUndefined();
    expect(replay.data!.replayDeadLetter).toEqual({
      group: FAILING_GROUP,
      event: { id: retried!.id, type: 'tests.ThingHappened' },
      errors: [],
    });
    await vi.waitFor(() => expect(handled.get(retried!.id)).toBe(1), WAIT);
    // Events published after it are handled after it: by then a second handling would have shown.
    const [later] = await happen(true);
    await vi.waitFor(() => expect(handled.get(later!.id)).toBe(1), WAIT);
    expect(handled.get(retried!.id)).toBe(1);
    expect(handled.has(parkedAtOnce!.id) || handled.has(another!.id)).toBe(false);
    expect((await listed()).edges.map((edge) => edge.node.event.id)).toEqual([parkedAtOnce!.id, another!.id]);
    expect(await replayEntries(deadLetterId)).toEqual([
      {
        actor_id: admin.id,
        details: { group: FAILING_GROUP, eventId: retried!.id, eventType: 'tests.ThingHappened' },
      },
    ]);

    const again = await call<Replay>(REPLAY, { input: { deadLetterId } }, adminToken);
    expect(again.data!.replayDeadLetter).toEqual({
      group: null,
      event: null,
      errors: [
        {
          code: 'DEAD_LETTER_NOT_FOUND',
          message: 'No dead letter has this id: it is unknown, or was replayed already.',
          field: ['input', 'deadLetterId'],
        },
      ],
    });
    expect(await replayEntries(deadLetterId)).toHaveLength(1);
  });

  it('answers DEAD_LETTER_NOT_FOUND for an id that names none, recording nothing', async () => {
    for (const deadLetterId of ['424242', 'not-an-id', '0']) {
      const response = await call<Replay>(REPLAY, { input: { deadLetterId } }, adminToken);
      expect(
        response.data!.replayDeadLetter.errors.map((error) => error.code),
        deadLetterId,
      ).toEqual(['DEAD_LETTER_NOT_FOUND']);
      expect(await replayEntries(deadLetterId)).toEqual([]);
    }
  });

  it('refuses a malformed cursor, page size or group with BAD_USER_INPUT', async () => {
    for (const variables of [
      { after: 'yesterday' },
      { first: 0 },
      { first: 101 },
      { group: 'Not A Group' },
    ]) {
      const response = await call(DEAD_LETTERS, { group: FAILING_GROUP, ...variables }, adminToken);
      expect(codesOf(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses anyone but an admin, replaying nothing', async () => {
    const before = await listed();
    const deadLetterId = before.edges[0]!.node.id;
    for (const [token, code] of [
      [candidateToken, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect(codesOf(await call(DEAD_LETTERS, {}, token))).toEqual([code]);
      expect(codesOf(await call(REPLAY, { input: { deadLetterId } }, token))).toEqual([code]);
    }
    expect(await listed()).toEqual(before);
    expect(await replayEntries(deadLetterId)).toEqual([]);
  });
});
