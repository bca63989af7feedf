import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import {
  PUBLIC_STATUSES,
  canReadDraftsOf,
  canSee,
  effectiveStatus,
  isInCatalogue,
  isPublicStatus,
  isPubliclyVisible,
  type OfferVisibilityFacts,
} from '../src/domain/visibility.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const offer = (status: OfferVisibilityFacts['status'], expiresAt: Date | null = null) => ({
  status,
  expiresAt,
});

describe('effective status', () => {
  it('reads a published offer past its expiry date as EXPIRED', () => {
    expect(effectiveStatus(offer('PUBLISHED', at(-1)), now)).toBe('EXPIRED');
    expect(effectiveStatus(offer('PUBLISHED', at(-86_400_000)), now)).toBe('EXPIRED');
  });

  it('expires an offer at the very instant of its expiry date', () => {
    expect(effectiveStatus(offer('PUBLISHED', now), now)).toBe('EXPIRED');
  });

  it('keeps a published offer published until then, or for ever without an expiry date', () => {
    expect(effectiveStatus(offer('PUBLISHED', at(1)), now)).toBe('PUBLISHED');
    expect(effectiveStatus(offer('PUBLISHED', null), now)).toBe('PUBLISHED');
    expect(effectiveStatus({ status: 'PUBLISHED' }, now)).toBe('PUBLISHED');
  });

  it('leaves every other status as stored, whatever the expiry date', () => {
    for (const status of ['DRAFT', 'CLOSED', 'EXPIRED'] as const) {
      expect(effectiveStatus(offer(status, at(-1)), now)).toBe(status);
      expect(effectiveStatus(offer(status, at(1)), now)).toBe(status);
    }
  });
});

describe('public visibility', () => {
  it('hides drafts only', () => {
    expect(PUBLIC_STATUSES).toEqual(['PUBLISHED', 'CLOSED', 'EXPIRED']);
    expect(isPublicStatus('DRAFT')).toBe(false);
    expect(isPubliclyVisible(offer('DRAFT'), now)).toBe(false);
    expect(isPubliclyVisible(offer('DRAFT', at(1)), now)).toBe(false);
    expect(isPubliclyVisible(offer('CLOSED'), now)).toBe(true);
    expect(isPubliclyVisible(offer('EXPIRED', at(-1)), now)).toBe(true);
    expect(isPubliclyVisible(offer('PUBLISHED', at(-1)), now)).toBe(true);
  });
});

describe('public catalogue', () => {
  it('lists published offers that have not expired at the given instant', () => {
    expect(isInCatalogue(offer('PUBLISHED', null), now)).toBe(true);
    expect(isInCatalogue(offer('PUBLISHED', at(1)), now)).toBe(true);
    expect(isInCatalogue(offer('PUBLISHED', now), now)).toBe(false);
    expect(isInCatalogue(offer('PUBLISHED', at(-1)), now)).toBe(false);
  });

  it('judges expiry against the instant it is given, not the clock', () => {
    const expiresAt = new Date('2027-01-31T23:59:59.000Z');
    expect(isInCatalogue(offer('PUBLISHED', expiresAt), new Date('2027-01-31T23:59:58.999Z'))).toBe(true);
    expect(isInCatalogue(offer('PUBLISHED', expiresAt), new Date('2027-02-01T00:00:00.000Z'))).toBe(false);
  });

  it('never lists drafts, closed or expired offers', () => {
    for (const status of ['DRAFT', 'CLOSED', 'EXPIRED'] as const) {
      expect(isInCatalogue(offer(status, null), now)).toBe(false);
      expect(isInCatalogue(offer(status, at(1)), now)).toBe(false);
    }
  });
});

describe('drafts of an organization', () => {
  const ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000aa';
  const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000bb';
  const memberAs = (role: 'OWNER' | 'ADMIN' | 'RECRUITER', organizationId = ORGANIZATION_ID) =>
    testUser('00000000-0000-4000-8000-00000000000a', {
      roles: ['RECRUITER'],
      memberships: [{ organizationId, role }],
    });
  const partnerOf = (organizationId: string): Viewer => ({
    kind: 'PARTNER',
    apiKeyId: '00000000-0000-4000-8000-00000000000f',
    organizationId,
    roles: ['PARTNER'],
  });
  const draftOf = (organizationId: string) => ({ status: 'DRAFT' as const, expiresAt: null, organizationId });

  it.each(['OWNER', 'ADMIN', 'RECRUITER'] as const)('are read by a member in the role %s', (role) => {
    expect(canReadDraftsOf(ORGANIZATION_ID, memberAs(role))).toBe(true);
    expect(canSee(draftOf(ORGANIZATION_ID), memberAs(role), now)).toBe(true);
  });

  it('are read by a partner key of the organization, which acts for it', () => {
    expect(canReadDraftsOf(ORGANIZATION_ID, partnerOf(ORGANIZATION_ID))).toBe(true);
    expect(canSee(draftOf(ORGANIZATION_ID), partnerOf(ORGANIZATION_ID), now)).toBe(true);
  });

  it('are read by platform admins', () => {
    const admin = testUser('00000000-0000-4000-8000-00000000000e', { roles: ['ADMIN'] });
    expect(canSee(draftOf(ORGANIZATION_ID), admin, now)).toBe(true);
  });

  it.each([
    ['an anonymous caller', null],
    ['a member of another organization', memberAs('OWNER', OTHER_ORGANIZATION_ID)],
    ['a partner key of another organization', partnerOf(OTHER_ORGANIZATION_ID)],
    ['a candidate', testUser('00000000-0000-4000-8000-00000000000b')],
    ['a moderator', testUser('00000000-0000-4000-8000-00000000000c', { roles: ['MODERATOR'] })],
    [
      'a recruiter whose token names the role but no membership',
      testUser('00000000-0000-4000-8000-00000000000d', { roles: ['RECRUITER'] }),
    ],
  ] as const)('are hidden from %s', (_who, viewer) => {
    expect(canReadDraftsOf(ORGANIZATION_ID, viewer)).toBe(false);
    expect(canSee(draftOf(ORGANIZATION_ID), viewer, now)).toBe(false);
  });

  it('leave the public statuses readable by everyone', () => {
    for (const status of PUBLIC_STATUSES) {
      const published = { status, expiresAt: null, organizationId: ORGANIZATION_ID };
      expect(canSee(published, null, now)).toBe(true);
      expect(canSee(published, partnerOf(OTHER_ORGANIZATION_ID), now)).toBe(true);
    }
  });
});
