import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import type { Viewer } from '@talentgraph/auth';
import { communities, organizations } from '@talentgraph/demo-data';
import {
  UNKNOWN_ID,
  errorCodes,
  everything,
  idOf,
  newCommunity,
  newPerson,
  newPost,
  request,
  rows,
  startCommunityWorld,
  type UserErrorOf,
} from './support/world.ts';

const world = startForTests(startCommunityWorld);

const JOIN = `mutation ($input: JoinCommunityInput!) {
  joinCommunity(input: $input) {
    membership { role joinedAt user { id } community { id memberCount viewerMembership { role } } }
    errors { code message field }
  }
}`;
const LEAVE = `mutation ($input: LeaveCommunityInput!) {
  leaveCommunity(input: $input) { community { id memberCount viewerMembership { role } } errors { code message field } }
}`;
const ADD = `mutation ($input: AddCommunityMemberInput!) {
  addCommunityMember(input: $input) {
    membership { role user { id } community { id memberCount } }
    errors { code message field }
  }
}`;
const REMOVE = `mutation ($input: RemoveCommunityMemberInput!) {
  removeCommunityMember(input: $input) { community { id memberCount } errors { code message field } }
}`;

type Membership = {
  role: string;
  joinedAt?: string;
  user: { id: string };
  community: { id: string; memberCount: number; viewerMembership?: { role: string } | null };
};
type JoinPayload = { joinCommunity: { membership: Membership | null; errors: UserErrorOf[] } };
type LeavePayload = {
  leaveCommunity: {
    community: { id: string; memberCount: number; viewerMembership: { role: string } | null } | null;
    errors: UserErrorOf[];
  };
};
type AddPayload = { addCommunityMember: { membership: Membership | null; errors: UserErrorOf[] } };
type RemovePayload = {
  removeCommunityMember: { community: { id: string; memberCount: number } | null; errors: UserErrorOf[] };
};

const platformModerator = () => newPerson(['MODERATOR']);
const platformAdmin = () => newPerson(['ADMIN']);
const partner: Viewer = {
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId: organizations[0]!.id,
  roles: ['PARTNER'],
};

const membershipsOf = (communityId: string) =>
  rows<{ user_id: string; role: string }>(
    world,
    'select user_id, role from community_members where community_id = $1 order by user_id',
    [communityId],
  );
const roleIn = async (communityId: string, viewer: Viewer) =>
  (
    await rows<{ role: string }>(
      world,
      'select role from community_members where community_id = $1 and user_id = $2',
      [communityId, idOf(viewer)],
    )
  )[0]?.role ?? null;

/** Runs a mutation that must be refused, and checks that not a single row of any table changed. */
async function refusedWithoutWriting<Data>(viewer: Viewer | null, mutation: string, input: object) {
  const before = await everything(world);
  const response = await request<Data>(world, viewer, mutation, { input });
  expect(await everything(world)).toEqual(before);
  return response;
}

const readsPost = async (viewer: Viewer, postId: string) =>
  (
    await request<{ post: { id: string } | null }>(
      world,
      viewer,
      'query ($id: ID!) { post(id: $id) { id } }',
      {
        id: postId,
      },
    )
  ).data!.post !== null;

