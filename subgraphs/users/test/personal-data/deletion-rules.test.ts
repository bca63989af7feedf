import { describe, expect, it } from 'vitest';
import {
  RECENT_SIGN_IN_MINUTES,
  isRecentSignIn,
  organizationFates,
  reauthenticationOf,
  type OrganizationStanding,
} from '../../src/personal-data/deletion-rules.ts';

describe('reauthenticationOf', () => {
  it('asks for the password of an account that has one, and a code when two-factor is on', () => {
    expect(reauthenticationOf({ hasPassword: true, twoFactorEnabled: false })).toEqual({
      kind: 'PASSWORD',
      secondFactor: false,
    });
    expect(reauthenticationOf({ hasPassword: true, twoFactorEnabled: true })).toEqual({
      kind: 'PASSWORD',
      secondFactor: true,
    });
  });

  it('asks an account that signs in only through a provider for a recent sign-in there', () => {
    expect(reauthenticationOf({ hasPassword: false, twoFactorEnabled: false })).toEqual({
      kind: 'RECENT_SIGN_IN',
      secondFactor: false,
    });
    expect(reauthenticationOf({ hasPassword: false, twoFactorEnabled: true })).toEqual({
      kind: 'RECENT_SIGN_IN',
      secondFactor: true,
    });
  });
});

describe('isRecentSignIn', () => {
  const now = new Date('2026-11-23T10:00:00.000Z');
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it(`accepts a session opened up to ${RECENT_SIGN_IN_MINUTES} minutes ago, not a second more`, () => {
    expect(isRecentSignIn(now, now)).toBe(true);
    expect(isRecentSignIn(minutesAgo(RECENT_SIGN_IN_MINUTES), now)).toBe(true);
    expect(isRecentSignIn(new Date(minutesAgo(RECENT_SIGN_IN_MINUTES).getTime() - 1_000), now)).toBe(false);
    expect(isRecentSignIn(minutesAgo(60 * 24 * 20), now)).toBe(false);
  });

  it('refuses a session dated in the future (a clock that cannot be trusted)', () => {
    expect(isRecentSignIn(new Date(now.getTime() + 60_000), now)).toBe(false);
  });
});

describe('organizationFates', () => {
  const standing = (overrides: Partial<OrganizationStanding>): OrganizationStanding => ({
    organizationId: 'org',
    organizationName: 'Acme Robotics',
    role: 'RECRUITER',
    ownerCount: 1,
    memberCount: 3,
    ...overrides,
  });

  it('lets the person leave where someone else owns the organization', () => {
    expect(
      organizationFates([
        standing({ organizationId: 'a', role: 'RECRUITER' }),
        standing({ organizationId: 'b', role: 'ADMIN' }),
        standing({ organizationId: 'c', role: 'OWNER', ownerCount: 2 }),
      ]),
    ).toEqual({ left: ['a', 'b', 'c'], deleted: [], blocking: [] });
  });

  it('deletes an organization whose only member is the person, whatever their role', () => {
    expect(
      organizationFates([standing({ organizationId: 'solo', role: 'OWNER', ownerCount: 1, memberCount: 1 })]),
    ).toEqual({ left: [], deleted: ['solo'], blocking: [] });
  });

  it('blocks on each organization the person is the only owner of while others belong to it', () => {
    expect(
      organizationFates([
        standing({ organizationId: 'a', organizationName: 'Acme', role: 'OWNER', ownerCount: 1 }),
        standing({ organizationId: 'b', role: 'RECRUITER' }),
        standing({
          organizationId: 'c',
          organizationName: 'Coop',
          role: 'OWNER',
          ownerCount: 1,
          memberCount: 2,
        }),
      ]),
    ).toEqual({
      left: ['b'],
      deleted: [],
      blocking: [
        { organizationId: 'a', organizationName: 'Acme' },
        { organizationId: 'c', organizationName: 'Coop' },
      ],
    });
  });

  it('has nothing to decide for a person without organization', () => {
    expect(organizationFates([])).toEqual({ left: [], deleted: [], blocking: [] });
  });
});
