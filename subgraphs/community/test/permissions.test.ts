import { describe, expect, it } from 'vitest';
import type { Role } from '@talentgraph/auth';
import type { CommunityMemberRole } from '../src/domain/community.ts';
import {
  decideAddMember,
  decideContribution,
  decideJoin,
  decideLeave,
  decidePostDeletion,
  decidePostEdit,
  decideRemoveMember,
  managesMembers,
  type CommunityActor,
} from '../src/domain/permissions.ts';

const actor = (membership: CommunityMemberRole | null, roles: readonly Role[] = ['CANDIDATE']) =>
  ({ roles, membership: membership === null ? null : { role: membership } }) satisfies CommunityActor;

const outsider = actor(null);
const member = actor('MEMBER');
const communityModerator = actor('MODERATOR');
const owner = actor('OWNER');
const platformModerator = actor(null, ['MODERATOR']);
const platformAdmin = actor(null, ['ADMIN']);
const partner = actor(null, ['PARTNER']);
const publicCommunity = { visibility: 'PUBLIC' } as const;
const privateCommunity = { visibility: 'PRIVATE' } as const;
const ALLOWED = { allowed: true };
const denied = (reason: string) => ({ allowed: false, reason });

describe('decideJoin', () => {
  it('lets anyone who does not belong yet join a public community', () => {
    for (const someone of [outsider, platformModerator, actor(null, ['RECRUITER'])]) {
      expect(decideJoin(publicCommunity, someone)).toEqual(ALLOWED);
    }
  });

  it('keeps a private community closed, except to the platform moderators and admins', () => {
    expect(decideJoin(privateCommunity, outsider)).toEqual(denied('PRIVATE_COMMUNITY'));
    expect(decideJoin(privateCommunity, actor(null, ['RECRUITER', 'MENTOR']))).toEqual(
      denied('PRIVATE_COMMUNITY'),
    );
    expect(decideJoin(privateCommunity, platformModerator)).toEqual(ALLOWED);
    expect(decideJoin(privateCommunity, platformAdmin)).toEqual(ALLOWED);
  });

  it.each(['MEMBER', 'MODERATOR', 'OWNER'] as const)('tells a %s they already belong', (role) => {
    expect(decideJoin(publicCommunity, actor(role))).toEqual(denied('ALREADY_MEMBER'));
    expect(decideJoin(privateCommunity, actor(role))).toEqual(denied('ALREADY_MEMBER'));
  });
});

describe('decideLeave', () => {
  it('lets members and moderators leave, not the owner, and not someone who does not belong', () => {
    expect(decideLeave(member)).toEqual(ALLOWED);
    expect(decideLeave(communityModerator)).toEqual(ALLOWED);
    expect(decideLeave(owner)).toEqual(denied('OWNER_CANNOT_LEAVE'));
    expect(decideLeave(outsider)).toEqual(denied('NOT_A_MEMBER'));
    expect(decideLeave(platformAdmin)).toEqual(denied('NOT_A_MEMBER'));
  });
});

