import { describe, expect, it } from 'vitest';
import { MAX_VIEWERS_PER_CALL, parseReadersRequest } from '../src/readers/readers-request.ts';

const communityId = '00000000-0000-4000-8005-000000000001';
const postId = '00000000-0000-4000-8006-000000000001';
const userId = '00000000-0000-4000-8002-000000000001';

const messageOf = (body: unknown) => {
  const parsed = parseReadersRequest(body);
  return parsed.valid ? null : parsed.message;
};

describe('parseReadersRequest', () => {
  it('reads a community or a post with its viewers and their platform roles', () => {
    expect(parseReadersRequest({ communityId, viewers: [{ userId, roles: ['MODERATOR'] }] })).toEqual({
      valid: true,
      request: {
        target: { kind: 'COMMUNITY', id: communityId },
        viewers: [{ userId, roles: ['MODERATOR'] }],
      },
    });
    expect(parseReadersRequest({ postId, viewers: [] })).toEqual({
      valid: true,
      request: { target: { kind: 'POST', id: postId }, viewers: [] },
    });
  });

  it(`accepts ${MAX_VIEWERS_PER_CALL} viewers and refuses one more`, () => {
    const viewers = (count: number) => Array.from({ length: count }, () => ({ userId, roles: [] }));
    expect(parseReadersRequest({ communityId, viewers: viewers(MAX_VIEWERS_PER_CALL) }).valid).toBe(true);
    expect(messageOf({ communityId, viewers: viewers(MAX_VIEWERS_PER_CALL + 1) })).toBe(
      `At most ${MAX_VIEWERS_PER_CALL} viewers per call (got ${MAX_VIEWERS_PER_CALL + 1}): split the list.`,
    );
  });

  it.each([
    ['not an object', [communityId], 'The body must be a JSON object (Content-Type: application/json).'],
    ['null', null, 'The body must be a JSON object (Content-Type: application/json).'],
    ['neither id', { viewers: [] }, 'Give exactly one of "communityId" or "postId".'],
    ['both ids', { communityId, postId, viewers: [] }, 'Give exactly one of "communityId" or "postId".'],
    [
      'a malformed community id',
      { communityId: 'typescript-france', viewers: [] },
      '"communityId" must be an id (a UUID).',
    ],
    ['a post id that is a number', { postId: 42, viewers: [] }, '"postId" must be an id (a UUID).'],
    [
      'bare user ids',
      { communityId, userIds: [userId] },
      'Send "viewers": [{ "userId", "roles" }] rather than "userIds": the platform roles of each subscriber decide too.',
    ],
    ['no viewers', { communityId }, '"viewers" must be an array of { "userId", "roles" }.'],
    [
      'viewers as an object',
      { communityId, viewers: { userId } },
      '"viewers" must be an array of { "userId", "roles" }.',
    ],
    ['a viewer that is a string', { communityId, viewers: [userId] }, 'viewers[0] must be an object.'],
    [
      'a malformed user id',
      {
        communityId,
        viewers: [
          { userId, roles: [] },
          { userId: 'amina', roles: [] },
        ],
      },
      'viewers[1].userId must be an id (a UUID).',
    ],
    [
      'missing roles',
      { communityId, viewers: [{ userId }] },
      'viewers[0].roles must be an array of platform roles.',
    ],
    [
      'an unknown role',
      { communityId, viewers: [{ userId, roles: ['CANDIDATE', 'SUPERUSER'] }] },
      'viewers[0].roles[1] must be one of CANDIDATE, RECRUITER, MENTOR, MODERATOR, ADMIN, PARTNER.',
    ],
  ])('refuses %s with a message naming what to fix', (_case, body, message) => {
    expect(messageOf(body)).toBe(message);
  });
});
