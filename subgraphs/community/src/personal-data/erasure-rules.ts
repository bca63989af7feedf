/**
 * What becomes of a person's posts and comments when they erase their account. A conversation belongs
 * to everyone who took part in it: what others wrote stays, so a post or comment of the person that
 * others answered stays as a tombstone (no author, its text replaced by DELETED_TEXT) to keep the thread
 * readable; everything else of theirs is deleted.
 */

/** What a tombstone shows instead of the person's words (title and body alike). */
export const DELETED_TEXT = '[deleted]';

/** A comment of the person, with what the database knows of its replies. */
export interface OwnComment {
  readonly id: string;
  /** The comment it replies to; null for a comment on the post itself. */
  readonly parentId: string | null;
  /** Whether someone else (or a tombstone, which is there for someone else) replied to it directly. */
  readonly repliedByOthers: boolean;
}

/** Which of the person's posts or comments go, and which stay as tombstones. */
export interface ErasureFates {
  readonly deleted: readonly string[];
  readonly tombstoned: readonly string[];
}

/**
 * A comment of the person becomes a tombstone when someone else replied to it, or replied to one of
 * its replies further down: a kept reply keeps every comment above it. The rest is deleted.
 */
export function commentFates(comments: readonly OwnComment[]): ErasureFates {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const kept = new Set<string>();
  for (const comment of comments) {
    if (!comment.repliedByOthers) continue;
    // Walk up through the person's own comments; a parent written by someone else stays anyway.
    for (let current: OwnComment | undefined = comment; current && !kept.has(current.id);) {
      kept.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  return {
    deleted: comments.filter((comment) => !kept.has(comment.id)).map((comment) => comment.id),
    tombstoned: comments.filter((comment) => kept.has(comment.id)).map((comment) => comment.id),
  };
}

/** A post of the person: kept as a tombstone when others commented under it, deleted otherwise. */
export interface OwnPost {
  readonly id: string;
  readonly commentedByOthers: boolean;
}

export function postFates(posts: readonly OwnPost[]): ErasureFates {
  return {
    deleted: posts.filter((post) => !post.commentedByOthers).map((post) => post.id),
    tombstoned: posts.filter((post) => post.commentedByOthers).map((post) => post.id),
  };
}
