import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import { gql, startOrganizationsWorld } from '../support/organizations.ts';

const world = startForTests(startOrganizationsWorld);

const TOKENS = 'session { accessToken refreshToken } errors { code }';

interface Signed {
  readonly email: string;
  accessToken: string;
  refreshToken: string;
}

async function register(email: string, role: 'RECRUITER' | 'CANDIDATE'): Promise<Signed> {
  const response = await gql<{ register: { session: { accessToken: string; refreshToken: string } } }>(
    world,
    `mutation ($input: RegisterInput!) { register(input: $input) { ${TOKENS} } }`,
    { input: { email, password: 'ample-harbour-lantern-1987', displayName: email.split('@')[0], role } },
  );
  expect(response.errors).toBeUndefined();
  return { email, ...response.data!.register.session };
}

/** Refreshes the session the way a client does, and returns the claims the new access token carries. */
async function refreshed(person: Signed): Promise<{ roles: string[]; orgs: { id: string; role: string }[] }> {
  const response = await gql<{ refreshToken: { session: { accessToken: string; refreshToken: string } } }>(
    world,
    `mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { ${TOKENS} } }`,
    { input: { refreshToken: person.refreshToken } },
  );
  expect(response.errors).toBeUndefined();
  Object.assign(person, response.data!.refreshToken.session);
  return decodeJwt(person.accessToken) as { roles: string[]; orgs: { id: string; role: string }[] };
}

const headersOf = (person: Signed) => ({ authorization: `Bearer ${person.accessToken}` });

describe('memberships in access tokens', () => {
  it('follow every membership change at the member’s next refresh', async () => {
    const alice = await register('alice.owner@example.com', 'RECRUITER');
    const bob = await register('bob.candidate@example.com', 'CANDIDATE');
    expect(decodeJwt(alice.accessToken)['orgs']).toEqual([]);

    const created = await gql<{ createOrganization: { organization: { id: string } } }>(
      world,
      'mutation { createOrganization(input: { name: "Token Test Team", kind: COMPANY }) { organization { id } } }',
      {},
      headersOf(alice),
    );
    const organizationId = created.data!.createOrganization.organization.id;
    expect((await refreshed(alice)).orgs).toEqual([{ id: organizationId, role: 'OWNER' }]);

    await gql(
      world,
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { errors { code } } }',
      { input: { organizationId, email: bob.email, role: 'RECRUITER' } },
      headersOf(alice),
    );
    const mail = (await (await fetch(`${world.baseUrl}/dev/mailbox?to=${bob.email}`)).json()) as {
      messages: { links: string[] }[];
    };
    const token = new URL(
      mail.messages[0]!.links.find((link) => link.includes('/invitations/accept'))!,
    ).searchParams.get('token');
    const accepted = await gql<{ acceptInvitation: { errors: unknown[] } }>(
      world,
      'mutation ($token: String!) { acceptInvitation(input: { token: $token }) { errors { code } } }',
      { token },
      headersOf(bob),
    );
    expect(accepted.data!.acceptInvitation.errors).toEqual([]);
    expect(decodeJwt(bob.accessToken)['orgs']).toEqual([]);
    const joined = await refreshed(bob);
    expect(joined.orgs).toEqual([{ id: organizationId, role: 'RECRUITER' }]);
    expect(joined.roles).toEqual(['CANDIDATE', 'RECRUITER']);

    const bobId = String(decodeJwt(bob.accessToken).sub);
    await gql(
      world,
      'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { errors { code } } }',
      { input: { organizationId, userId: bobId, role: 'ADMIN' } },
      headersOf(alice),
    );
    expect((await refreshed(bob)).orgs).toEqual([{ id: organizationId, role: 'ADMIN' }]);

    await gql(
      world,
      'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { errors { code } } }',
      { input: { organizationId, userId: bobId } },
      headersOf(alice),
    );
    expect((await refreshed(bob)).orgs).toEqual([]);
  });
});
