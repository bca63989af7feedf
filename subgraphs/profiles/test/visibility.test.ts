import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { PROFILE_STATUSES, type ProfileStatus } from '../src/domain/profile.ts';
import {
  canListStatus,
  canSeeProfile,
  isPubliclyVisible,
  reviewsProfiles,
  visibleProfile,
} from '../src/domain/visibility.ts';

const OWNER_ID = '00000000-0000-4000-8000-00000000000a';
const owner = testUser(OWNER_ID);
const otherCandidate = testUser('00000000-0000-4000-8000-00000000000b');
const recruiter = testUser('00000000-0000-4000-8000-00000000000c', {
  roles: ['RECRUITER'],
  memberships: [{ organizationId: '00000000-0000-4000-8000-0000000000aa', role: 'OWNER' }],
});
const moderator = testUser('00000000-0000-4000-8000-00000000000d', { roles: ['MODERATOR'] });
const admin = testUser('00000000-0000-4000-8000-00000000000e', { roles: ['ADMIN'] });
const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: 'key',
  organizationId: '00000000-0000-4000-8000-0000000000aa',
  roles: ['PARTNER'],
};
const PRIVATE_STATUSES = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED'] satisfies ProfileStatus[];
const profileIn = (status: ProfileStatus) => ({
  id: 'p',
  userId: OWNER_ID,
  status,
  kind: 'CANDIDATE' as const,
});

describe('public visibility of profiles', () => {
  it('makes validated profiles public, and only them', () => {
    expect(PROFILE_STATUSES.filter(isPubliclyVisible)).toEqual(['VALIDATED']);
  });

  it.each([
    ['anonymous callers', null],
    ['another candidate', otherCandidate],
    ['a recruiter', recruiter],
    ['a partner key', partner],
    ['the owner', owner],
    ['a moderator', moderator],
  ] as const)('shows a validated profile to %s', (_who, viewer) => {
    expect(canSeeProfile(profileIn('VALIDATED'), viewer)).toBe(true);
  });
});

describe('private profiles', () => {
  it.each(PRIVATE_STATUSES)('shows a %s profile to its owner', (status) => {
    expect(canSeeProfile(profileIn(status), owner)).toBe(true);
  });

  it.each(PRIVATE_STATUSES)('shows a %s profile to moderators and admins', (status) => {
    expect(canSeeProfile(profileIn(status), moderator)).toBe(true);
    expect(canSeeProfile(profileIn(status), admin)).toBe(true);
  });

  it.each(PRIVATE_STATUSES)(
    'hides a %s profile from anonymous callers, other people, recruiters and partner keys',
    (status) => {
      for (const viewer of [null, otherCandidate, recruiter, partner]) {
        expect(canSeeProfile(profileIn(status), viewer)).toBe(false);
      }
    },
  );

  it('does not take a partner key whose id happens to be the owner id for the owner', () => {
    const lookalike: Viewer = { ...partner, apiKeyId: OWNER_ID };
    expect(canSeeProfile(profileIn('DRAFT'), lookalike)).toBe(false);
  });
});

describe('visibleProfile', () => {
  it('returns a visible profile itself', () => {
    const profile = profileIn('VALIDATED');
    expect(visibleProfile(profile, null)).toBe(profile);
    const draft = profileIn('DRAFT');
    expect(visibleProfile(draft, owner)).toBe(draft);
  });

  it('answers null for a hidden profile, exactly as for no profile', () => {
    expect(visibleProfile(profileIn('DRAFT'), otherCandidate)).toBeNull();
    expect(visibleProfile(null, moderator)).toBeNull();
    expect(visibleProfile(undefined, owner)).toBeNull();
  });
});

describe('listing by status', () => {
  it('lets anyone list validated profiles', () => {
    for (const viewer of [null, owner, recruiter, partner, moderator]) {
      expect(canListStatus('VALIDATED', viewer)).toBe(true);
    }
  });

  it.each(PRIVATE_STATUSES)('lets only moderators and admins list %s profiles', (status) => {
    expect(canListStatus(status, moderator)).toBe(true);
    expect(canListStatus(status, admin)).toBe(true);
    for (const viewer of [null, owner, otherCandidate, recruiter, partner]) {
      expect(canListStatus(status, viewer)).toBe(false);
    }
  });

  it('counts moderators and admins as reviewers, nobody else', () => {
    expect([null, owner, recruiter, partner, moderator, admin].map(reviewsProfiles)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe("a consultant's firm", () => {
  const FIRM_ID = '00000000-0000-4000-8000-0000000000ff';
  const consultantIn = (status: ProfileStatus) => ({
    userId: OWNER_ID,
    status,
    kind: 'CONSULTANT' as const,
    organizationId: FIRM_ID,
  });
  const member = (role: 'OWNER' | 'ADMIN' | 'RECRUITER', organizationId = FIRM_ID) =>
    testUser('00000000-0000-4000-8000-00000000001f', { memberships: [{ organizationId, role }] });

  it.each(PRIVATE_STATUSES)("shows a %s consultant profile to the firm's owners and admins", (status) => {
    expect(canSeeProfile(consultantIn(status), member('OWNER'))).toBe(true);
    expect(canSeeProfile(consultantIn(status), member('ADMIN'))).toBe(true);
  });

  it.each(PRIVATE_STATUSES)(
    'hides a %s consultant profile from its recruiters, other firms and partner keys of the firm',
    (status) => {
      expect(canSeeProfile(consultantIn(status), member('RECRUITER'))).toBe(false);
      expect(
        canSeeProfile(consultantIn(status), member('OWNER', '00000000-0000-4000-8000-0000000000ee')),
      ).toBe(false);
      expect(canSeeProfile(consultantIn(status), { ...partner, organizationId: FIRM_ID })).toBe(false);
    },
  );

  it("does not extend to a candidate's profile, whatever the memberships", () => {
    expect(canSeeProfile({ ...consultantIn('DRAFT'), kind: 'CANDIDATE' }, member('OWNER'))).toBe(false);
  });
});