describe('managing members', () => {
  it('is for the owner, the community moderators and the platform moderators and admins', () => {
    expect([owner, communityModerator, platformModerator, platformAdmin].map(managesMembers)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([member, outsider, partner, actor(null, ['RECRUITER'])].map(managesMembers)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  describe('decideAddMember', () => {
    it('lets everyone who manages members add a MEMBER', () => {
      for (const manager of [owner, communityModerator, platformModerator, platformAdmin]) {
        expect(decideAddMember(manager, { role: 'MEMBER', target: null })).toEqual(ALLOWED);
      }
    });

    it('lets only the owner and the platform staff add a MODERATOR', () => {
      expect(decideAddMember(owner, { role: 'MODERATOR', target: null })).toEqual(ALLOWED);
      expect(decideAddMember(platformModerator, { role: 'MODERATOR', target: null })).toEqual(ALLOWED);
      expect(decideAddMember(communityModerator, { role: 'MODERATOR', target: null })).toEqual(
        denied('ROLE_TOO_LOW'),
      );
    });

    it('never grants OWNER', () => {
      for (const manager of [owner, platformAdmin]) {
        expect(decideAddMember(manager, { role: 'OWNER', target: null })).toEqual(
          denied('ROLE_NOT_GRANTABLE'),
        );
      }
    });

    it('refuses members and outsiders before saying anything about the person to add', () => {
      for (const someone of [member, outsider, partner]) {
        expect(decideAddMember(someone, { role: 'MEMBER', target: { role: 'MEMBER' } })).toEqual(
          denied('ROLE_TOO_LOW'),
        );
        expect(decideAddMember(someone, { role: 'OWNER', target: null })).toEqual(denied('ROLE_TOO_LOW'));
      }
    });

    it('tells a manager that the person already belongs', () => {
      expect(decideAddMember(owner, { role: 'MEMBER', target: { role: 'MODERATOR' } })).toEqual(
        denied('ALREADY_MEMBER'),
      );
    });
  });

  describe('decideRemoveMember', () => {
    const removing = (role: CommunityMemberRole, self = false) => ({ self, target: { role } });

    it('lets the owner and the platform staff remove members and moderators', () => {
      for (const manager of [owner, platformModerator, platformAdmin]) {
        expect(decideRemoveMember(manager, removing('MEMBER'))).toEqual(ALLOWED);
        expect(decideRemoveMember(manager, removing('MODERATOR'))).toEqual(ALLOWED);
      }
    });

    it('lets a community moderator remove members, not other moderators', () => {
      expect(decideRemoveMember(communityModerator, removing('MEMBER'))).toEqual(ALLOWED);
      expect(decideRemoveMember(communityModerator, removing('MODERATOR'))).toEqual(denied('ROLE_TOO_LOW'));
    });

    it('lets nobody remove the owner', () => {
      for (const manager of [owner, communityModerator, platformModerator, platformAdmin]) {
        expect(decideRemoveMember(manager, removing('OWNER', manager === owner))).toEqual(
          denied('OWNER_CANNOT_BE_REMOVED'),
        );
      }
    });

    it('lets members remove nobody but themselves', () => {
      expect(decideRemoveMember(member, removing('MEMBER'))).toEqual(denied('ROLE_TOO_LOW'));
      expect(decideRemoveMember(member, removing('MEMBER', true))).toEqual(ALLOWED);
      expect(decideRemoveMember(communityModerator, removing('MODERATOR', true))).toEqual(ALLOWED);
      expect(decideRemoveMember(outsider, removing('MEMBER'))).toEqual(denied('ROLE_TOO_LOW'));
    });
  });
});

describe('posts and comments', () => {
  it('are written by members of any role and by the platform moderators and admins', () => {
    for (const writer of [member, communityModerator, owner, platformModerator, platformAdmin]) {
      expect(decideContribution(writer)).toEqual(ALLOWED);
    }
    for (const someone of [outsider, partner, actor(null, ['RECRUITER', 'MENTOR'])]) {
      expect(decideContribution(someone)).toEqual(denied('NOT_A_MEMBER'));
    }
  });

  it('are edited by their author only, while the author may still post', () => {
    expect(decidePostEdit(member, { isAuthor: true })).toEqual(ALLOWED);
    expect(decidePostEdit(platformModerator, { isAuthor: true })).toEqual(ALLOWED);
    expect(decidePostEdit(outsider, { isAuthor: true })).toEqual(denied('NOT_A_MEMBER'));
    for (const someone of [member, owner, communityModerator, platformAdmin]) {
      expect(decidePostEdit(someone, { isAuthor: false })).toEqual(denied('NOT_THE_AUTHOR'));
    }
  });

  it('are deleted by their author, even after leaving, or by a moderator of any kind', () => {
    expect(decidePostDeletion(member, { isAuthor: true })).toEqual(ALLOWED);
    expect(decidePostDeletion(outsider, { isAuthor: true })).toEqual(ALLOWED);
    for (const moderator of [owner, communityModerator, platformModerator, platformAdmin]) {
      expect(decidePostDeletion(moderator, { isAuthor: false })).toEqual(ALLOWED);
    }
    for (const someone of [member, outsider, partner]) {
      expect(decidePostDeletion(someone, { isAuthor: false })).toEqual(denied('NOT_THE_AUTHOR'));
    }
  });
});
