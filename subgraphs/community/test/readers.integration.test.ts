import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import { comments, communities, posts } from '@talentgraph/demo-data';
import { MAX_VIEWERS_PER_CALL } from '../src/readers/readers-request.ts';
import {
  UNKNOWN_ID,
  countSelects,
  idOf,
  newCommunity,
  newPerson,
  newPost,
  request,
  startCommunityWorld,
} from './support/world.ts';

const world = startForTests(startCommunityWorld);

type Viewer = { userId: string; roles: string[] };

async function readers(body: unknown, contentType = 'application/json') {
  const response = await fetch(`${world.baseUrl}/internal/community-readers`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const subscriber = (roles: string[] = ['CANDIDATE']): Viewer => ({ userId: randomUUID(), roles });
const of = (person: { userId: string }, roles: string[] = ['CANDIDATE']): Viewer => ({
  userId: person.userId,
  roles,
});

describe('POST /internal/community-readers', () => {
  it('lets every subscriber of a public community read it, each named once in the order given', async () => {
    const [a, b] = [subscriber(), subscriber(['RECRUITER'])];
    const response = await readers({ communityId: communities[0]!.id, viewers: [a, b, a] });
    expect(response).toEqual({ status: 200, body: { visibility: 'PUBLIC', readers: [a.userId, b.userId] } });
  });

  it('keeps the members of a private community, of every role, and the platform moderators and admins', async () => {
    const [member, communityModerator] = [newPerson(), newPerson()];
    const community = await newCommunity(world, 'PRIVATE', [
      [member, 'MEMBER'],
      [communityModerator, 'MODERATOR'],
    ]);
    const [outsider, platformModerator, platformAdmin] = [
      subscriber(['RECRUITER', 'MENTOR']),
      subscriber(['MODERATOR']),
      subscriber(['ADMIN']),
    ];
    const response = await readers({
      communityId: community.id,
      viewers: [
        outsider,
        of(community.owner),
        of(member),
        platformModerator,
        of(communityModerator),
        platformAdmin,
      ],
    });
    expect(response).toEqual({
      status: 200,
      body: {
        visibility: 'PRIVATE',
        readers: [
          idOf(community.owner),
          idOf(member),
          platformModerator.userId,
          idOf(communityModerator),
          platformAdmin.userId,
        ],
      },
    });
  });

  it('answers for the community of a post when given a postId', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [[member, 'MEMBER']]);
    const postId = await newPost(world, community.id, member);
    const outsider = subscriber();
    const response = await readers({ postId, viewers: [outsider, of(member)] });
    expect(response).toEqual({ status: 200, body: { visibility: 'PRIVATE', readers: [idOf(member)] } });
    const demo = await readers({
      postId: posts.find((post) => post.id === comments.at(-1)!.postId)!.id,
      viewers: [outsider, { userId: communities[2]!.createdById, roles: ['RECRUITER'] }],
    });
    expect(demo.body).toEqual({ visibility: 'PRIVATE', readers: [communities[2]!.createdById] });
  });

  it('drops a member removed a moment ago, whatever roles their token had', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [[member, 'MEMBER']]);
    const body = { communityId: community.id, viewers: [of(member)] };
    expect((await readers(body)).body).toEqual({ visibility: 'PRIVATE', readers: [idOf(member)] });
    const removal = await request(
      world,
      community.owner,
      'mutation ($input: RemoveCommunityMemberInput!) { removeCommunityMember(input: $input) { errors { code } } }',
      { input: { communityId: community.id, userId: idOf(member) } },
    );
    expect(removal.errors).toBeUndefined();
    expect((await readers(body)).body).toEqual({ visibility: 'PRIVATE', readers: [] });
  });

  it(`answers for ${MAX_VIEWERS_PER_CALL} subscribers with a single SQL query`, async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [[member, 'MEMBER']]);
    const viewers = [
      ...Array.from({ length: MAX_VIEWERS_PER_CALL - 2 }, () => subscriber()),
      of(member),
      of(community.owner),
    ];
    let response: Awaited<ReturnType<typeof readers>> | undefined;
    const statements = await countSelects(world, async () => {
      response = await readers({ communityId: community.id, viewers });
    });
    expect(response).toEqual({
      status: 200,
      body: { visibility: 'PRIVATE', readers: [idOf(member), idOf(community.owner)] },
    });
    expect(statements).toBe(1);
    expect(world.statements).toHaveLength(1);
  });

  it('answers an empty list of viewers with no reader', async () => {
    expect(await readers({ communityId: communities[2]!.id, viewers: [] })).toEqual({
      status: 200,
      body: { visibility: 'PRIVATE', readers: [] },
    });
  });

  it.each([
    ['community', { communityId: UNKNOWN_ID }, 'No community has this id.'],
    ['post', { postId: UNKNOWN_ID }, 'No post has this id.'],
  ])('answers 404 for an unknown %s', async (_kind, target, message) => {
    expect(await readers({ ...target, viewers: [subscriber()] })).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message } },
    });
  });

  it.each([
    ['no target', { viewers: [] }, 'Give exactly one of "communityId" or "postId".'],
    ['a malformed post id', { postId: 'post-1', viewers: [] }, '"postId" must be an id (a UUID).'],
    [
      'bare user ids',
      { communityId: communities[0]!.id, userIds: [randomUUID()] },
      'Send "viewers": [{ "userId", "roles" }] rather than "userIds": the platform roles of each subscriber decide too.',
    ],
    [
      'an unknown role',
      { communityId: communities[0]!.id, viewers: [{ userId: randomUUID(), roles: ['ROOT'] }] },
      'viewers[0].roles[0] must be one of CANDIDATE, RECRUITER, MENTOR, MODERATOR, ADMIN, PARTNER.',
    ],
    [
      'too many viewers',
      {
        communityId: communities[0]!.id,
        viewers: Array.from({ length: MAX_VIEWERS_PER_CALL + 1 }, () => ({ userId: UNKNOWN_ID, roles: [] })),
      },
      `At most ${MAX_VIEWERS_PER_CALL} viewers per call (got ${MAX_VIEWERS_PER_CALL + 1}): split the list.`,
    ],
  ])('answers 400 with a clear message for %s, querying nothing', async (_case, body, message) => {
    let response: Awaited<ReturnType<typeof readers>> | undefined;
    const statements = await countSelects(world, async () => {
      response = await readers(body);
    });
    expect(response).toEqual({ status: 400, body: { error: { code: 'BAD_REQUEST', message } } });
    expect(statements).toBe(0);
  });

  it('answers 400 for a body that is not JSON, and for a body sent as something else than JSON', async () => {
    expect(await readers('{"communityId": ', 'application/json')).toEqual({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message: 'The body is not valid JSON.' } },
    });
    expect(
      await readers(JSON.stringify({ communityId: communities[0]!.id, viewers: [] }), 'text/plain'),
    ).toEqual({
      status: 400,
      body: {
        error: {
          code: 'BAD_REQUEST',
          message: 'The body must be a JSON object (Content-Type: application/json).',
        },
      },
    });
  });

  it('answers 413 for a body larger than 1 MB', async () => {
    const viewers = Array.from({ length: 20_000 }, () => subscriber());
    expect(await readers({ communityId: communities[0]!.id, viewers })).toEqual({
      status: 413,
      body: {
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: 'The body is larger than 1 MB: send fewer viewers per call.',
        },
      },
    });
  });
});
