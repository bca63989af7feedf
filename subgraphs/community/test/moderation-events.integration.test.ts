import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { graphqlRequest, startForTests, type GraphQLResponse } from '@talentgraph/testing';
import {
  errorCodes,
  idOf,
  newComment,
  newCommunity,
  newPerson,
  newPost,
  rows,
  startCommunityWorld,
} from './support/world.ts';

/**
 * The domain events that moderation leaves (the users subgraph's audit log is made from them): recorded in
 * the transaction of the change, so a refused or failed action leaves none.
 */

const world = startForTests(startCommunityWorld);

const REMOVE = `mutation ($input: RemoveCommunityMemberInput!) {
  removeCommunityMember(input: $input) { errors { code } }
}`;
const DELETE = `mutation ($input: DeletePostInput!) { deletePost(input: $input) { deletedPostId errors { code } } }`;

interface Envelope {
  id: string;
  type: string;
  version: number;
  actor: { kind: string; id: string | null } | null;
  aggregate: { type: string; id: string };
  payload: Record<string, unknown>;
  correlationId: string | null;
}

/** The outbox rows of one type about one aggregate. */
async function eventsAbout(type: string, aggregateId: string): Promise<Envelope[]> {
  const found = await rows<{ envelope: Envelope }>(
    world,
    `select envelope from event_outbox where type = $1 and envelope->'aggregate'->>'id' = $2 order by sequence`,
    [type, aggregateId],
  );
  return found.map((row) => row.envelope);
}

/** A request as the gateway forwards it: with the client's request id. */
async function requestAs<Data = Record<string, unknown>>(
  viewer: Viewer,
  query: string,
  input: Record<string, unknown>,
  requestId: string,
): Promise<GraphQLResponse<Data>> {
  return graphqlRequest<Data>(
    world.subgraph.url,
    query,
    { input },
    { ...(await world.issuer.headersFor(viewer)), 'x-request-id': requestId },
  );
}

describe('community.MemberRemoved', () => {
  it('names the person removed, their role and who removed them, with the request as correlation id', async () => {
    const moderator = newPerson();
    const member = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [
      [moderator, 'MODERATOR'],
      [member, 'MEMBER'],
    ]);
    const response = await requestAs(
      moderator,
      REMOVE,
      { communityId: community.id, userId: idOf(member) },
      'moderation-remove-1',
    );
    expect(response.errors).toBeUndefined();
    expect(await eventsAbout('community.MemberRemoved', community.id)).toEqual([
      expect.objectContaining({
        version: 1,
        actor: { kind: 'USER', id: idOf(moderator) },
        aggregate: { type: 'Community', id: community.id },
        payload: {
          communityId: community.id,
          userId: idOf(member),
          role: 'MEMBER',
          removedBy: idOf(moderator),
        },
        correlationId: 'moderation-remove-1',
      }),
    ]);
  });

  it('leaves no event when the removal is refused', async () => {
    const member = newPerson();
    const otherMember = newPerson();
    const moderator = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [
      [member, 'MEMBER'],
      [otherMember, 'MEMBER'],
      [moderator, 'MODERATOR'],
    ]);
    const byMember = await requestAs(
      member,
      REMOVE,
      { communityId: community.id, userId: idOf(otherMember) },
      'refused-1',
    );
    expect(errorCodes(byMember)).toEqual(['FORBIDDEN']);
    const ofOwner = await requestAs<{ removeCommunityMember: { errors: { code: string }[] } }>(
      moderator,
      REMOVE,
      { communityId: community.id, userId: idOf(community.owner) },
      'refused-2',
    );
    expect(ofOwner.data!.removeCommunityMember.errors.map((error) => error.code)).toEqual([
      'OWNER_CANNOT_BE_REMOVED',
    ]);
    expect(await eventsAbout('community.MemberRemoved', community.id)).toEqual([]);
    expect(
      await rows(world, 'select user_id from community_members where community_id = $1', [community.id]),
    ).toHaveLength(4);
  });
});

describe('community.PostDeleted', () => {
  it('names the author and who deleted it, whether a moderator or the author', async () => {
    const author = newPerson();
    const moderator = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [
      [author, 'MEMBER'],
      [moderator, 'MODERATOR'],
    ]);
    const moderated = await newPost(world, community.id, author);
    await newComment(world, moderated, moderator);
    const ownDeleted = await newPost(world, community.id, author);
    await requestAs(moderator, DELETE, { postId: moderated }, 'moderation-delete-1');
    await requestAs(author, DELETE, { postId: ownDeleted }, 'own-delete-1');
    expect(await eventsAbout('community.PostDeleted', moderated)).toEqual([
      expect.objectContaining({
        version: 1,
        actor: { kind: 'USER', id: idOf(moderator) },
        aggregate: { type: 'Post', id: moderated },
        payload: {
          postId: moderated,
          communityId: community.id,
          authorId: idOf(author),
          deletedBy: idOf(moderator),
        },
        correlationId: 'moderation-delete-1',
      }),
    ]);
    expect((await eventsAbout('community.PostDeleted', ownDeleted)).map((event) => event.payload)).toEqual([
      { postId: ownDeleted, communityId: community.id, authorId: idOf(author), deletedBy: idOf(author) },
    ]);
  });

  it('leaves no event when the deletion is refused or the post unknown', async () => {
    const author = newPerson();
    const otherMember = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [
      [author, 'MEMBER'],
      [otherMember, 'MEMBER'],
    ]);
    const postId = await newPost(world, community.id, author);
    expect(errorCodes(await requestAs(otherMember, DELETE, { postId }, 'refused-3'))).toEqual(['FORBIDDEN']);
    const unknownId = randomUUID();
    const unknown = await requestAs<{ deletePost: { errors: { code: string }[] } }>(
      author,
      DELETE,
      { postId: unknownId },
      'refused-4',
    );
    expect(unknown.data!.deletePost.errors.map((error) => error.code)).toEqual(['POST_NOT_FOUND']);
    expect(await eventsAbout('community.PostDeleted', postId)).toEqual([]);
    expect(await eventsAbout('community.PostDeleted', unknownId)).toEqual([]);
    expect(await rows(world, 'select id from posts where id = $1', [postId])).toHaveLength(1);
  });

  it('rolls the event back with the deletion when the transaction fails after recording it', async () => {
    const author = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[author, 'MEMBER']]);
    const postId = await newPost(world, community.id, author);
    // A trigger makes the outbox insert of this deletion's event fail, after the post's row was deleted.
    await rows(
      world,
      `create or replace function refuse_post_deleted() returns trigger language plpgsql as $$
       begin
         if new.type = 'community.PostDeleted' and new.envelope->'payload'->>'postId' = '${postId}' then
           raise exception 'outbox unavailable';
         end if;
         return new;
       end $$`,
    );
    await rows(
      world,
      `create trigger refuse_post_deleted before insert on event_outbox for each row execute function refuse_post_deleted()`,
    );
    try {
      const response = await requestAs(author, DELETE, { postId }, 'failing-delete-1');
      expect(response.errors).toBeDefined();
    } finally {
      await rows(world, 'drop trigger refuse_post_deleted on event_outbox');
      await rows(world, 'drop function refuse_post_deleted()');
    }
    expect(await rows(world, 'select id from posts where id = $1', [postId])).toHaveLength(1);
    expect(await eventsAbout('community.PostDeleted', postId)).toEqual([]);
  });
});