describe('joinCommunity', () => {
  it('makes a signed-in person a MEMBER of a public community at once', async () => {
    const community = await newCommunity(world, 'PUBLIC');
    const person = newPerson();
    const before = Date.now();
    const response = await request<JoinPayload>(world, person, JOIN, {
      input: { communityId: community.id },
    });
    expect(response.errors).toBeUndefined();
    const { membership, errors } = response.data!.joinCommunity;
    expect(errors).toEqual([]);
    expect(membership).toMatchObject({
      role: 'MEMBER',
      user: { id: idOf(person) },
      community: { id: community.id, memberCount: 2, viewerMembership: { role: 'MEMBER' } },
    });
    expect(Date.parse(membership!.joinedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(await roleIn(community.id, person)).toBe('MEMBER');
  });

  it('lets a platform moderator join a private community', async () => {
    const community = await newCommunity(world, 'PRIVATE');
    const moderator = platformModerator();
    const response = await request<JoinPayload>(world, moderator, JOIN, {
      input: { communityId: community.id },
    });
    expect(response.data!.joinCommunity.membership?.role).toBe('MEMBER');
    expect(await roleIn(community.id, moderator)).toBe('MEMBER');
  });

  it('refuses a private community with FORBIDDEN, writing nothing', async () => {
    const community = await newCommunity(world, 'PRIVATE');
    const response = await refusedWithoutWriting<JoinPayload>(newPerson(['RECRUITER']), JOIN, {
      communityId: community.id,
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0]!.message).toBe(
      'This community is private: one of its moderators adds its members.',
    );
    expect(response.data).toBeNull();
  });

  it('tells a member that they already belong, writing nothing', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[member, 'MODERATOR']]);
    const response = await refusedWithoutWriting<JoinPayload>(member, JOIN, { communityId: community.id });
    expect(response.data!.joinCommunity).toEqual({
      membership: null,
      errors: [
        {
          code: 'ALREADY_MEMBER',
          message: 'You already belong to this community.',
          field: ['input', 'communityId'],
        },
      ],
    });
    expect(await roleIn(community.id, member)).toBe('MODERATOR');
  });

  it('makes one membership of two joins at the same moment', async () => {
    const community = await newCommunity(world, 'PUBLIC');
    const person = newPerson();
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        request<JoinPayload>(world, person, JOIN, { input: { communityId: community.id } }),
      ),
    );
    const codes = responses.map((response) => response.data!.joinCommunity.errors.map((error) => error.code));
    expect(codes.filter((found) => found.length === 0)).toHaveLength(1);
    expect(codes.filter((found) => found[0] === 'ALREADY_MEMBER')).toHaveLength(3);
    expect(await membershipsOf(community.id)).toHaveLength(2);
  });

  it('answers COMMUNITY_NOT_FOUND for an unknown community, writing nothing', async () => {
    const response = await refusedWithoutWriting<JoinPayload>(newPerson(), JOIN, { communityId: UNKNOWN_ID });
    expect(response.data!.joinCommunity).toEqual({
      membership: null,
      errors: [
        {
          code: 'COMMUNITY_NOT_FOUND',
          message: 'No community has this id.',
          field: ['input', 'communityId'],
        },
      ],
    });
  });

  it.each([
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ['a partner key', partner, 'FORBIDDEN'],
  ])('refuses %s, writing nothing', async (_who, viewer, code) => {
    const response = await refusedWithoutWriting<JoinPayload>(viewer, JOIN, {
      communityId: communities[0]!.id,
    });
    expect(errorCodes(response)).toEqual([code]);
  });

  it('refuses a malformed id with BAD_USER_INPUT', async () => {
    const response = await refusedWithoutWriting<JoinPayload>(newPerson(), JOIN, {
      communityId: 'typescript-france',
    });
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'communityId',
    });
  });
});

describe('several membership mutations in one operation', () => {
  it('each payload shows the community as that mutation left it', async () => {
    const community = await newCommunity(world, 'PUBLIC');
    const response = await request<{
      joined: {
        membership: { community: { memberCount: number; viewerMembership: { role: string } | null } };
      };
      left: { community: { memberCount: number; viewerMembership: { role: string } | null } };
    }>(
      world,
      newPerson(),
      `mutation ($input: JoinCommunityInput!, $leave: LeaveCommunityInput!) {
        joined: joinCommunity(input: $input) { membership { community { memberCount viewerMembership { role } } } }
        left: leaveCommunity(input: $leave) { community { memberCount viewerMembership { role } } }
      }`,
      { input: { communityId: community.id }, leave: { communityId: community.id } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      joined: { membership: { community: { memberCount: 2, viewerMembership: { role: 'MEMBER' } } } },
      left: { community: { memberCount: 1, viewerMembership: null } },
    });
  });
});

