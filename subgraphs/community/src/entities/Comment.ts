import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PostSchema } from './Post.ts';

/**
 * A comment on a post, or a reply to another comment of the same post (`parent`). `depth` is stored so
 * that the thread-depth rule (domain/comment.ts) costs no walk up the thread.
 */
export const CommentSchema = defineEntity({
  name: 'Comment',
  tableName: 'comments',
  // Serve `Post.comments` and `Comment.replies`, oldest first, as index scans per post and per parent.
  indexes: [{ properties: ['post', 'createdAt', 'id'] }, { properties: ['parent', 'createdAt', 'id'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    post: () => p.manyToOne(PostSchema).deleteRule('cascade'),
    parent: () => p.manyToOne(CommentSchema).nullable().deleteRule('cascade'),
    /**
     * Account of the users subgraph (another database, so no foreign key); null once the author erased
     * their account and the comment, which others replied to, stays as a tombstone (personal-data/).
     */
    authorId: p.uuid().nullable(),
    body: p.text(),
    depth: p.smallint(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Comment = InferEntity<typeof CommentSchema>;
