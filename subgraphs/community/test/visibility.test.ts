import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { COMMUNITY_MEMBER_ROLES } from '../src/domain/community.ts';
import { canReadPosts, moderatesEveryCommunity, readersAmong } from '../src/domain/visibility.ts';

const publicCommunity = { visibility: 'PUBLIC' } as const;
const privateCommunity = { visibility: 'PRIVATE' } as const;
const person = testUser('00000000-0000-4000-8000-00000000000a');
const recruiter = testUser('00000000-0000-4000-8000-00000000000b', {
  roles: ['RECRUITER'],
  memberships: [{ organizationId: '00000000-0000-4000-8000-0000000000aa', role: 'OWNER' }],
});
const moderator = testUser('00000000-0000-4000-8000-00000000000c', { roles: ['MODERATOR'] });
const admin = testUser('00000000-0000-4000-8000-00000000000d', { roles: ['ADMIN'] });
const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: 'key',
  organizationId: '00000000-0000-4000-8000-0000000000aa',
  roles: ['PARTNER'],
};

describe('canReadPosts', () => {
  it('lets anyone read the posts of a public community, member or not, signed in or not', () => {
    for (const viewer of [null, person, partner]) {
      expect(canReadPosts(publicCommunity, viewer, null)).toBe(true);
    }
    expect(canReadPosts(publicCommunity, person, { role: 'MEMBER' })).toBe(true);
  });

  it('hides the posts of a private community from anonymous callers, non-members and partner keys', () => {
    for (const viewer of [null, person, recruiter, partner]) {
      expect(canReadPosts(privateCommunity, viewer, null)).toBe(false);
    }
  });

  it.each(COMMUNITY_MEMBER_ROLES)('shows the posts of a private community to a %s', (role) => {
    expect(canReadPosts(privateCommunity, person, { role })).toBe(true);
  });

  it('shows the posts of a private community to moderators and admins of the platform, members or not', () => {
    expect(canReadPosts(privateCommunity, moderator, null)).toBe(true);
    expect(canReadPosts(privateCommunity, admin, null)).toBe(true);
  });
});

describe('moderatesEveryCommunity', () => {
  it('is true for the platform moderators and admins only', () => {
    expect([moderator, admin].map(moderatesEveryCommunity)).toEqual([true, true]);
    expect([null, person, recruiter, partner].map(moderatesEveryCommunity)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('needs only the roles, as the gateway passes them for each subscriber', () => {
    expect(moderatesEveryCommunity({ roles: ['CANDIDATE', 'ADMIN'] })).toBe(true);
    expect(moderatesEveryCommunity({ roles: [] })).toBe(false);
  });
});

describe('readersAmong', () => {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(
    (letter) => `00000000-0000-4000-8000-00000000000${letter}`,
  ) as [string, string, string, string];
  const subscribers = [
    { userId: a, roles: ['CANDIDATE'] },
    { userId: b, roles: ['RECRUITER'] },
    { userId: c, roles: ['MODERATOR'] },
    { userId: d, roles: ['ADMIN', 'CANDIDATE'] },
  ] as const;

  it('keeps every subscriber of a public community, members or not', () => {
    expect(readersAmong(publicCommunity, subscribers, new Set())).toEqual([a, b, c, d]);
  });

  it('keeps the members and the platform moderators and admins of a private community', () => {
    expect(readersAmong(privateCommunity, subscribers, new Set([b]))).toEqual([b, c, d]);
    expect(readersAmong(privateCommunity, subscribers.slice(0, 2), new Set())).toEqual([]);
  });

  it('names each reader once, in the order given', () => {
    const twice = [subscribers[1], subscribers[0], { userId: b, roles: [] }, subscribers[0]];
    expect(readersAmong(privateCommunity, twice, new Set([a, b]))).toEqual([b, a]);
  });
});
