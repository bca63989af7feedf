import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { canEditProfile, canReviewProfile, creationRefusal } from '../../src/domain/access.ts';
import { seesDocuments, seesPrivateDetails, seesSalaryExpectation } from '../../src/domain/privacy.ts';

const OWNER = '00000000-0000-4000-8000-00000000000a';
const FIRM = '00000000-0000-4000-8001-0000000000aa';
const OTHER_FIRM = '00000000-0000-4000-8001-0000000000bb';
const owner = testUser(OWNER);
const stranger = testUser('00000000-0000-4000-8000-00000000000b');
const firm = (role: 'OWNER' | 'ADMIN' | 'RECRUITER', organizationId = FIRM) =>
  testUser('00000000-0000-4000-8000-00000000000c', {
    roles: ['RECRUITER'],
    memberships: [{ organizationId, role }],
  });
const moderator = testUser('00000000-0000-4000-8000-00000000000d', { roles: ['MODERATOR'] });
const partner: Viewer = { kind: 'PARTNER', apiKeyId: 'k', organizationId: FIRM, roles: ['PARTNER'] };
const candidate = { userId: OWNER, kind: 'CANDIDATE' as const, organizationId: null };
const consultant = { userId: OWNER, kind: 'CONSULTANT' as const, organizationId: FIRM };

describe('who edits a profile', () => {
  it('is its owner, and for a consultant the owners and admins of their firm', () => {
    expect(canEditProfile(owner, candidate)).toBe(true);
    expect(canEditProfile(owner, consultant)).toBe(true);
    expect(canEditProfile(firm('OWNER'), consultant)).toBe(true);
    expect(canEditProfile(firm('ADMIN'), consultant)).toBe(true);
  });

  it('is nobody else: a stranger, a recruiter of the firm, another firm, a moderator, a partner key', () => {
    for (const viewer of [stranger, firm('RECRUITER'), firm('OWNER', OTHER_FIRM), moderator, partner, null]) {
      expect(canEditProfile(viewer, consultant)).toBe(false);
    }
    expect(canEditProfile(firm('OWNER'), candidate)).toBe(false);
  });

  it('lets moderators review, never their own profile', () => {
    expect(canReviewProfile(moderator, candidate)).toBe(true);
    expect(canReviewProfile(moderator, { userId: (moderator as { userId: string }).userId })).toBe(false);
    expect(canReviewProfile(owner, candidate)).toBe(false);
  });

  it('shows private details to editors and moderators, the salary to recruiters too', () => {
    expect(
      [owner, firm('ADMIN'), moderator, firm('RECRUITER'), partner, stranger, null].map((viewer) =>
        seesPrivateDetails(viewer, consultant),
      ),
    ).toEqual([true, true, true, false, false, false, false]);
    expect(
      [firm('RECRUITER'), partner, stranger, null].map((viewer) => seesSalaryExpectation(viewer, candidate)),
    ).toEqual([true, true, false, false]);
  });

  it('shows CV documents to editors, moderators, and recruiters who read the candidate through an unlock', () => {
    expect(seesDocuments(owner, candidate, 'OWNER')).toBe(true);
    expect(seesDocuments(moderator, candidate, 'REVIEWER')).toBe(true);
    expect(seesDocuments(firm('ADMIN'), consultant, 'FIRM')).toBe(true);
    expect(seesDocuments(firm('RECRUITER'), candidate, 'UNLOCKED')).toBe(true);
    // A partner key reads the unlocked profile but no documents: a download link names a person.
    expect(seesDocuments(partner, candidate, 'UNLOCKED')).toBe(false);
    // A public mentor or consultant profile does not publish its CVs.
    expect(seesDocuments(stranger, consultant, 'PUBLIC')).toBe(false);
    expect(seesDocuments(firm('RECRUITER'), consultant, 'PUBLIC')).toBe(false);
    expect(seesDocuments(null, candidate, null)).toBe(false);
  });
});

describe('who creates which profile', () => {
  const person = owner as Extract<Viewer, { kind: 'USER' }>;
  const codeOf = (viewer: Viewer, request: Parameters<typeof creationRefusal>[1]) =>
    creationRefusal(viewer as Extract<Viewer, { kind: 'USER' }>, request)?.code ?? null;

  it('lets anyone create their own candidate profile', () => {
    expect(codeOf(person, { kind: 'CANDIDATE', organizationId: null, userId: OWNER })).toBeNull();
  });

  it('needs the MENTOR role for a mentor profile', () => {
    expect(codeOf(person, { kind: 'MENTOR', organizationId: null, userId: OWNER })).toBe(
      'MENTOR_ROLE_REQUIRED',
    );
    const mentor = testUser(OWNER, { roles: ['MENTOR'] });
    expect(codeOf(mentor, { kind: 'MENTOR', organizationId: null, userId: OWNER })).toBeNull();
  });

  it('needs a firm for a consultant, and a membership in it', () => {
    expect(codeOf(person, { kind: 'CONSULTANT', organizationId: null, userId: OWNER })).toBe(
      'ORGANIZATION_REQUIRED',
    );
    expect(codeOf(person, { kind: 'CONSULTANT', organizationId: FIRM, userId: OWNER })).toBe('NOT_A_MEMBER');
    const member = testUser(OWNER, { memberships: [{ organizationId: FIRM, role: 'RECRUITER' }] });
    expect(codeOf(member, { kind: 'CONSULTANT', organizationId: FIRM, userId: OWNER })).toBeNull();
  });

  it("lets a firm's owners and admins create their consultants' profiles, nothing else for others", () => {
    const admin = firm('ADMIN');
    expect(codeOf(admin, { kind: 'CONSULTANT', organizationId: FIRM, userId: OWNER })).toBeNull();
    expect(codeOf(firm('RECRUITER'), { kind: 'CONSULTANT', organizationId: FIRM, userId: OWNER })).toBe(
      'NOT_A_MEMBER',
    );
    expect(codeOf(admin, { kind: 'CONSULTANT', organizationId: OTHER_FIRM, userId: OWNER })).toBe(
      'NOT_A_MEMBER',
    );
    expect(codeOf(admin, { kind: 'CANDIDATE', organizationId: null, userId: OWNER })).toBe(
      'NOT_YOUR_PROFILE',
    );
  });

  it('refuses an organization on a profile that is no consultant’s', () => {
    expect(codeOf(person, { kind: 'CANDIDATE', organizationId: FIRM, userId: OWNER })).toBe(
      'ORGANIZATION_NOT_ALLOWED',
    );
  });
});
