import { describe, expect, it } from 'vitest';
import { rows, startForTests } from '@talentgraph/testing';
import { hashOpaqueToken, newOpaqueToken } from '../../src/encryption/opaque-tokens.ts';
import {
  errorCode,
  gql,
  organizationOf,
  signUp,
  startOrganizationsWorld,
  type UserErrorOf,
} from '../support/organizations.ts';

const world = startForTests(startOrganizationsWorld);

const membersOf = (organizationId: string) =>
  rows<{ user_id: string; role: string }>(
    world,
    'select user_id, role from memberships where organization_id = $1 order by joined_at, user_id',
    [organizationId],
  );
const invitationsOf = (organizationId: string) =>
  rows<Record<string, unknown>>(
    world,
    'select * from organization_invitations where organization_id = $1 order by created_at',
    [organizationId],
  );

/** A team of four: an OWNER, an ADMIN, a RECRUITER, and a stranger who belongs elsewhere. */
async function team() {
  const [owner, admin, recruiter, stranger] = await Promise.all([
    signUp(world),
    signUp(world),
    signUp(world),
    signUp(world),
  ]);
  const organization = await organizationOf(world, owner, [
    [admin, 'ADMIN'],
    [recruiter, 'RECRUITER'],
  ]);
  const elsewhere = await organizationOf(world, stranger);
  return {
    owner: owner!,
    admin: admin!,
    recruiter: recruiter!,
    stranger: stranger!,
    organization,
    elsewhere,
  };
}

