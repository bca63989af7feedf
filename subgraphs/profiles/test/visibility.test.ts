import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { PROFILE_STATUSES, type ProfileKind, type ProfileStatus } from '../src/domain/profile.ts';
import {
  canListStatus,
  canSeeProfile,
  dependsOnUnlocks,
  isValidated,
  listingScope,
  readingGround,
  reviewsProfiles,
  unlockingOrganizationsOf,
} from '../src/domain/visibility.ts';

const OWNER_ID = '00000000-0000-4000-8000-00000000000a';
const ACME = '00000000-0000-4000-8000-0000000000aa';
const NORDLYS = '00000000-0000-4000-8000-0000000000bb';

const owner = testUser(OWNER_ID);
const otherCandidate = testUser('00000000-0000-4000-8000-00000000000b');
const recruiterOf = (...organizationIds: string[]) =>
  testUser('00000000-0000-4000-8000-00000000000c', {
    roles: ['RECRUITER'],
    memberships: organizationIds.map((organizationId) => ({ organizationId, role: 'RECRUITER' as const })),
  });
const moderator = testUser('00000000-0000-4000-8000-00000000000d', { roles: ['MODERATOR'] });
const admin = testUser('00000000-0000-4000-8000-00000000000e', { roles: ['ADMIN'] });
const partnerOf = (organizationId: string): Viewer => ({
  kind: 'PARTNER',
  apiKeyId: 'key',
  organizationId,
  roles: ['PARTNER'],
});
/** A member of Acme without the RECRUITER role: unlocks are read by recruiters. */
const memberWithoutRecruiterRole = testUser('00000000-0000-4000-8000-00000000000f', {
  roles: ['CANDIDATE'],
  memberships: [{ organizationId: ACME, role: 'OWNER' }],
});
const PRIVATE_STATUSES = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED'] satisfies ProfileStatus[];

const profileOf = (kind: ProfileKind, status: ProfileStatus, hiddenFromOrganizationIds: string[] = []) => ({
  userId: OWNER_ID,
  status,
  kind,
  organizationId: kind === 'CONSULTANT' ? NORDLYS : null,
  hiddenFromOrganizationIds,
});
const candidate = (status: ProfileStatus = 'VALIDATED', hidden: string[] = []) =>
  profileOf('CANDIDATE', status, hidden);

describe('a validated candidate profile', () => {
  it.each<[string, Viewer | null, string[], string | null]>([
    ['its owner', owner, [], 'OWNER'],
    ['a moderator', moderator, [], 'REVIEWER'],
    ['an admin', admin, [], 'REVIEWER'],
    ['a recruiter of an organization that unlocked it', recruiterOf(ACME), [ACME], 'UNLOCKED'],
    ['a recruiter of several, one of which unlocked it', recruiterOf(NORDLYS, ACME), [ACME], 'UNLOCKED'],
    ['a partner key of an organization that unlocked it', partnerOf(ACME), [ACME], 'UNLOCKED'],
    ['an anonymous caller', null, [ACME], null],
    ['another candidate', otherCandidate, [ACME], null],
    ['a recruiter whose organization did not unlock it', recruiterOf(ACME), [], null],
    ["another organization's recruiter", recruiterOf(NORDLYS), [ACME], null],
    ["another organization's partner key", partnerOf(NORDLYS), [ACME], null],
    ['a member of the organization without the RECRUITER role', memberWithoutRecruiterRole, [ACME], null],
  ])('is read by %s: %s', (_who, viewer, unlockedBy, ground) => {
    expect(readingGround(candidate(), viewer, unlockedBy)).toBe(ground);
    expect(canSeeProfile(candidate(), viewer, unlockedBy)).toBe(ground !== null);
  });

  it('is never read by a recruiter of an organization it is hidden from, even unlocked by another of theirs', () => {
    const hidden = candidate('VALIDATED', [NORDLYS]);
    expect(canSeeProfile(hidden, recruiterOf(ACME, NORDLYS), [ACME])).toBe(false);
    expect(canSeeProfile(hidden, partnerOf(NORDLYS), [NORDLYS])).toBe(false);
    expect(canSeeProfile(hidden, recruiterOf(ACME), [ACME])).toBe(true);
    expect(canSeeProfile(hidden, moderator, [])).toBe(true);
    expect(canSeeProfile(hidden, owner, [])).toBe(true);
  });

  it('does not take a partner key whose id happens to be the owner id for the owner', () => {
    const lookalike: Viewer = {
      kind: 'PARTNER',
      apiKeyId: OWNER_ID,
      organizationId: ACME,
      roles: ['PARTNER'],
    };
    expect(canSeeProfile(candidate(), lookalike, [])).toBe(false);
  });
});

describe('unlocks are read only when the answer depends on them', () => {
  it('for a validated candidate read by a recruiter or a partner key', () => {
    expect(dependsOnUnlocks(candidate(), recruiterOf(ACME))).toBe(true);
    expect(dependsOnUnlocks(candidate(), partnerOf(ACME))).toBe(true);
  });

  it('not for its owner, a reviewer, other people, other kinds or other statuses', () => {
    for (const viewer of [owner, moderator, null, otherCandidate, memberWithoutRecruiterRole]) {
      expect(dependsOnUnlocks(candidate(), viewer)).toBe(false);
    }
    expect(dependsOnUnlocks(profileOf('MENTOR', 'VALIDATED'), recruiterOf(ACME))).toBe(false);
    expect(dependsOnUnlocks(candidate('SUBMITTED'), recruiterOf(ACME))).toBe(false);
    expect(dependsOnUnlocks(candidate(), recruiterOf())).toBe(false);
  });

  it("counts a recruiter's organizations and a partner key's own, nobody else's", () => {
    expect(unlockingOrganizationsOf(recruiterOf(ACME, NORDLYS))).toEqual([ACME, NORDLYS]);
    expect(unlockingOrganizationsOf(partnerOf(ACME))).toEqual([ACME]);
    for (const viewer of [null, owner, memberWithoutRecruiterRole, moderator]) {
      expect(unlockingOrganizationsOf(viewer)).toEqual([]);
    }
  });
});

