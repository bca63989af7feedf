import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  accountDeletedEvent,
  deliverToErasure,
  expectExportRefusedToOthers,
  outboxPublished,
  recordWaitingEventAbout,
  requestExportSection,
  rowsMentioning,
  startForTests,
} from '@talentgraph/testing';
import { DELETED_TEXT } from '../../src/personal-data/erasure-rules.ts';

import {
  everything,
  idOf,
  newComment,
  newCommunity,
  newPerson,
  newPost,
  request,
  rows,
  startCommunityWorld,
} from '../support/world.ts';

/**
 * The community subgraph's side of GDPR: its section of a person's export, and its erasure consumer
 * group (`community-erasure`), which handles users.AccountDeleted.
 */
const world = startForTests(startCommunityWorld);

describe('the community section of an export', () => {
  it('holds the person’s memberships, the communities they created, their posts and comments with text', async () => {
    const person = newPerson();
    const other = newPerson();
    const { id: communityId } = await newCommunity(world, 'PUBLIC', [[person, 'MODERATOR']]);
    const postId = await newPost(world, communityId, person, { title: 'Meet-up in Nantes' });
    const othersPost = await newPost(world, communityId, other);
    const commentId = await newComment(world, othersPost, person, { body: 'I will be there' });

    const response = await requestExportSection(world, 'community', person, idOf(person));

    const [exported] = response.data!._entities;
    expect(exported!.subjectId).toBe(idOf(person));
    expect(exported!.community).toEqual({
      memberships: [
        { communityId, communityName: expect.any(String), role: 'MODERATOR', joinedAt: expect.any(String) },
      ],
      communitiesCreated: [],
      posts: [
        {
          id: postId,
          communityId,
          title: 'Meet-up in Nantes',
          body: 'A body.',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ],
      comments: [
        {
          id: commentId,
          postId: othersPost,
          parentCommentId: null,
          body: 'I will be there',
          createdAt: expect.any(String),
        },
      ],
    });
  });

  it('is the person’s own: someone else is FORBIDDEN, a partner key FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const person = newPerson();
    const { id: communityId } = await newCommunity(world, 'PUBLIC', [[person, 'MEMBER']]);
    await newPost(world, communityId, person, { title: 'Private thoughts' });
    await expectExportRefusedToOthers(world, 'community', idOf(person), 'Private thoughts');
  });
});

describe('community-erasure', () => {
  it('removes memberships, deletes what nobody answered, keeps answered posts and comments as tombstones', async () => {
    const marker = `m${randomBytes(4).toString('hex')}`;
    const person = newPerson();
    const other = newPerson();
    const { id: communityId } = await newCommunity(world, 'PUBLIC', [
      [person, 'MODERATOR'],
      [other, 'MEMBER'],
    ]);
    const [created] = await rows<{ id: string }>(
      world,
      `insert into communities (id, slug, name, description, visibility, created_by_id, created_at, updated_at)
       values ($1, $2, 'Founded by the person', 'Still alive.', 'PUBLIC', $3, now(), now()) returning id`,
      [randomUUID(), `founded-${randomUUID().slice(0, 8)}`, idOf(person)],
    );
    const quietPost = await newPost(world, communityId, person, { title: `Quiet ${marker}` });
    const ownThreadPost = await newPost(world, communityId, person, { title: `Monologue ${marker}` });
    await newComment(world, ownThreadPost, person, { body: `talking to myself ${marker}` });
    const discussedPost = await newPost(world, communityId, person, { title: `Discussed ${marker}` });
    const answer = await newComment(world, discussedPost, other, { body: 'Great question' });
    const othersPost = await newPost(world, communityId, other, { title: 'Their post' });
    await newComment(world, othersPost, person, { body: `unanswered ${marker}` });
    const answered = await newComment(world, othersPost, person, { body: `answered ${marker}` });
    const reply = await newComment(world, othersPost, other, { parentId: answered, body: 'Agreed' });
    const top = await newComment(world, othersPost, person, { body: `top ${marker}` });
    const own = await newComment(world, othersPost, person, { parentId: top, body: `own reply ${marker}` });
    const deepReply = await newComment(world, othersPost, other, { parentId: own, body: 'Deep answer' });
    await outboxPublished(world.subgraph.database.url);

    await deliverToErasure(world, accountDeletedEvent(idOf(person)));

    expect(await rowsMentioning(world.subgraph.database.url, [idOf(person), marker])).toEqual([]);
    expect(await rows(world, 'select created_by_id from communities where id = $1', [created!.id])).toEqual([
      { created_by_id: null },
    ]);
    expect(
      await rows(world, 'select id from posts where id = any($1)', [[quietPost, ownThreadPost]]),
    ).toEqual([]);
    expect(
      await rows(world, 'select author_id, title, body from posts where id = $1', [discussedPost]),
    ).toEqual([{ author_id: null, title: DELETED_TEXT, body: DELETED_TEXT }]);
    const thread = await rows<{
      id: string;
      parent_id: string | null;
      author_id: string | null;
      body: string;
    }>(
      world,
      'select id, parent_id, author_id, body from comments where post_id = any($1) order by created_at, id',
      [[discussedPost, othersPost]],
    );
    expect(thread).toEqual([
      { id: answer, parent_id: null, author_id: idOf(other), body: 'Great question' },
      { id: answered, parent_id: null, author_id: null, body: DELETED_TEXT },
      { id: reply, parent_id: answered, author_id: idOf(other), body: 'Agreed' },
      { id: top, parent_id: null, author_id: null, body: DELETED_TEXT },
      { id: own, parent_id: top, author_id: null, body: DELETED_TEXT },
      { id: deepReply, parent_id: own, author_id: idOf(other), body: 'Deep answer' },
    ]);
    // The thread still reads through the API, the tombstone without author.
    const read = await request<{ post: { title: string; author: null; comments: { totalCount: number } } }>(
      world,
      other,
      'query ($id: ID!) { post(id: $id) { title author { id } comments { totalCount } } }',
      { id: discussedPost },
    );
    expect(read.data!.post).toEqual({ title: DELETED_TEXT, author: null, comments: { totalCount: 1 } });
  });

  it('handles a redelivered event once: what the person wrote since stays', async () => {
    const person = newPerson();
    const { id: communityId } = await newCommunity(world, 'PUBLIC', [[person, 'MEMBER']]);
    await newPost(world, communityId, person);
    await outboxPublished(world.subgraph.database.url);
    const deletion = accountDeletedEvent(idOf(person));
    await deliverToErasure(world, deletion);
    const later = await newPost(world, communityId, person, { title: 'Written after' });

    await deliverToErasure(world, deletion);

    expect(await rows(world, 'select id from posts where author_id = $1', [idOf(person)])).toEqual([
      { id: later },
    ]);
  });

  it('rolls everything back, to be retried, while an event about the person waits in the outbox', async () => {
    const person = newPerson();
    const { id: communityId } = await newCommunity(world, 'PUBLIC', [[person, 'MEMBER']]);
    await newPost(world, communityId, person);
    await outboxPublished(world.subgraph.database.url);
    await recordWaitingEventAbout(world.subgraph.database.url, idOf(person));
    const before = await everything(world);

    await expect(deliverToErasure(world, accountDeletedEvent(idOf(person)))).rejects.toThrow(
      'still wait in the outbox',
    );

    expect(await everything(world)).toEqual(before);
  });
});
