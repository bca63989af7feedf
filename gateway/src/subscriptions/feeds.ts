import { forbidden, unauthenticated, type Viewer } from '@talentgraph/auth';
import { requireId } from '@talentgraph/platform';
import type { Announcement } from './fanout.ts';

export const FEED_NAMES = ['postAdded', 'commentAdded', 'notificationAdded'] as const;
export type FeedName = (typeof FEED_NAMES)[number];

/**
 * Who may read a feed, asked of the subgraph that owns the rule, once for all the subscribers of one
 * gateway: `readers(scopeId, viewers)[i]` says whether `viewers[i]` may read it now.
 */
export type ReadersCheck = (scopeId: string, viewers: readonly (Viewer | null)[]) => Promise<boolean[]>;

/** A live feed of the supergraph's `Subscription` type, as the gateway serves it. */
export interface Feed {
  /** The root query field that reads the announced entity by id, with the subscriber's selection. */
  readonly entityField: { readonly name: string; readonly idArgument: string };
  /** The scope a subscription asks for, from its arguments and its viewer; a GraphQL error if none. */
  scopeOf(args: Record<string, unknown>, viewer: Viewer | null): string;
  /** Checked when subscribing and again for every event, so that a lost right stops the feed at once. */
  readonly readers: ReadersCheck;
}

export interface FeedDependencies {
  /** Base URL of the community subgraph (its internal routes). */
  readonly communityBaseUrl: string;
  readonly timeoutMs: number;
}

/**
 * Readers of a community's posts or of a post's comments, decided by the community subgraph (members of
 * a private community, its moderators, platform moderators and admins; anyone for a public one). People
 * are asked about by id; anonymous subscribers and partner keys read public communities only. A
 * community or post that no longer exists has no readers.
 */
function communityReaders(dependencies: FeedDependencies, scope: 'communityId' | 'postId'): ReadersCheck {
  return async (scopeId, viewers) => {
    const people = viewers.flatMap((viewer) =>
      viewer?.kind === 'USER' ? [{ userId: viewer.userId, roles: viewer.roles }] : [],
    );
    const response = await fetch(new URL('internal/community-readers', dependencies.communityBaseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ [scope]: scopeId, viewers: people }),
      signal: AbortSignal.timeout(dependencies.timeoutMs),
    });
    if (response.status === 404) return viewers.map(() => false);
    if (!response.ok) throw new Error(`community readers check answered ${response.status}`);
    const { visibility, readers } = (await response.json()) as { visibility: string; readers: string[] };
    const allowed = new Set(readers);
    return viewers.map((viewer) =>
      viewer?.kind === 'USER' ? allowed.has(viewer.userId) : visibility === 'PUBLIC',
    );
  };
}

export function createFeeds(dependencies: FeedDependencies): Record<FeedName, Feed> {
  return {
    postAdded: {
      entityField: { name: 'post', idArgument: 'id' },
      scopeOf: (args) => requireId(String(args['communityId']), 'communityId'),
      readers: communityReaders(dependencies, 'communityId'),
    },
    commentAdded: {
      entityField: { name: 'comment', idArgument: 'id' },
      scopeOf: (args) => requireId(String(args['postId']), 'postId'),
      readers: communityReaders(dependencies, 'postId'),
    },
    notificationAdded: {
      entityField: { name: 'notification', idArgument: 'id' },
      scopeOf: (_args, viewer) => {
        if (viewer === null) throw unauthenticated('Sign in to receive your notifications.');
        if (viewer.kind !== 'USER') throw forbidden('A partner key has no notifications.');
        return viewer.userId;
      },
      // The scope is the subscriber's own id, so everyone subscribed to it is its recipient.
      readers: async (scopeId, viewers) =>
        viewers.map((viewer) => viewer?.kind === 'USER' && viewer.userId === scopeId),
    },
  };
}

/** A domain event as the gateway needs it: which feed it feeds, read from its type and payload. */
export interface AnnouncedEvent {
  readonly id: string;
  readonly type: string;
  readonly actor: { readonly id: string | null } | null;
  readonly payload: unknown;
}

const FEED_OF_EVENT: Record<string, { feed: FeedName; scope: string; entity: string }> = {
  'community.PostAdded': { feed: 'postAdded', scope: 'communityId', entity: 'postId' },
  'community.CommentAdded': { feed: 'commentAdded', scope: 'postId', entity: 'commentId' },
  'users.NotificationCreated': { feed: 'notificationAdded', scope: 'recipientId', entity: 'notificationId' },
};

/** The event types the gateway listens to. */
export const ANNOUNCED_EVENT_TYPES = Object.keys(FEED_OF_EVENT);

/** The announcement of a domain event that feeds a live feed; null for any other event. */
export function announcementOf(event: AnnouncedEvent): Announcement | null {
  const mapping = FEED_OF_EVENT[event.type];
  if (!mapping || typeof event.payload !== 'object' || event.payload === null) return null;
  const payload = event.payload as Record<string, unknown>;
  const scopeId = payload[mapping.scope];
  const entityId = payload[mapping.entity];
  if (typeof scopeId !== 'string' || typeof entityId !== 'string') return null;
  return { feed: mapping.feed, scopeId, entityId, eventId: event.id, actorId: event.actor?.id ?? null };
}
