import { describe, expect, it } from 'vitest';
import { PROFILE_STATUSES, type ProfileStatus } from '../src/domain/profile.ts';
import { isPubliclyVisible, publiclyVisible } from '../src/domain/visibility.ts';

describe('public visibility of profiles', () => {
  it('shows validated profiles only', () => {
    const visible = PROFILE_STATUSES.filter(isPubliclyVisible);
    expect(visible).toEqual(['VALIDATED']);
  });

  it.each(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED'] satisfies ProfileStatus[])(
    'hides a %s profile as if it did not exist',
    (status) => {
      expect(publiclyVisible({ id: 'p', status })).toBeNull();
    },
  );

  it('returns a validated profile itself, and null for no profile', () => {
    const profile = { id: 'p', status: 'VALIDATED' as const };
    expect(publiclyVisible(profile)).toBe(profile);
    expect(publiclyVisible(null)).toBeNull();
    expect(publiclyVisible(undefined)).toBeNull();
  });
});
