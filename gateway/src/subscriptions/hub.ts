import type { Viewer } from '@talentgraph/auth';
import type { Logger } from '@talentgraph/platform';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import type { Announcement } from './fanout.ts';
import type { Feed, FeedName } from './feeds.ts';
import { ENTITY_ID_VARIABLE } from './live-operation.ts';

/** Runs a payload query through the federated query path, with the credential of one subscriber. */
export type PayloadResolver = (
  query: string,
  variables: Record<string, unknown>,
  subscriber: LiveSubscriber,
) => Promise<FormattedExecutionResult>;

/** What the hub knows of one active subscription on this gateway. */
export interface LiveSubscriber {
  readonly feed: FeedName;
  readonly scopeId: string;
  readonly viewer: Viewer | null;
  readonly authorization: string | null;
  readonly clientIp: string;
  /** The subscriber's selection as a query reading the announced entity (see live-operation.ts). */
  readonly payloadQuery: string;
  readonly variables: Record<string, unknown>;
  /** Hands a result to the subscriber's stream; false when its queue is full (a slow consumer). */
  deliver(result: FormattedExecutionResult): boolean;
  /** Ends the subscription with a last result (a lost right, a slow consumer). */
  end(result?: FormattedExecutionResult): void;
}

/**
 * The live subscriptions of one gateway, by feed and scope. For each announcement it checks, in one
 * call, which subscribers may still read the feed; reads the entity once per distinct selection (query,
 * variables and roles), not once per subscriber; and hands each subscriber its copy. A subscriber who
 * lost the right is told so and its subscription ends.
 */
export class SubscriptionHub {
  readonly #feeds: Record<FeedName, Feed>;
  readonly #resolve: PayloadResolver;
  readonly #logger: Logger;
  readonly #byTopic = new Map<string, Set<LiveSubscriber>>();
  readonly #recentEvents = new Set<string>();

  constructor(feeds: Record<FeedName, Feed>, resolve: PayloadResolver, logger: Logger) {
    this.#feeds = feeds;
    this.#resolve = resolve;
    this.#logger = logger;
  }

  get size(): number {
    let count = 0;
    for (const subscribers of this.#byTopic.values()) count += subscribers.size;
    return count;
  }

  add(subscriber: LiveSubscriber): () => void {
    const topic = topicOf(subscriber.feed, subscriber.scopeId);
    const subscribers = this.#byTopic.get(topic) ?? new Set();
    subscribers.add(subscriber);
    this.#byTopic.set(topic, subscribers);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.#byTopic.get(topic) === subscribers) this.#byTopic.delete(topic);
    };
  }

  /** Serves one announcement to the subscribers of its feed on this gateway. */
  async announce(announcement: Announcement): Promise<void> {
    const subscribers = [...(this.#byTopic.get(topicOf(announcement.feed, announcement.scopeId)) ?? [])];
    if (subscribers.length === 0 || this.#seen(`${announcement.feed}:${announcement.eventId}`)) return;
    const feed = this.#feeds[announcement.feed];
    let allowed: boolean[];
    try {
      allowed = await feed.readers(
        announcement.scopeId,
        subscribers.map((subscriber) => subscriber.viewer),
      );
    } catch (error) {
      this.#logger.error(
        { err: error, announcement },
        'could not authorize subscribers; event not delivered',
      );
      return;
    }
    const groups = new Map<string, LiveSubscriber[]>();
    subscribers.forEach((subscriber, index) => {
      if (!allowed[index]) {
        subscriber.end({ errors: [lostAccess()] });
        return;
      }
      const key = selectionKey(subscriber, announcement.actorId);
      groups.set(key, [...(groups.get(key) ?? []), subscriber]);
    });
    await Promise.all([...groups.values()].map((group) => this.#serveGroup(group, announcement.entityId)));
  }

  async #serveGroup(group: LiveSubscriber[], entityId: string): Promise<void> {
    const representative = group[0]!;
    let result: FormattedExecutionResult;
    try {
      result = await this.#resolve(
        representative.payloadQuery,
        { ...representative.variables, [ENTITY_ID_VARIABLE]: entityId },
        representative,
      );
    } catch (error) {
      this.#logger.error({ err: error, feed: representative.feed }, 'could not read a subscription payload');
      return;
    }
    // The entity may be gone (deleted right after) or hidden: a null payload is not worth sending.
    if (result.data && Object.values(result.data).every((value) => value === null) && !result.errors) return;
    for (const subscriber of group) {
      if (!subscriber.deliver(result)) subscriber.end({ errors: [tooSlow()] });
    }
  }

  /** Redelivered events (at-least-once) are served once; the memory of them is bounded. */
  #seen(key: string): boolean {
    if (this.#recentEvents.has(key)) return true;
    this.#recentEvents.add(key);
    if (this.#recentEvents.size > 10_000)
      this.#recentEvents.delete(this.#recentEvents.values().next().value!);
    return false;
  }
}

function topicOf(feed: FeedName, scopeId: string): string {
  return `${feed}:${scopeId}`;
}

/**
 * Subscribers share one read when they select the same thing with the same rights: the same roles and
 * organization memberships (for a partner key, the same organization), since rules of visibility rest
 * on those. The author of the event reads alone: owners see more of their own things (an unvalidated
 * profile, for one), and the author's view must not reach the others.
 */
function selectionKey(subscriber: LiveSubscriber, actorId: string | null): string {
  const viewer = subscriber.viewer;
  const rights =
    viewer === null
      ? ['ANONYMOUS']
      : viewer.kind === 'PARTNER'
        ? ['PARTNER', viewer.organizationId]
        : [
            [...viewer.roles].sort().join(),
            viewer.memberships
              .map((membership) => `${membership.organizationId}:${membership.role}`)
              .sort()
              .join(),
            viewer.userId === actorId ? viewer.userId : '',
          ];
  return JSON.stringify([subscriber.payloadQuery, subscriber.variables, rights]);
}

function lostAccess(): GraphQLError {
  return new GraphQLError('You may no longer read this feed; the subscription has ended.', {
    extensions: { code: 'FORBIDDEN' },
  });
}

function tooSlow(): GraphQLError {
  return new GraphQLError('Events arrived faster than this client read them; the subscription has ended.', {
    extensions: { code: 'SLOW_CONSUMER' },
  });
}
