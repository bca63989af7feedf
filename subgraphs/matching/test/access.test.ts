import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { seesMatch, seesOfferMatches, seesProfileMatches } from '../src/domain/access.ts';

const ACME = '00000000-0000-4000-8001-0000000000aa';
const NORDLYS = '00000000-0000-4000-8001-0000000000bb';
const CANDIDATE = '00000000-0000-4000-8000-00000000000a';

const member = (organizationId: string, role: 'OWNER' | 'ADMIN' | 'RECRUITER') =>
  testUser('00000000-0000-4000-8000-00000000000b', {
    roles: ['RECRUITER'],
    memberships: [{ organizationId, role }],
  });
const partnerOf = (organizationId: string): Viewer => ({
  kind: 'PARTNER',
  apiKeyId: CANDIDATE,
  organizationId,
  roles: ['PARTNER'],
});
const moderator = testUser('00000000-0000-4000-8000-00000000000c', { roles: ['MODERATOR'] });
const admin = testUser('00000000-0000-4000-8000-00000000000d', { roles: ['ADMIN'] });
const candidate = testUser(CANDIDATE);
const stranger = testUser('00000000-0000-4000-8000-00000000000e');
const acmeOffer = { organizationId: ACME };
const profile = { userId: CANDIDATE };

describe("an offer's candidates", () => {
  it("are seen by the organization's members, whatever their role, its partner keys, moderators and admins", () => {
    for (const viewer of [
      member(ACME, 'OWNER'),
      member(ACME, 'ADMIN'),
      member(ACME, 'RECRUITER'),
      partnerOf(ACME),
      moderator,
      admin,
    ]) {
      expect(seesOfferMatches(viewer, acmeOffer)).toBe(true);
    }
  });

  it('are not seen by anyone else: anonymous callers, candidates, other organizations and their keys', () => {
    for (const viewer of [null, candidate, stranger, member(NORDLYS, 'OWNER'), partnerOf(NORDLYS)]) {
      expect(seesOfferMatches(viewer, acmeOffer)).toBe(false);
    }
  });
});

describe("a profile's offers", () => {
  it('are seen by the person, moderators and admins only', () => {
    expect([candidate, moderator, admin].map((viewer) => seesProfileMatches(viewer, profile))).toEqual([
      true,
      true,
      true,
    ]);
    for (const viewer of [null, stranger, member(ACME, 'OWNER'), partnerOf(ACME)]) {
      expect(seesProfileMatches(viewer, profile)).toBe(false);
    }
  });

  it('are not seen by a partner key whose id happens to be the person id', () => {
    expect(seesProfileMatches(partnerOf(NORDLYS), profile)).toBe(false);
  });
});

describe('one match', () => {
  it('is seen through either side', () => {
    const sides = { offer: acmeOffer, profile };
    expect(seesMatch(candidate, sides)).toBe(true);
    expect(seesMatch(member(ACME, 'RECRUITER'), sides)).toBe(true);
    expect(seesMatch(member(NORDLYS, 'RECRUITER'), sides)).toBe(false);
    expect(seesMatch(null, sides)).toBe(false);
  });
});