describe('leaveCommunity', () => {
  it('removes the membership, and a private community hides its posts at once', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [[member, 'MEMBER']]);
    const postId = await newPost(world, community.id, community.owner);
    expect(await readsPost(member, postId)).toBe(true);
    const response = await request<LeavePayload>(world, member, LEAVE, {
      input: { communityId: community.id },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.leaveCommunity).toEqual({
      community: { id: community.id, memberCount: 1, viewerMembership: null },
      errors: [],
    });
    expect(await roleIn(community.id, member)).toBeNull();
    expect(await readsPost(member, postId)).toBe(false);
  });

  it('lets a community moderator leave', async () => {
    const moderator = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[moderator, 'MODERATOR']]);
    const response = await request<LeavePayload>(world, moderator, LEAVE, {
      input: { communityId: community.id },
    });
    expect(response.data!.leaveCommunity.errors).toEqual([]);
    expect(await roleIn(community.id, moderator)).toBeNull();
  });

  it.each([
    ['the owner', 'OWNER_CANNOT_LEAVE', 'The owner of a community cannot leave it.'],
    ['someone who does not belong', 'NOT_A_MEMBER', 'You do not belong to this community.'],
  ])('refuses %s, writing nothing', async (who, code, message) => {
    const community = await newCommunity(world, 'PUBLIC');
    const caller = who === 'the owner' ? community.owner : newPerson();
    const response = await refusedWithoutWriting<LeavePayload>(caller, LEAVE, { communityId: community.id });
    expect(response.data!.leaveCommunity).toEqual({
      community: null,
      errors: [{ code, message, field: ['input', 'communityId'] }],
    });
  });

  it('answers COMMUNITY_NOT_FOUND for an unknown community and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await refusedWithoutWriting<LeavePayload>(newPerson(), LEAVE, {
      communityId: UNKNOWN_ID,
    });
    expect(unknown.data!.leaveCommunity.errors.map((error) => error.code)).toEqual(['COMMUNITY_NOT_FOUND']);
    const malformed = await refusedWithoutWriting<LeavePayload>(newPerson(), LEAVE, { communityId: '1' });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('addCommunityMember', () => {
  it('is the way into a private community: the owner adds a person, who reads its posts at once', async () => {
    const community = await newCommunity(world, 'PRIVATE');
    const postId = await newPost(world, community.id, community.owner);
    const person = newPerson();
    expect(await readsPost(person, postId)).toBe(false);
    const response = await request<AddPayload>(world, community.owner, ADD, {
      input: { communityId: community.id, userId: idOf(person) },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.addCommunityMember).toEqual({
      membership: {
        role: 'MEMBER',
        user: { id: idOf(person) },
        community: { id: community.id, memberCount: 2 },
      },
      errors: [],
    });
    expect(await readsPost(person, postId)).toBe(true);
  });

  it.each([
    ['a community moderator', 'MODERATOR' as const, 'MEMBER'],
    ['the owner', 'OWNER' as const, 'MODERATOR'],
  ])('lets %s add a %s', async (_who, actorRole, addedRole) => {
    const actor = newPerson();
    const community = await newCommunity(world, 'PRIVATE', actorRole === 'OWNER' ? [] : [[actor, actorRole]]);
    const caller = actorRole === 'OWNER' ? community.owner : actor;
    const person = newPerson();
    const response = await request<AddPayload>(world, caller, ADD, {
      input: { communityId: community.id, userId: idOf(person), role: addedRole },
    });
    expect(response.data!.addCommunityMember.errors).toEqual([]);
    expect(await roleIn(community.id, person)).toBe(addedRole);
  });

  it.each([
    ['a platform moderator', platformModerator],
    ['a platform admin', platformAdmin],
  ])('lets %s, member or not, add a MODERATOR', async (_who, staff) => {
    const community = await newCommunity(world, 'PRIVATE');
    const person = newPerson();
    const response = await request<AddPayload>(world, staff(), ADD, {
      input: { communityId: community.id, userId: idOf(person), role: 'MODERATOR' },
    });
    expect(response.data!.addCommunityMember.errors).toEqual([]);
    expect(await roleIn(community.id, person)).toBe('MODERATOR');
  });

  it('refuses a community moderator who adds a MODERATOR, writing nothing', async () => {
    const moderator = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[moderator, 'MODERATOR']]);
    const response = await refusedWithoutWriting<AddPayload>(moderator, ADD, {
      communityId: community.id,
      userId: idOf(newPerson()),
      role: 'MODERATOR',
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['a member', 'MEMBER'],
    ['an outsider', null],
  ])('refuses %s with FORBIDDEN, before saying whether the person belongs', async (_who, role) => {
    const caller = newPerson();
    const alreadyIn = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [
      ...(role ? [[caller, 'MEMBER'] as const] : []),
      [alreadyIn, 'MEMBER'],
    ]);
    for (const target of [alreadyIn, newPerson()]) {
      const response = await refusedWithoutWriting<AddPayload>(caller, ADD, {
        communityId: community.id,
        userId: idOf(target),
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('never grants OWNER, writing nothing', async () => {
    const community = await newCommunity(world, 'PUBLIC');
    const response = await refusedWithoutWriting<AddPayload>(platformAdmin(), ADD, {
      communityId: community.id,
      userId: idOf(newPerson()),
      role: 'OWNER',
    });
    expect(response.data!.addCommunityMember).toEqual({
      membership: null,
      errors: [
        {
          code: 'ROLE_NOT_GRANTABLE',
          message: 'Add members as MEMBER or MODERATOR; the OWNER is the creator.',
          field: ['input', 'role'],
        },
      ],
    });
  });

  it('tells a manager that the person already belongs, without changing their role', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [[member, 'MEMBER']]);
    const response = await refusedWithoutWriting<AddPayload>(community.owner, ADD, {
      communityId: community.id,
      userId: idOf(member),
      role: 'MODERATOR',
    });
    expect(response.data!.addCommunityMember.errors).toEqual([
      {
        code: 'ALREADY_MEMBER',
        message: 'This person already belongs to the community.',
        field: ['input', 'userId'],
      },
    ]);
  });

  it('answers COMMUNITY_NOT_FOUND for an unknown community', async () => {
    const response = await refusedWithoutWriting<AddPayload>(platformAdmin(), ADD, {
      communityId: UNKNOWN_ID,
      userId: idOf(newPerson()),
    });
    expect(response.data!.addCommunityMember.errors.map((error) => error.code)).toEqual([
      'COMMUNITY_NOT_FOUND',
    ]);
  });

  it.each([
    ['communityId', { communityId: 'acme-alumni', userId: randomUUID() }],
    ['userId', { communityId: communities[2]!.id, userId: 'claire' }],
  ])('refuses a malformed %s with BAD_USER_INPUT', async (argumentName, input) => {
    const response = await refusedWithoutWriting<AddPayload>(platformAdmin(), ADD, input);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('removeCommunityMember', () => {
  it('lets the owner remove a member, who stops reading a private community at once', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PRIVATE', [[member, 'MEMBER']]);
    const postId = await newPost(world, community.id, member);
    expect(await readsPost(member, postId)).toBe(true);
    const response = await request<RemovePayload>(world, community.owner, REMOVE, {
      input: { communityId: community.id, userId: idOf(member) },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.removeCommunityMember).toEqual({
      community: { id: community.id, memberCount: 1 },
      errors: [],
    });
    expect(await roleIn(community.id, member)).toBeNull();
    expect(await readsPost(member, postId)).toBe(false);
    // Their post stays: the community's moderators decide about it separately.
    expect(await rows(world, 'select id from posts where id = $1', [postId])).toHaveLength(1);
  });

  it.each([
    ['a community moderator', 'MODERATOR', 'MEMBER', true],
    ['a community moderator', 'MODERATOR', 'MODERATOR', false],
    ['a member', 'MEMBER', 'MEMBER', false],
    ['a platform moderator', 'PLATFORM_MODERATOR', 'MODERATOR', true],
    ['a platform admin', 'PLATFORM_ADMIN', 'MODERATOR', true],
    ['an outsider', null, 'MEMBER', false],
  ])('%s (%s) removing a %s: %s', async (_who, actorRole, targetRole, allowed) => {
    const actor =
      actorRole === 'PLATFORM_MODERATOR'
        ? platformModerator()
        : actorRole === 'PLATFORM_ADMIN'
          ? platformAdmin()
          : newPerson();
    const target = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [
      ...(actorRole === 'MODERATOR' || actorRole === 'MEMBER' ? [[actor, actorRole] as const] : []),
      [target, targetRole as 'MEMBER' | 'MODERATOR'],
    ]);
    const input = { communityId: community.id, userId: idOf(target) };
    if (allowed) {
      const response = await request<RemovePayload>(world, actor, REMOVE, { input });
      expect(response.data!.removeCommunityMember.errors).toEqual([]);
      expect(await roleIn(community.id, target)).toBeNull();
    } else {
      const response = await refusedWithoutWriting<RemovePayload>(actor, REMOVE, input);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('lets a member remove themselves, as leaving', async () => {
    const member = newPerson();
    const community = await newCommunity(world, 'PUBLIC', [[member, 'MEMBER']]);
    const response = await request<RemovePayload>(world, member, REMOVE, {
      input: { communityId: community.id, userId: idOf(member) },
    });
    expect(response.data!.removeCommunityMember.errors).toEqual([]);
    expect(await roleIn(community.id, member)).toBeNull();
  });

  it('lets nobody remove the owner, writing nothing', async () => {
    const community = await newCommunity(world, 'PRIVATE');
    for (const caller of [platformAdmin(), community.owner]) {
      const response = await refusedWithoutWriting<RemovePayload>(caller, REMOVE, {
        communityId: community.id,
        userId: idOf(community.owner),
      });
      expect(response.data!.removeCommunityMember).toEqual({
        community: null,
        errors: [
          {
            code: 'OWNER_CANNOT_BE_REMOVED',
            message: 'The owner of a community cannot be removed from it.',
            field: ['input', 'userId'],
          },
        ],
      });
    }
  });

  it('answers MEMBER_NOT_FOUND to a manager only; others learn nothing about who belongs', async () => {
    const community = await newCommunity(world, 'PRIVATE');
    const stranger = newPerson();
    const managerView = await refusedWithoutWriting<RemovePayload>(community.owner, REMOVE, {
      communityId: community.id,
      userId: idOf(stranger),
    });
    expect(managerView.data!.removeCommunityMember.errors).toEqual([
      {
        code: 'MEMBER_NOT_FOUND',
        message: 'This person does not belong to the community.',
        field: ['input', 'userId'],
      },
    ]);
    const outsiderView = await refusedWithoutWriting<RemovePayload>(newPerson(), REMOVE, {
      communityId: community.id,
      userId: idOf(stranger),
    });
    expect(errorCodes(outsiderView)).toEqual(['FORBIDDEN']);
  });

  it('answers COMMUNITY_NOT_FOUND for an unknown community and BAD_USER_INPUT for malformed ids', async () => {
    const unknown = await refusedWithoutWriting<RemovePayload>(platformAdmin(), REMOVE, {
      communityId: UNKNOWN_ID,
      userId: randomUUID(),
    });
    expect(unknown.data!.removeCommunityMember.errors.map((error) => error.code)).toEqual([
      'COMMUNITY_NOT_FOUND',
    ]);
    const malformed = await refusedWithoutWriting<RemovePayload>(platformAdmin(), REMOVE, {
      communityId: communities[0]!.id,
      userId: 'nobody',
    });
    expect(malformed.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'userId',
    });
  });
});

describe('the demo communities', () => {
  it('have a community moderator besides the owner in TypeScript France', async () => {
    const [typescriptFrance] = communities;
    const roles = await membershipsOf(typescriptFrance!.id);
    expect(roles.filter((row) => row.role === 'MODERATOR').map((row) => row.user_id)).toEqual(
      typescriptFrance!.moderatorIds,
    );
  });
});
