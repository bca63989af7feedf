import { describe, expect, it } from 'vitest';
import { COMMUNITY_MEMBER_ROLES } from '../src/domain/community.ts';
import { canReadPosts } from '../src/domain/visibility.ts';

describe('canReadPosts', () => {
  it('lets anyone read the posts of a public community', () => {
    expect(canReadPosts('PUBLIC')).toBe(true);
    expect(canReadPosts('PUBLIC', null)).toBe(true);
    expect(canReadPosts('PUBLIC', { role: 'MEMBER' })).toBe(true);
  });

  it('hides the posts of a private community from a viewer who is not a member (or not known)', () => {
    expect(canReadPosts('PRIVATE')).toBe(false);
    expect(canReadPosts('PRIVATE', null)).toBe(false);
  });

  it.each(COMMUNITY_MEMBER_ROLES)('shows the posts of a private community to a %s', (role) => {
    expect(canReadPosts('PRIVATE', { role })).toBe(true);
  });
});
