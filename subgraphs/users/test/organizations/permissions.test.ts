import { describe, expect, it } from 'vitest';
import type { MembershipRole } from '../../src/domain/organization.ts';
import {
  ORGANIZATION_ACTIONS,
  decideInvitation,
  decideLeave,
  decideOrganizationAction,
  decideRemoval,
  decideRoleChange,
  mayChangePlan,
  mayCreateOrganization,
  type Decision,
  type OrganizationAction,
  type OrganizationActor,
} from '../../src/organizations/permissions.ts';

const ROLES: readonly MembershipRole[] = ['OWNER', 'ADMIN', 'RECRUITER'];
const member = (role: MembershipRole): OrganizationActor => ({ kind: 'MEMBER', role });
const ACTORS: Record<string, OrganizationActor> = {
  OUTSIDER: { kind: 'OUTSIDER' },
  PARTNER: { kind: 'PARTNER' },
  PLATFORM_ADMIN: { kind: 'PLATFORM_ADMIN' },
  OWNER: member('OWNER'),
  ADMIN: member('ADMIN'),
  RECRUITER: member('RECRUITER'),
};

/** 'allow' or the denial reason, to compare decisions with the tables below. */
const verdict = (decision: Decision) => (decision.allowed ? 'allow' : decision.reason);

describe('actions on the organization', () => {
  const Y = 'allow';
  const N = 'NOT_A_MEMBER';
  const L = 'ROLE_TOO_LOW';
  // Columns follow ORGANIZATION_ACTIONS.
  const expected: Record<string, readonly string[]> = {
    //          members plan+quotas consume update invitations invite apiKeys
    OUTSIDER: [N, N, N, N, N, N, N],
    PARTNER: [N, Y, Y, N, N, N, N],
    PLATFORM_ADMIN: [N, Y, N, N, N, N, N],
    OWNER: [Y, Y, Y, Y, Y, Y, Y],
    ADMIN: [Y, Y, Y, Y, Y, Y, Y],
    RECRUITER: [Y, Y, Y, L, L, L, L],
  };

  it('lists the actions in the order of the table', () => {
    expect(ORGANIZATION_ACTIONS).toEqual([
      'VIEW_MEMBERS',
      'VIEW_PLAN_AND_QUOTAS',
      'CONSUME_QUOTA',
      'UPDATE_ORGANIZATION',
      'VIEW_INVITATIONS',
      'INVITE_MEMBERS',
      'MANAGE_API_KEYS',
    ]);
  });

  for (const [name, actor] of Object.entries(ACTORS)) {
    it(`${name}: ${expected[name]!.join(' ')}`, () => {
      const decided = ORGANIZATION_ACTIONS.map((action: OrganizationAction) =>
        verdict(decideOrganizationAction(actor, action)),
      );
      expect(decided).toEqual(expected[name]);
    });
  }
});

describe('invitations', () => {
  // Invited as OWNER, ADMIN, RECRUITER.
  const expected: Record<string, readonly string[]> = {
    OUTSIDER: ['NOT_A_MEMBER', 'NOT_A_MEMBER', 'NOT_A_MEMBER'],
    PARTNER: ['NOT_A_MEMBER', 'NOT_A_MEMBER', 'NOT_A_MEMBER'],
    PLATFORM_ADMIN: ['NOT_A_MEMBER', 'NOT_A_MEMBER', 'NOT_A_MEMBER'],
    OWNER: ['ROLE_NOT_INVITABLE', 'allow', 'allow'],
    ADMIN: ['ROLE_NOT_INVITABLE', 'ROLE_TOO_LOW', 'allow'],
    RECRUITER: ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'ROLE_TOO_LOW'],
  };
  for (const [name, actor] of Object.entries(ACTORS)) {
    it(`${name} inviting an OWNER, an ADMIN, a RECRUITER: ${expected[name]!.join(' ')}`, () => {
      expect(ROLES.map((role) => verdict(decideInvitation(actor, role)))).toEqual(expected[name]);
    });
  }
});

/**
 * Every consistent situation of an actor and a target: the target is the actor (self) or another
 * member, and the organization has 0 to 2 OWNERs besides them (but always at least one in total).
 */
function situations(): {
  actor: MembershipRole;
  target: MembershipRole;
  self: boolean;
  ownerCount: number;
}[] {
  const all = [];
  for (const actor of ROLES) {
    for (const self of [true, false]) {
      for (const target of self ? [actor] : ROLES) {
        const ownersAmongThem = self
          ? Number(actor === 'OWNER')
          : Number(actor === 'OWNER') + Number(target === 'OWNER');
        for (const others of [0, 1, 2]) {
          const ownerCount = ownersAmongThem + others;
          if (ownerCount >= 1) all.push({ actor, target, self, ownerCount });
        }
      }
    }
  }
  return all;
}

