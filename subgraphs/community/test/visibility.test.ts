import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { COMMUNITY_MEMBER_ROLES } from '../src/domain/community.ts';
import { canReadPosts } from '../src/domain/visibility.ts';

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