const INVITE = `mutation ($input: InviteMemberInput!) {
  inviteMember(input: $input) { invitation { id email role expiresAt createdAt invitedBy { id } } errors { code message field } }
}`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { membership { role organization { id } user { id } } errors { code message field } }
}`;
const REVOKE_INVITATION = `mutation ($input: RevokeInvitationInput!) {
  revokeInvitation(input: $input) { invitation { id } errors { code field } }
}`;
const CHANGE_ROLE = `mutation ($input: ChangeMemberRoleInput!) {
  changeMemberRole(input: $input) { membership { role user { id } } errors { code message field } }
}`;
const REMOVE = `mutation ($input: RemoveMemberInput!) {
  removeMember(input: $input) { organization { id } errors { code message field } }
}`;
const LEAVE = `mutation ($input: LeaveOrganizationInput!) {
  leaveOrganization(input: $input) { organization { id } errors { code message field } }
}`;

type InvitePayload = {
  inviteMember: {
    invitation: {
      id: string;
      email: string;
      role: string;
      expiresAt: string;
      createdAt: string;
      invitedBy: { id: string };
    } | null;
    errors: UserErrorOf[];
  };
};
type AcceptPayload = {
  acceptInvitation: {
    membership: { role: string; organization: { id: string }; user: { id: string } } | null;
    errors: UserErrorOf[];
  };
};
type RolePayload = {
  changeMemberRole: { membership: { role: string; user: { id: string } } | null; errors: UserErrorOf[] };
};
type RemovePayload = { removeMember: { organization: { id: string } | null; errors: UserErrorOf[] } };
type LeavePayload = { leaveOrganization: { organization: { id: string } | null; errors: UserErrorOf[] } };

/** An invitation written directly, with a token the test knows (the email flow has its own test). */
async function invitation(
  organizationId: string,
  email: string,
  options: { role?: string; expiresAt?: Date; acceptedAt?: Date; revokedAt?: Date } = {},
): Promise<string> {
  const { token, tokenHash } = newOpaqueToken();
  await rows(
    world,
    `insert into organization_invitations (id, organization_id, email, role, token_hash, created_at, expires_at, accepted_at, revoked_at)
     values (gen_random_uuid(), $1, $2, $3, $4, now(), $5, $6, $7)`,
    [
      organizationId,
      email,
      options.role ?? 'RECRUITER',
      tokenHash,
      options.expiresAt ?? new Date(Date.now() + 60_000),
      options.acceptedAt ?? null,
      options.revokedAt ?? null,
    ],
  );
  return token;
}

describe('inviteMember', () => {
  it('lets an OWNER invite an ADMIN: a pending invitation for 7 days, its token stored only hashed', async () => {
    const { owner, organization } = await team();
    const response = await gql<InvitePayload>(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'New.Admin@Example.com', role: 'ADMIN' } },
      owner.headers,
    );
    expect(response.errors).toBeUndefined();
    const { invitation: sent, errors } = response.data!.inviteMember;
    expect(errors).toEqual([]);
    expect(sent).toMatchObject({
      email: 'new.admin@example.com',
      role: 'ADMIN',
      invitedBy: { id: owner.id },
    });
    expect(new Date(sent!.expiresAt).getTime() - new Date(sent!.createdAt).getTime()).toBe(
      7 * 24 * 60 * 60 * 1000,
    );
    const [stored] = await invitationsOf(organization.id);
    expect(stored).toMatchObject({
      email: 'new.admin@example.com',
      role: 'ADMIN',
      accepted_at: null,
      revoked_at: null,
    });
    expect(stored!['token_hash']).toMatch(/^[0-9a-f]{64}$/);
    const pending = await gql<{
      organization: { invitations: { totalCount: number; edges: { node: { id: string } }[] } };
    }>(
      world,
      `{ organization(id: "${organization.id}") { invitations { totalCount edges { node { id } } } } }`,
      {},
      owner.headers,
    );
    expect(pending.data!.organization.invitations.edges.map((edge) => edge.node.id)).toEqual([sent!.id]);
  });

  it('lets an ADMIN invite a RECRUITER, but not an ADMIN', async () => {
    const { admin, organization } = await team();
    const recruiter = await gql<InvitePayload>(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'recruiter@example.com', role: 'RECRUITER' } },
      admin.headers,
    );
    expect(recruiter.data!.inviteMember.errors).toEqual([]);
    const another = await gql(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'admin@example.com', role: 'ADMIN' } },
      admin.headers,
    );
    expect(errorCode(another)).toBe('FORBIDDEN');
    expect((await invitationsOf(organization.id)).map((row) => row['email'])).toEqual([
      'recruiter@example.com',
    ]);
  });

  it('refuses a RECRUITER, a member of another organization and a partner key, writing nothing', async () => {
    const { recruiter, stranger, organization } = await team();
    const partner = await world.issuer.headersFor({
      kind: 'PARTNER',
      apiKeyId: '00000000-0000-4000-8000-000000000001',
      organizationId: organization.id,
      roles: ['PARTNER'],
    });
    for (const headers of [recruiter.headers, stranger.headers, partner]) {
      const response = await gql(
        world,
        INVITE,
        { input: { organizationId: organization.id, email: 'someone@example.com', role: 'RECRUITER' } },
        headers,
      );
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(await invitationsOf(organization.id)).toEqual([]);
  });

  it('answers with typed errors for an OWNER invitation, a current member and an unknown organization', async () => {
    const { owner, recruiter, organization } = await team();
    const asOwner = await gql<InvitePayload>(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'boss@example.com', role: 'OWNER' } },
      owner.headers,
    );
    expect(asOwner.data!.inviteMember.errors).toMatchObject([
      { code: 'ROLE_NOT_INVITABLE', field: ['input', 'role'] },
    ]);
    const member = await gql<InvitePayload>(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: recruiter.email.toUpperCase(), role: 'RECRUITER' } },
      owner.headers,
    );
    expect(member.data!.inviteMember.errors).toMatchObject([
      { code: 'ALREADY_MEMBER', field: ['input', 'email'] },
    ]);
    const unknown = await gql<InvitePayload>(
      world,
      INVITE,
      {
        input: {
          organizationId: '00000000-0000-4000-8000-00000000dead',
          email: 'x@example.com',
          role: 'RECRUITER',
        },
      },
      owner.headers,
    );
    expect(unknown.data!.inviteMember.errors).toMatchObject([{ code: 'ORGANIZATION_NOT_FOUND' }]);
    expect(await invitationsOf(organization.id)).toEqual([]);
  });

  it('stops at 50 invitations a day per organization, sending nothing more', async () => {
    const { owner, organization } = await team();
    for (let index = 0; index < 50; index += 1)
      await invitation(organization.id, `batch${index}@example.com`);
    const response = await gql<InvitePayload>(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'one.more@example.com', role: 'RECRUITER' } },
      owner.headers,
    );
    expect(response.data!.inviteMember.errors).toMatchObject([{ code: 'TOO_MANY_INVITATIONS' }]);
    expect(await invitationsOf(organization.id)).toHaveLength(50);
    expect(
      await rows(world, 'select id from email_outbox where recipient = $1', ['one.more@example.com']),
    ).toEqual([]);
  });

  it('replaces a pending invitation to the same address: only the newest one stays pending', async () => {
    const { owner, organization } = await team();
    const input = {
      input: { organizationId: organization.id, email: 'twice@example.com', role: 'RECRUITER' },
    };
    await gql(world, INVITE, input, owner.headers);
    await gql(world, INVITE, input, owner.headers);
    const stored = await invitationsOf(organization.id);
    expect(stored.map((row) => row['revoked_at'] === null)).toEqual([false, true]);
  });
});

type MailboxMessage = { template: string; locale: string; subject: string; text: string; links: string[] };

async function mailbox(address: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${world.baseUrl}/dev/mailbox?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { messages: MailboxMessage[] }).messages;
}

describe('the invitation e-mail', () => {
  it('carries the only copy of the token, in the invitee’s language, and its link lets them join', async () => {
    const { owner, organization } = await team();
    const invitee = await signUp(world, {
      roles: ['CANDIDATE'],
      email: 'camille.fr@example.com',
      locale: 'FR',
    });
    await gql(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: invitee.email, role: 'RECRUITER' } },
      owner.headers,
    );
    const [message, ...others] = await mailbox(invitee.email);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ template: 'ORGANIZATION_INVITATION', locale: 'FR' });
    expect(message!.subject).toContain(organization.name);
    expect(message!.text).toContain('recruteur');
    const link = new URL(message!.links.find((url) => url.includes('/invitations/accept'))!);
    const token = link.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await invitationsOf(organization.id);
    expect(stored!['token_hash']).toBe(hashOpaqueToken(token));
    expect(JSON.stringify(await rows(world, 'select * from organization_invitations'))).not.toContain(token);
    const accepted = await gql<AcceptPayload>(world, ACCEPT, { input: { token } }, invitee.headers);
    expect(accepted.data!.acceptInvitation.membership).toMatchObject({ role: 'RECRUITER' });
  });

  it('is written in the inviter’s language for an address without an account, in English here', async () => {
    const { owner, organization } = await team();
    await gql(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'nobody.yet@example.com', role: 'ADMIN' } },
      owner.headers,
    );
    const [message] = await mailbox('nobody.yet@example.com');
    expect(message).toMatchObject({ template: 'ORGANIZATION_INVITATION', locale: 'EN' });
    expect(message!.text).toContain('as an administrator');
  });

  it('is not sent when the invitation is refused', async () => {
    const { admin, recruiter, organization } = await team();
    await gql(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'refused1@example.com', role: 'ADMIN' } },
      admin.headers,
    );
    await gql(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'refused2@example.com', role: 'RECRUITER' } },
      recruiter.headers,
    );
    await gql(
      world,
      INVITE,
      { input: { organizationId: organization.id, email: 'refused3@example.com', role: 'OWNER' } },
      admin.headers,
    );
    expect(
      await rows(world, 'select recipient from email_outbox where recipient in ($1, $2, $3)', [
        'refused1@example.com',
        'refused2@example.com',
        'refused3@example.com',
      ]),
    ).toEqual([]);
  });
});

describe('acceptInvitation', () => {
  it('makes the invited person a member with the invited role, once, granting the RECRUITER role', async () => {
    const { owner, organization } = await team();
    const invitee = await signUp(world, { roles: ['CANDIDATE'], email: 'invitee@example.com' });
    const token = await invitation(organization.id, 'invitee@example.com', { role: 'ADMIN' });
    const accepted = await gql<AcceptPayload>(world, ACCEPT, { input: { token } }, invitee.headers);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation).toEqual({
      membership: { role: 'ADMIN', organization: { id: organization.id }, user: { id: invitee.id } },
      errors: [],
    });
    expect(await membersOf(organization.id)).toContainEqual({ user_id: invitee.id, role: 'ADMIN' });
    expect(await rows(world, 'select roles from users where id = $1', [invitee.id])).toEqual([
      { roles: ['CANDIDATE', 'RECRUITER'] },
    ]);
    const [stored] = await invitationsOf(organization.id);
    expect(stored).toMatchObject({ accepted_by_id: invitee.id });
    expect(stored!['accepted_at']).not.toBeNull();

    const again = await gql<AcceptPayload>(world, ACCEPT, { input: { token } }, invitee.headers);
    expect(again.data!.acceptInvitation.errors).toMatchObject([
      { code: 'INVITATION_ALREADY_USED', field: ['input', 'token'] },
    ]);
    const pending = await gql<{ organization: { invitations: { totalCount: number } } }>(
      world,
      `{ organization(id: "${organization.id}") { invitations { totalCount } } }`,
      {},
      owner.headers,
    );
    expect(pending.data!.organization.invitations.totalCount).toBe(0);
  });

  it('accepts a token used twice at the same moment only once', async () => {
    const { organization } = await team();
    const invitee = await signUp(world, { email: 'racer@example.com' });
    const token = await invitation(organization.id, 'racer@example.com');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        gql<AcceptPayload>(world, ACCEPT, { input: { token } }, invitee.headers),
      ),
    );
    const codes = answers.map((answer) => answer.data!.acceptInvitation.errors[0]?.code ?? 'ACCEPTED').sort();
    expect(codes).toEqual([
      'ACCEPTED',
      'INVITATION_ALREADY_USED',
      'INVITATION_ALREADY_USED',
      'INVITATION_ALREADY_USED',
      'INVITATION_ALREADY_USED',
    ]);
    expect((await membersOf(organization.id)).filter((row) => row.user_id === invitee.id)).toHaveLength(1);
  });

  it.each([
    ['an expired invitation', { expiresAt: new Date(Date.now() - 1_000) }, 'INVITATION_EXPIRED'],
    ['a withdrawn invitation', { revokedAt: new Date() }, 'INVITATION_REVOKED'],
    ['an accepted invitation', { acceptedAt: new Date() }, 'INVITATION_ALREADY_USED'],
  ])('refuses %s and writes nothing', async (_case, state, code) => {
    const { organization } = await team();
    const invitee = await signUp(world, { roles: ['CANDIDATE'] });
    const token = await invitation(organization.id, invitee.email, state);
    const before = await invitationsOf(organization.id);
    const response = await gql<AcceptPayload>(world, ACCEPT, { input: { token } }, invitee.headers);
    expect(response.data!.acceptInvitation).toMatchObject({ membership: null, errors: [{ code }] });
    expect((await membersOf(organization.id)).map((row) => row.user_id)).not.toContain(invitee.id);
    expect(await invitationsOf(organization.id)).toEqual(before);
    expect(await rows(world, 'select roles from users where id = $1', [invitee.id])).toEqual([
      { roles: ['CANDIDATE'] },
    ]);
  });

  it('refuses an account with another email address, an unknown token, a member and an anonymous caller', async () => {
    const { recruiter, organization } = await team();
    const someoneElse = await signUp(world);
    const token = await invitation(organization.id, 'intended@example.com');
    const mismatch = await gql<AcceptPayload>(world, ACCEPT, { input: { token } }, someoneElse.headers);
    expect(mismatch.data!.acceptInvitation.errors).toMatchObject([{ code: 'INVITATION_EMAIL_MISMATCH' }]);
    const unknown = await gql<AcceptPayload>(
      world,
      ACCEPT,
      { input: { token: 'not-a-token' } },
      someoneElse.headers,
    );
    expect(unknown.data!.acceptInvitation.errors).toMatchObject([{ code: 'INVITATION_NOT_FOUND' }]);
    const memberToken = await invitation(organization.id, recruiter.email);
    const member = await gql<AcceptPayload>(
      world,
      ACCEPT,
      { input: { token: memberToken } },
      recruiter.headers,
    );
    expect(member.data!.acceptInvitation.errors).toMatchObject([{ code: 'ALREADY_MEMBER' }]);
    expect(errorCode(await gql(world, ACCEPT, { input: { token } }))).toBe('UNAUTHENTICATED');
    expect((await invitationsOf(organization.id)).every((row) => row['accepted_at'] === null)).toBe(true);
    expect((await membersOf(organization.id)).map((row) => row.user_id)).not.toContain(someoneElse.id);
  });

  it('finds invitations by the hash of their token only', async () => {
    const { organization } = await team();
    const invitee = await signUp(world);
    const token = await invitation(organization.id, invitee.email);
    const [stored] = await invitationsOf(organization.id);
    expect(stored!['token_hash']).toBe(hashOpaqueToken(token));
    const byHash = await gql<AcceptPayload>(
      world,
      ACCEPT,
      { input: { token: stored!['token_hash'] } },
      invitee.headers,
    );
    expect(byHash.data!.acceptInvitation.errors).toMatchObject([{ code: 'INVITATION_NOT_FOUND' }]);
  });
});

describe('revokeInvitation', () => {
  it('lets an OWNER withdraw an invitation, which then cannot be accepted', async () => {
    const { owner, organization } = await team();
    const invitee = await signUp(world);
    const token = await invitation(organization.id, invitee.email);
    const [stored] = await invitationsOf(organization.id);
    const revoked = await gql<{ revokeInvitation: { invitation: { id: string }; errors: UserErrorOf[] } }>(
      world,
      REVOKE_INVITATION,
      { input: { invitationId: stored!['id'] } },
      owner.headers,
    );
    expect(revoked.data!.revokeInvitation).toEqual({ invitation: { id: stored!['id'] }, errors: [] });
    const accept = await gql<AcceptPayload>(world, ACCEPT, { input: { token } }, invitee.headers);
    expect(accept.data!.acceptInvitation.errors).toMatchObject([{ code: 'INVITATION_REVOKED' }]);
    const again = await gql<{ revokeInvitation: { errors: UserErrorOf[] } }>(
      world,
      REVOKE_INVITATION,
      { input: { invitationId: stored!['id'] } },
      owner.headers,
    );
    expect(again.data!.revokeInvitation.errors).toMatchObject([{ code: 'INVITATION_NOT_PENDING' }]);
  });

  it('refuses an ADMIN for an ADMIN invitation, a RECRUITER and an outsider, leaving it pending', async () => {
    const { admin, recruiter, stranger, organization } = await team();
    await invitation(organization.id, 'future.admin@example.com', { role: 'ADMIN' });
    const [stored] = await invitationsOf(organization.id);
    for (const person of [admin, recruiter, stranger]) {
      const response = await gql(
        world,
        REVOKE_INVITATION,
        { input: { invitationId: stored!['id'] } },
        person.headers,
      );
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect((await invitationsOf(organization.id))[0]!['revoked_at']).toBeNull();
  });
});

describe('changeMemberRole', () => {
  it('lets an OWNER promote a RECRUITER to ADMIN and another member to co-OWNER', async () => {
    const { owner, admin, recruiter, organization } = await team();
    const promoted = await gql<RolePayload>(
      world,
      CHANGE_ROLE,
      { input: { organizationId: organization.id, userId: recruiter.id, role: 'ADMIN' } },
      owner.headers,
    );
    expect(promoted.data!.changeMemberRole).toEqual({
      membership: { role: 'ADMIN', user: { id: recruiter.id } },
      errors: [],
    });
    await gql(
      world,
      CHANGE_ROLE,
      { input: { organizationId: organization.id, userId: admin.id, role: 'OWNER' } },
      owner.headers,
    );
    expect(await membersOf(organization.id)).toEqual([
      { user_id: owner.id, role: 'OWNER' },
      { user_id: admin.id, role: 'OWNER' },
      { user_id: recruiter.id, role: 'ADMIN' },
    ]);
  });

  it('refuses an ADMIN who promotes to ADMIN or touches another ADMIN, and a RECRUITER who promotes themself', async () => {
    const { owner, admin, recruiter, organization } = await team();
    await gql(
      world,
      CHANGE_ROLE,
      { input: { organizationId: organization.id, userId: recruiter.id, role: 'RECRUITER' } },
      owner.headers,
    );
    const before = await membersOf(organization.id);
    for (const [person, userId, role] of [
      [admin, recruiter.id, 'ADMIN'],
      [admin, owner.id, 'RECRUITER'],
      [recruiter, recruiter.id, 'ADMIN'],
      [admin, admin.id, 'OWNER'],
    ] as const) {
      const response = await gql(
        world,
        CHANGE_ROLE,
        { input: { organizationId: organization.id, userId, role } },
        person.headers,
      );
      expect(errorCode(response), `${role} for ${userId}`).toBe('FORBIDDEN');
    }
    expect(await membersOf(organization.id)).toEqual(before);
  });

  it('keeps the last OWNER an OWNER, with a typed error', async () => {
    const { owner, organization } = await team();
    const response = await gql<RolePayload>(
      world,
      CHANGE_ROLE,
      { input: { organizationId: organization.id, userId: owner.id, role: 'ADMIN' } },
      owner.headers,
    );
    expect(response.data!.changeMemberRole).toMatchObject({
      membership: null,
      errors: [{ code: 'LAST_OWNER', field: ['input', 'role'] }],
    });
    expect((await membersOf(organization.id))[0]).toEqual({ user_id: owner.id, role: 'OWNER' });
  });

  it('lets two OWNERs stepping down at the same moment leave exactly one OWNER', async () => {
    const { owner, admin, organization } = await team();
    await gql(
      world,
      CHANGE_ROLE,
      { input: { organizationId: organization.id, userId: admin.id, role: 'OWNER' } },
      owner.headers,
    );
    const answers = await Promise.all(
      [owner, admin].map((person) =>
        gql<RolePayload>(
          world,
          CHANGE_ROLE,
          { input: { organizationId: organization.id, userId: person.id, role: 'RECRUITER' } },
          person.headers,
        ),
      ),
    );
    const codes = answers.map((answer) => answer.data!.changeMemberRole.errors[0]?.code ?? 'CHANGED').sort();
    expect(codes).toEqual(['CHANGED', 'LAST_OWNER']);
    expect((await membersOf(organization.id)).filter((row) => row.role === 'OWNER')).toHaveLength(1);
  });

  it('refuses cross-organization changes and answers MEMBER_NOT_FOUND for a non-member target', async () => {
    const { owner, stranger, organization, elsewhere } = await team();
    const crossing = await gql(
      world,
      CHANGE_ROLE,
      { input: { organizationId: elsewhere.id, userId: stranger.id, role: 'RECRUITER' } },
      owner.headers,
    );
    expect(errorCode(crossing)).toBe('FORBIDDEN');
    expect(await membersOf(elsewhere.id)).toEqual([{ user_id: stranger.id, role: 'OWNER' }]);
    const notMember = await gql<RolePayload>(
      world,
      CHANGE_ROLE,
      { input: { organizationId: organization.id, userId: stranger.id, role: 'RECRUITER' } },
      owner.headers,
    );
    expect(notMember.data!.changeMemberRole.errors).toMatchObject([
      { code: 'MEMBER_NOT_FOUND', field: ['input', 'userId'] },
    ]);
  });
});

describe('removeMember and leaveOrganization', () => {
  it('lets an ADMIN remove a RECRUITER, not another ADMIN nor the OWNER', async () => {
    const { owner, admin, recruiter, organization } = await team();
    const secondAdmin = await signUp(world);
    await rows(
      world,
      "insert into memberships (id, user_id, organization_id, role, joined_at) values (gen_random_uuid(), $1, $2, 'ADMIN', now())",
      [secondAdmin.id, organization.id],
    );
    for (const target of [secondAdmin, owner]) {
      expect(
        errorCode(
          await gql(
            world,
            REMOVE,
            { input: { organizationId: organization.id, userId: target.id } },
            admin.headers,
          ),
        ),
      ).toBe('FORBIDDEN');
    }
    const removed = await gql<RemovePayload>(
      world,
      REMOVE,
      { input: { organizationId: organization.id, userId: recruiter.id } },
      admin.headers,
    );
    expect(removed.data!.removeMember).toEqual({ organization: { id: organization.id }, errors: [] });
    expect((await membersOf(organization.id)).map((row) => row.user_id).sort()).toEqual(
      [owner.id, admin.id, secondAdmin.id].sort(),
    );
  });

  it('refuses a RECRUITER and outsiders, and never removes the last OWNER', async () => {
    const { owner, admin, recruiter, stranger, organization } = await team();
    const before = await membersOf(organization.id);
    for (const person of [recruiter, stranger]) {
      expect(
        errorCode(
          await gql(
            world,
            REMOVE,
            { input: { organizationId: organization.id, userId: admin.id } },
            person.headers,
          ),
        ),
      ).toBe('FORBIDDEN');
    }
    const lastOwner = await gql<RemovePayload>(
      world,
      REMOVE,
      { input: { organizationId: organization.id, userId: owner.id } },
      owner.headers,
    );
    expect(lastOwner.data!.removeMember.errors).toMatchObject([{ code: 'LAST_OWNER' }]);
    expect(await membersOf(organization.id)).toEqual(before);
  });

  it('lets members leave, except the last OWNER; a removed member loses access at once', async () => {
    const { owner, recruiter, stranger, organization } = await team();
    const lastOwner = await gql<LeavePayload>(
      world,
      LEAVE,
      { input: { organizationId: organization.id } },
      owner.headers,
    );
    expect(lastOwner.data!.leaveOrganization.errors).toMatchObject([
      { code: 'LAST_OWNER', field: ['input', 'organizationId'] },
    ]);
    expect(
      errorCode(await gql(world, LEAVE, { input: { organizationId: organization.id } }, stranger.headers)),
    ).toBe('FORBIDDEN');
    const left = await gql<LeavePayload>(
      world,
      LEAVE,
      { input: { organizationId: organization.id } },
      recruiter.headers,
    );
    expect(left.data!.leaveOrganization).toEqual({ organization: { id: organization.id }, errors: [] });
    expect((await membersOf(organization.id)).map((row) => row.user_id)).not.toContain(recruiter.id);
    const members = await gql(
      world,
      `{ organization(id: "${organization.id}") { members { totalCount } } }`,
      {},
      recruiter.headers,
    );
    expect(errorCode(members)).toBe('FORBIDDEN');
  });

  it('answers ORGANIZATION_NOT_FOUND for an unknown organization and BAD_USER_INPUT for a malformed id', async () => {
    const { owner } = await team();
    const unknown = await gql<LeavePayload>(
      world,
      LEAVE,
      { input: { organizationId: '00000000-0000-4000-8000-00000000dead' } },
      owner.headers,
    );
    expect(unknown.data!.leaveOrganization.errors).toMatchObject([{ code: 'ORGANIZATION_NOT_FOUND' }]);
    expect(errorCode(await gql(world, LEAVE, { input: { organizationId: 'nope' } }, owner.headers))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