describe('validated mentor and consultant profiles', () => {
  it.each(['MENTOR', 'CONSULTANT'] as const)('a %s profile is public', (kind) => {
    for (const viewer of [null, otherCandidate, recruiterOf(ACME), partnerOf(ACME)]) {
      expect(readingGround(profileOf(kind, 'VALIDATED'), viewer, [])).toBe('PUBLIC');
    }
    expect(readingGround(profileOf(kind, 'VALIDATED'), owner, [])).toBe('OWNER');
  });

  it('ignores hidden organizations: those are lists of candidate search', () => {
    expect(canSeeProfile(profileOf('MENTOR', 'VALIDATED', [ACME]), recruiterOf(ACME), [])).toBe(true);
  });
});

describe('profiles not validated', () => {
  it('only VALIDATED counts as validated', () => {
    expect(PROFILE_STATUSES.filter(isValidated)).toEqual(['VALIDATED']);
  });

  it.each(PRIVATE_STATUSES)('a %s profile is read by its owner, moderators and admins', (status) => {
    for (const kind of ['CANDIDATE', 'MENTOR', 'CONSULTANT'] as const) {
      expect(canSeeProfile(profileOf(kind, status), owner, [])).toBe(true);
      expect(canSeeProfile(profileOf(kind, status), moderator, [])).toBe(true);
      expect(canSeeProfile(profileOf(kind, status), admin, [])).toBe(true);
    }
  });

  it.each(PRIVATE_STATUSES)(
    'a %s profile is hidden from anonymous callers, other people, recruiters (unlocked or not) and partner keys',
    (status) => {
      for (const viewer of [null, otherCandidate, recruiterOf(ACME), partnerOf(ACME)]) {
        for (const kind of ['CANDIDATE', 'MENTOR', 'CONSULTANT'] as const) {
          expect(canSeeProfile(profileOf(kind, status), viewer, [ACME])).toBe(false);
        }
      }
    },
  );
});

describe("a consultant's firm", () => {
  const member = (role: 'OWNER' | 'ADMIN' | 'RECRUITER', organizationId = NORDLYS) =>
    testUser('00000000-0000-4000-8000-00000000001f', { memberships: [{ organizationId, role }] });
  const consultantIn = (status: ProfileStatus) => profileOf('CONSULTANT', status);

  it.each(PRIVATE_STATUSES)("shows a %s consultant profile to the firm's owners and admins", (status) => {
    expect(readingGround(consultantIn(status), member('OWNER'), [])).toBe('FIRM');
    expect(readingGround(consultantIn(status), member('ADMIN'), [])).toBe('FIRM');
  });

  it.each(PRIVATE_STATUSES)(
    'hides a %s consultant profile from its recruiters, other firms and partner keys of the firm',
    (status) => {
      expect(canSeeProfile(consultantIn(status), member('RECRUITER'), [])).toBe(false);
      expect(canSeeProfile(consultantIn(status), member('OWNER', ACME), [])).toBe(false);
      expect(canSeeProfile(consultantIn(status), partnerOf(NORDLYS), [])).toBe(false);
    },
  );

  it("does not extend to a candidate's profile, whatever the memberships", () => {
    const ofTheFirm = { ...candidate(), organizationId: NORDLYS };
    expect(canSeeProfile(ofTheFirm, member('OWNER'), [])).toBe(false);
  });
});

describe('listing', () => {
  it('lets anyone list validated profiles, only moderators and admins the other statuses', () => {
    for (const viewer of [null, owner, recruiterOf(ACME), partnerOf(ACME), moderator]) {
      expect(canListStatus('VALIDATED', viewer)).toBe(true);
    }
    for (const status of PRIVATE_STATUSES) {
      expect(canListStatus(status, moderator)).toBe(true);
      expect(canListStatus(status, admin)).toBe(true);
      for (const viewer of [null, owner, otherCandidate, recruiterOf(ACME), partnerOf(ACME)]) {
        expect(canListStatus(status, viewer)).toBe(false);
      }
    }
  });

  it('lists everything to reviewers; to others the public kinds, their own, and what their organizations unlocked', () => {
    expect(listingScope(moderator)).toEqual({ everything: true });
    expect(listingScope(admin)).toEqual({ everything: true });
    const publicKinds = ['MENTOR', 'CONSULTANT'];
    expect(listingScope(null)).toEqual({
      everything: false,
      publicKinds,
      ownerId: null,
      unlockedByAnyOf: [],
    });
    expect(listingScope(owner)).toEqual({
      everything: false,
      publicKinds,
      ownerId: OWNER_ID,
      unlockedByAnyOf: [],
    });
    expect(listingScope(recruiterOf(ACME))).toMatchObject({ unlockedByAnyOf: [ACME] });
    expect(listingScope(partnerOf(ACME))).toEqual({
      everything: false,
      publicKinds,
      ownerId: null,
      unlockedByAnyOf: [ACME],
    });
  });

  it('counts moderators and admins as reviewers, nobody else', () => {
    expect([null, owner, recruiterOf(ACME), partnerOf(ACME), moderator, admin].map(reviewsProfiles)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
