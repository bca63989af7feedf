import type { EventHandlerDefinition } from '@talentgraph/events';
import { UserSchema } from '../entities/User.ts';
import { notify } from './notify.ts';

/** The consumer group of the users subgraph that turns other subgraphs' events into notifications. */
export const NOTIFICATIONS_GROUP = 'users-notifications';

interface CommentAdded extends Record<string, unknown> {
  readonly commentId: string;
  readonly postId: string;
  readonly authorId: string;
  /** Null under a post whose author erased their account. */
  readonly postAuthorId: string | null;
  readonly postTitle: string;
  readonly excerpt: string;
}

/** What the users subgraph reads of `profiles.ProfileValidated` / `profiles.ProfileRejected` (version 1). */
interface ProfileDecided extends Record<string, unknown> {
  readonly profileId: string;
  /** The person the profile belongs to. */
  readonly userId: string;
  readonly reviewId: string;
  readonly reasons: readonly string[];
  readonly comment: string | null;
}

/** A moderator's decision on a profile tells its owner, with the reasons and the comment of a rejection. */
function profileDecision(decision: 'VALIDATED' | 'REJECTED'): EventHandlerDefinition<ProfileDecided> {
  return {
    versions: [1],
    async handle(event, em) {
      const { profileId, userId, reviewId, reasons, comment } = event.payload;
      await notify(
        em,
        {
          recipientId: userId,
          actorId: null,
          type: 'PROFILE_DECISION',
          params: { profileId, reviewId, decision, reasons, reason: comment },
          link: '/profile',
          idempotencyKey: `event:${event.id}`,
        },
        new Date(event.occurredAt),
      );
    },
  };
}

/**
 * Notifications created from domain events. The event id is the idempotency key, so a redelivered event
 * notifies once; the notification is dated when the event happened, not when it was handled.
 */
export const notificationHandlers = {
  'community.CommentAdded': {
    versions: [1],
    async handle(event, em) {
      const comment = event.payload;
      // Nobody is told about their own comment under their own post, nor under a post without author.
      if (comment.postAuthorId === null || comment.authorId === comment.postAuthorId) return;
      const commenter = await em.findOne(UserSchema, { id: comment.authorId });
      await notify(
        em,
        {
          recipientId: comment.postAuthorId,
          actorId: comment.authorId,
          type: 'NEW_COMMENT_ON_MY_POST',
          params: {
            postId: comment.postId,
            commentId: comment.commentId,
            commenterName: commenter?.displayName ?? 'A member',
            postTitle: comment.postTitle,
            excerpt: comment.excerpt,
          },
          link: `/posts/${comment.postId}#comment-${comment.commentId}`,
          idempotencyKey: `event:${event.id}`,
        },
        new Date(event.occurredAt),
      );
    },
  } satisfies EventHandlerDefinition<CommentAdded>,
  'profiles.ProfileValidated': profileDecision('VALIDATED'),
  'profiles.ProfileRejected': profileDecision('REJECTED'),
};
