import { Redis } from 'ioredis';
import type { Logger } from '@talentgraph/platform';
import { FEED_NAMES, type FeedName } from './feeds.ts';

/**
 * What one live feed must be told about: the entity `entityId` appeared in the feed `feed` of
 * `scopeId` (a community for `postAdded`, a post for `commentAdded`, a person for `notificationAdded`).
 * It carries ids only: each gateway reads the entity itself, with its own subscribers' selections.
 */
export interface Announcement {
  readonly feed: FeedName;
  readonly scopeId: string;
  readonly entityId: string;
  /** The domain event's id, for logs and for dropping a duplicate delivery. */
  readonly eventId: string;
  /** Who caused the event (its author), when a person did. */
  readonly actorId: string | null;
}

/**
 * Carries announcements to every gateway replica. Each domain event reaches one replica (a consumer
 * group of the event backbone); that replica publishes it here and all replicas, itself included, serve
 * their own WebSocket subscribers.
 */
export interface Fanout {
  publish(announcement: Announcement): Promise<void>;
  onAnnouncement(listener: (announcement: Announcement) => void): void;
  close(): Promise<void>;
}

/** One gateway process: announcements go straight to its own listeners. */
export function inProcessFanout(): Fanout {
  const listeners: ((announcement: Announcement) => void)[] = [];
  return {
    async publish(announcement) {
      for (const listener of listeners) listener(announcement);
    },
    onAnnouncement(listener) {
      listeners.push(listener);
    },
    async close() {
      listeners.length = 0;
    },
  };
}

/**
 * Several gateway replicas: Redis pub/sub on one channel. A connection in subscriber mode can do nothing
 * else, so publishing uses a second connection.
 */
export async function redisFanout(redisUrl: string, channel: string, logger: Logger): Promise<Fanout> {
  const publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(redisUrl, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(channel);
  const listeners: ((announcement: Announcement) => void)[] = [];
  subscriber.on('message', (_channel: string, message: string) => {
    const announcement = parseAnnouncement(message);
    if (!announcement) {
      logger.warn({ channel }, 'ignored a malformed subscription announcement');
      return;
    }
    for (const listener of listeners) listener(announcement);
  });
  return {
    async publish(announcement) {
      await publisher.publish(channel, JSON.stringify(announcement));
    },
    onAnnouncement(listener) {
      listeners.push(listener);
    },
    async close() {
      listeners.length = 0;
      subscriber.disconnect();
      await publisher.quit();
    },
  };
}

function parseAnnouncement(message: string): Announcement | null {
  try {
    const value = JSON.parse(message) as Partial<Announcement>;
    const valid =
      typeof value.feed === 'string' &&
      (FEED_NAMES as readonly string[]).includes(value.feed) &&
      typeof value.scopeId === 'string' &&
      typeof value.entityId === 'string' &&
      typeof value.eventId === 'string' &&
      (value.actorId === null || typeof value.actorId === 'string');
    return valid ? (value as Announcement) : null;
  } catch {
    return null;
  }
}
