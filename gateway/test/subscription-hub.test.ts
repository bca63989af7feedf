import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { createLogger } from '@talentgraph/platform';
import type { FormattedExecutionResult } from 'graphql';
import type { Announcement } from '../src/subscriptions/fanout.ts';
import type { Feed, FeedName } from '../src/subscriptions/feeds.ts';
import { SubscriptionHub, type LiveSubscriber } from '../src/subscriptions/hub.ts';
import { liveStream } from '../src/subscriptions/live-stream.ts';

const person = (userId: string, roles: Viewer['roles'] = ['CANDIDATE']): Viewer => ({
  kind: 'USER',
  userId,
  roles,
  memberships: [],
  sessionId: `session-of-${userId}`,
});

function world(options: { readers?: (viewer: Viewer | null) => boolean; queueLimit?: number } = {}) {
  const reads: { query: string; variables: Record<string, unknown>; as: string | null }[] = [];
  const feed: Feed = {
    entityField: { name: 'post', idArgument: 'id' },
    scopeOf: (args) => String(args['communityId']),
    readers: async (_scope, viewers) => viewers.map((viewer) => options.readers?.(viewer) ?? true),
  };
  const feeds = { postAdded: feed, commentAdded: feed, notificationAdded: feed } as Record<FeedName, Feed>;
  const hub = new SubscriptionHub(
    feeds,
    async (query, variables, subscriber) => {
      reads.push({
        query,
        variables,
        as: subscriber.viewer?.kind === 'USER' ? subscriber.viewer.userId : null,
      });
      return { data: { postAdded: { id: variables['__liveEntityId'], readBy: reads.length } } };
    },
    createLogger('test', 'silent'),
  );
  const subscribe = (viewer: Viewer | null, payloadQuery = 'query { postAdded: post(id: $x) { id } }') =>
    liveStream(
      {
        feed: 'postAdded',
        scopeId: 'community-1',
        viewer,
        authorization: null,
        clientIp: '127.0.0.1',
        payloadQuery,
        variables: {},
      } satisfies Omit<LiveSubscriber, 'deliver' | 'end'>,
      hub,
      options.queueLimit ?? 10,
    );
  return { hub, reads, subscribe };
}

const announcement = (eventId: string, extra: Partial<Announcement> = {}): Announcement => ({
  feed: 'postAdded',
  scopeId: 'community-1',
  entityId: `post-${eventId}`,
  eventId,
  actorId: null,
  ...extra,
});

async function next(stream: AsyncGenerator<FormattedExecutionResult>) {
  return (await stream.next()).value as FormattedExecutionResult | undefined;
}

describe('serving announcements to subscribers', () => {
  it('reads the entity once for subscribers with the same selection and rights, and gives each a copy', async () => {
    const { hub, reads, subscribe } = world();
    const streams = [subscribe(person('a')), subscribe(person('b')), subscribe(person('c'))];
    await hub.announce(announcement('e1'));
    expect(reads).toHaveLength(1);
    for (const stream of streams) {
      expect(await next(stream)).toEqual({ data: { postAdded: { id: 'post-e1', readBy: 1 } } });
    }
  });

  it('reads separately for other roles, another selection, and for the author of the event', async () => {
    const { hub, reads, subscribe } = world();
    subscribe(person('a'));
    subscribe(person('b'));
    subscribe(person('m', ['MODERATOR']));
    subscribe(person('c'), 'query { postAdded: post(id: $x) { title } }');
    subscribe(person('author'));
    subscribe(null);
    await hub.announce(announcement('e1', { actorId: 'author' }));
    expect(reads.map((read) => read.as).sort()).toEqual(['a', 'author', 'c', 'm', null].sort());
  });

  it('tells a subscriber who lost the right to read, ends its stream, and serves the others', async () => {
    let removed = false;
    const { hub, subscribe } = world({
      readers: (viewer) => !(removed && viewer?.kind === 'USER' && viewer.userId === 'gone'),
    });
    const leaving = subscribe(person('gone'));
    const staying = subscribe(person('stays'));
    removed = true;
    await hub.announce(announcement('e1'));
    const last = await next(leaving);
    expect(last?.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await leaving.next()).toEqual({ value: undefined, done: true });
    expect((await next(staying))?.data).toEqual({ postAdded: { id: 'post-e1', readBy: 1 } });
    expect(hub.size).toBe(1);
  });

  it('serves a redelivered event once', async () => {
    const { hub, reads, subscribe } = world();
    subscribe(person('a'));
    await hub.announce(announcement('e1'));
    await hub.announce(announcement('e1'));
    expect(reads).toHaveLength(1);
  });

  it('ends the subscription of a client that does not keep up, instead of queueing without bound', async () => {
    const { hub, subscribe } = world({ queueLimit: 2 });
    const slow = subscribe(person('slow'));
    for (const eventId of ['e1', 'e2', 'e3', 'e4']) await hub.announce(announcement(eventId));
    expect(hub.size).toBe(0);
    const received = [await next(slow), await next(slow), await next(slow)];
    expect(
      received.map((result) => result?.data?.['postAdded'] ?? result?.errors?.[0]?.extensions?.['code']),
    ).toEqual([{ id: 'post-e1', readBy: 1 }, { id: 'post-e2', readBy: 2 }, 'SLOW_CONSUMER']);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });

  it('forgets a subscription the client completed', async () => {
    const { hub, reads, subscribe } = world();
    const stream = subscribe(person('a'));
    expect(hub.size).toBe(1);
    await stream.return(undefined);
    expect(hub.size).toBe(0);
    await hub.announce(announcement('e1'));
    expect(reads).toHaveLength(0);
  });
});
