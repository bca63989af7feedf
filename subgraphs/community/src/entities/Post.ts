import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { POST_TITLE_MAX_LENGTH } from '../domain/post.ts';
import { CommunitySchema } from './Community.ts';

export const PostSchema = defineEntity({
  name: 'Post',
  tableName: 'posts',
  // Serves `Community.posts`, newest first, as an index scan per community.
  indexes: [{ properties: ['community', 'createdAt', 'id'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    community: () => p.manyToOne(CommunitySchema).deleteRule('cascade'),
    /**
     * Account of the users subgraph (another database, so no foreign key); null once the author erased
     * their account and the post, which others commented, stays as a tombstone (personal-data/).
     */
    authorId: p.uuid().nullable(),
    title: p.string().length(POST_TITLE_MAX_LENGTH),
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Post = InferEntity<typeof PostSchema>;