describe('role changes', () => {
  /** Who may give whom which role (new role OWNER, ADMIN, RECRUITER), before the last-owner rule. */
  const table: Record<string, readonly string[]> = {
    'OWNER→OWNER': ['allow', 'allow', 'allow'],
    'OWNER→ADMIN': ['allow', 'allow', 'allow'],
    'OWNER→RECRUITER': ['allow', 'allow', 'allow'],
    'ADMIN→OWNER': ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'ROLE_TOO_LOW'],
    'ADMIN→ADMIN': ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'ROLE_TOO_LOW'],
    'ADMIN→RECRUITER': ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'allow'],
    'RECRUITER→OWNER': ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'ROLE_TOO_LOW'],
    'RECRUITER→ADMIN': ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'ROLE_TOO_LOW'],
    'RECRUITER→RECRUITER': ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'ROLE_TOO_LOW'],
    'OWNER→self': ['allow', 'allow', 'allow'],
    'ADMIN→self': ['ROLE_TOO_LOW', 'allow', 'allow'],
    'RECRUITER→self': ['ROLE_TOO_LOW', 'ROLE_TOO_LOW', 'allow'],
  };

  it.each(situations())('$actor acting on $target (self: $self, owners: $ownerCount)', (situation) => {
    const row = table[`${situation.actor}→${situation.self ? 'self' : situation.target}`]!;
    ROLES.forEach((newRole, index) => {
      const demotesLastOwner =
        situation.target === 'OWNER' && newRole !== 'OWNER' && situation.ownerCount === 1;
      const expected = row[index] === 'allow' && demotesLastOwner ? 'LAST_OWNER' : row[index];
      expect(
        verdict(
          decideRoleChange(member(situation.actor), { ...situation, targetRole: situation.target, newRole }),
        ),
        `to ${newRole}`,
      ).toBe(expected);
    });
  });

  it('refuses every change to outsiders, partner keys and platform administrators', () => {
    for (const actor of [ACTORS['OUTSIDER']!, ACTORS['PARTNER']!, ACTORS['PLATFORM_ADMIN']!]) {
      for (const { target, self, ownerCount } of situations()) {
        for (const newRole of ROLES) {
          expect(verdict(decideRoleChange(actor, { self, targetRole: target, newRole, ownerCount }))).toBe(
            'NOT_A_MEMBER',
          );
        }
      }
    }
  });

  it('never lets anyone reach a role above their own, nor leave the organization without an OWNER', () => {
    const rank = { OWNER: 3, ADMIN: 2, RECRUITER: 1 };
    for (const situation of situations()) {
      for (const newRole of ROLES) {
        const decision = decideRoleChange(member(situation.actor), {
          ...situation,
          targetRole: situation.target,
          newRole,
        });
        if (!decision.allowed) continue;
        expect(rank[newRole]).toBeLessThanOrEqual(rank[situation.actor]);
        const ownersAfter =
          situation.ownerCount - Number(situation.target === 'OWNER') + Number(newRole === 'OWNER');
        expect(ownersAfter).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('removals', () => {
  const table: Record<string, string> = {
    'OWNER→OWNER': 'allow',
    'OWNER→ADMIN': 'allow',
    'OWNER→RECRUITER': 'allow',
    'ADMIN→OWNER': 'ROLE_TOO_LOW',
    'ADMIN→ADMIN': 'ROLE_TOO_LOW',
    'ADMIN→RECRUITER': 'allow',
    'RECRUITER→OWNER': 'ROLE_TOO_LOW',
    'RECRUITER→ADMIN': 'ROLE_TOO_LOW',
    'RECRUITER→RECRUITER': 'ROLE_TOO_LOW',
    'OWNER→self': 'allow',
    'ADMIN→self': 'allow',
    'RECRUITER→self': 'allow',
  };

  it.each(situations())('$actor removing $target (self: $self, owners: $ownerCount)', (situation) => {
    const allowed = table[`${situation.actor}→${situation.self ? 'self' : situation.target}`]!;
    const removesLastOwner = situation.target === 'OWNER' && situation.ownerCount === 1;
    expect(
      verdict(decideRemoval(member(situation.actor), { ...situation, targetRole: situation.target })),
    ).toBe(allowed === 'allow' && removesLastOwner ? 'LAST_OWNER' : allowed);
  });

  it('refuses outsiders, partner keys and platform administrators', () => {
    for (const actor of [ACTORS['OUTSIDER']!, ACTORS['PARTNER']!, ACTORS['PLATFORM_ADMIN']!]) {
      expect(verdict(decideRemoval(actor, { self: false, targetRole: 'RECRUITER', ownerCount: 1 }))).toBe(
        'NOT_A_MEMBER',
      );
    }
  });
});

describe('leaving', () => {
  it.each([
    ['the only OWNER', member('OWNER'), 1, 'LAST_OWNER'],
    ['an OWNER with a co-owner', member('OWNER'), 2, 'allow'],
    ['an ADMIN', member('ADMIN'), 1, 'allow'],
    ['a RECRUITER', member('RECRUITER'), 1, 'allow'],
    ['an outsider', ACTORS['OUTSIDER']!, 1, 'NOT_A_MEMBER'],
    ['a partner key', ACTORS['PARTNER']!, 1, 'NOT_A_MEMBER'],
    ['a platform administrator', ACTORS['PLATFORM_ADMIN']!, 1, 'NOT_A_MEMBER'],
  ] as const)('%s: %s', (_who, actor, ownerCount, expected) => {
    expect(verdict(decideLeave(actor, ownerCount))).toBe(expected);
  });
});

describe('platform rules', () => {
  it('lets recruiters create organizations, nobody else', () => {
    expect(mayCreateOrganization(['RECRUITER'])).toBe(true);
    expect(mayCreateOrganization(['CANDIDATE', 'RECRUITER'])).toBe(true);
    for (const role of ['CANDIDATE', 'MENTOR', 'MODERATOR', 'ADMIN', 'PARTNER']) {
      expect(mayCreateOrganization([role])).toBe(false);
    }
  });

  it('lets platform administrators change plans, nobody else', () => {
    expect(mayChangePlan(['ADMIN'])).toBe(true);
    for (const role of ['CANDIDATE', 'RECRUITER', 'MENTOR', 'MODERATOR', 'PARTNER']) {
      expect(mayChangePlan([role])).toBe(false);
    }
  });
});
