import type { EntityManager } from '@talentgraph/platform';
import { CommentSchema } from '../entities/Comment.ts';
import { CommunitySchema } from '../entities/Community.ts';
import { CommunityMemberSchema } from '../entities/CommunityMember.ts';
import { PostSchema } from '../entities/Post.ts';
import { DELETED_TEXT, commentFates, postFates } from './erasure-rules.ts';

/** Ids per statement, well under PostgreSQL's limit of bind parameters. */
const CHUNK = 1_000;

function chunks(ids: readonly string[]): string[][] {
  const result: string[][] = [];
  for (let start = 0; start < ids.length; start += CHUNK) result.push(ids.slice(start, start + CHUNK));
  return result;
}

/**
 * Erases a person from the community database (the users.AccountDeleted handler): their memberships
 * go, the communities they created stay without creator, and their posts and comments are deleted or
 * become tombstones (erasure-rules.ts). Comments first: a post counts as answered by others only by
 * what remains under it.
 */
export async function eraseCommunityAccount(userId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(CommunityMemberSchema, { userId });
  await em.nativeUpdate(CommunitySchema, { createdById: userId }, { createdById: null });

  const comments = await em.execute<{ id: string; parent_id: string | null; replied_by_others: boolean }[]>(
    `select c.id, c.parent_id,
            exists (select 1 from comments r where r.parent_id = c.id and r.author_id is distinct from ?)
              as replied_by_others
     from comments c where c.author_id = ?`,
    [userId, userId],
  );
  const commentsFate = commentFates(
    comments.map((row) => ({ id: row.id, parentId: row.parent_id, repliedByOthers: row.replied_by_others })),
  );
  for (const ids of chunks(commentsFate.deleted)) await em.nativeDelete(CommentSchema, { id: { $in: ids } });
  for (const ids of chunks(commentsFate.tombstoned)) {
    await em.nativeUpdate(CommentSchema, { id: { $in: ids } }, { authorId: null, body: DELETED_TEXT });
  }

  const posts = await em.execute<{ id: string; commented_by_others: boolean }[]>(
    `select p.id,
            exists (select 1 from comments c where c.post_id = p.id and c.author_id is distinct from ?)
              as commented_by_others
     from posts p where p.author_id = ?`,
    [userId, userId],
  );
  const postsFate = postFates(
    posts.map((row) => ({ id: row.id, commentedByOthers: row.commented_by_others })),
  );
  for (const ids of chunks(postsFate.deleted)) await em.nativeDelete(PostSchema, { id: { $in: ids } });
  for (const ids of chunks(postsFate.tombstoned)) {
    await em.nativeUpdate(
      PostSchema,
      { id: { $in: ids } },
      { authorId: null, title: DELETED_TEXT, body: DELETED_TEXT },
    );
  }
}
