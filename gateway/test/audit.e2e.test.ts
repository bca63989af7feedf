import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { communities, profiles, users } from '@talentgraph/demo-data';
import { graphqlRequest, type GraphQLResponse } from '@talentgraph/testing';
import { startTestSupergraph, type TestSupergraph } from './helpers.ts';

/**
 * The audit log fed by every subgraph, end to end: sensitive actions done through the gateway in the
 * community and profiles subgraphs travel as domain events (outbox, relay, the shared event log, the users
 * subgraph's audit consumer group) and appear in the admins' `auditLog` with the HTTP request's id.
 */

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const PASSWORD = 'violet-harbour-42-lantern';
const publicCommunity = communities.find((community) => community.visibility === 'PUBLIC')!;
const demoUser = (role: string) => users.find((user) => user.roles.includes(role as never))!;
const platformModerator = demoUser('MODERATOR');
const recruiter = demoUser('RECRUITER');
const admin = demoUser('ADMIN');
const viewedProfile = profiles.find(
  (profile) => profile.status === 'VALIDATED' && profile.userId !== recruiter.id,
)!;

let supergraph: TestSupergraph;

beforeAll(async () => {
  supergraph = await startTestSupergraph();
});

afterAll(async () => {
  await supergraph?.close();
});

interface Person {
  readonly userId: string;
  readonly token: string;
}

async function gateway<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  person?: Person,
  requestId?: string,
): Promise<GraphQLResponse<Data>> {
  const response = await graphqlRequest<Data>(supergraph.gateway.url, query, variables, {
    ...(person ? { authorization: `Bearer ${person.token}` } : {}),
    ...(requestId ? { 'x-request-id': requestId } : {}),
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response;
}

async function signIn(email: string, password = DEMO_PASSWORD): Promise<Person> {
  const response = await gateway<{ login: { session: { accessToken: string; account: { id: string } } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken account { id } } } }',
    { input: { email, password } },
  );
  const { accessToken, account } = response.data!.login.session;
  return { userId: account.id, token: accessToken };
}

async function newMember(communityId: string): Promise<Person> {
  const email = `audited.${randomBytes(5).toString('hex')}@example.com`;
  await gateway('mutation ($input: RegisterInput!) { register(input: $input) { errors { code } } }', {
    input: { email, password: PASSWORD, displayName: 'Audited Member', role: 'CANDIDATE' },
  });
  const person = await signIn(email, PASSWORD);
  await gateway(
    'mutation ($input: JoinCommunityInput!) { joinCommunity(input: $input) { errors { code } } }',
    { input: { communityId } },
    person,
  );
  return person;
}

interface Entry {
  occurredAt: string;
  action: string;
  subgraph: string;
  requestId: string | null;
  details: Record<string, unknown>;
  actor: { kind: string; id: string | null; user: { displayName: string } | null };
  target: { type: string; id: string } | null;
}

const AUDIT_LOG = `query ($filter: AuditLogFilter) {
  auditLog(first: 10, filter: $filter) {
    edges { node {
      occurredAt action subgraph requestId details
      actor { kind id user { displayName } }
      target { type id }
    } }
  }
}`;

/** The entries matching `filter`, once the audit consumer group has written `count` of them. */
async function auditEntries(
  adminPerson: Person,
  filter: Record<string, unknown>,
  count = 1,
): Promise<Entry[]> {
  let entries: Entry[] = [];
  await vi.waitFor(
    async () => {
      const response = await gateway<{ auditLog: { edges: { node: Entry }[] } }>(
        AUDIT_LOG,
        { filter },
        adminPerson,
      );
      entries = response.data!.auditLog.edges.map((edge) => edge.node);
      expect(entries).toHaveLength(count);
    },
    { timeout: 15_000, interval: 100 },
  );
  return entries;
}

describe('the audit log through the gateway', () => {
  it('shows a moderator deleting a post and removing its author, and a recruiter unlocking and viewing a profile, with actor, target and request id', async () => {
    const [moderator, recruiterPerson, adminPerson] = [
      await signIn(platformModerator.email),
      await signIn(recruiter.email),
      await signIn(admin.email),
    ];
    const member = await newMember(publicCommunity.id);
    const posted = await gateway<{ createPost: { post: { id: string } } }>(
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { post { id } } }',
      { input: { communityId: publicCommunity.id, title: 'Buy cheap followers', body: 'Spam.' } },
      member,
    );
    const postId = posted.data!.createPost.post.id;

    await gateway(
      'mutation ($input: DeletePostInput!) { deletePost(input: $input) { errors { code } } }',
      { input: { postId } },
      moderator,
      'e2e-audit-post-deletion',
    );
    const removal = await gateway(
      'mutation ($input: RemoveCommunityMemberInput!) { removeCommunityMember(input: $input) { errors { code } } }',
      { input: { communityId: publicCommunity.id, userId: member.userId } },
      moderator,
      'e2e-audit-member-removal',
    );
    expect(removal.headers.get('x-request-id')).toBe('e2e-audit-member-removal');
    // A recruiter reads a candidate's profile once their organization unlocked it (recruiter search).
    const unlocked = await gateway<{ unlockProfile: { alreadyUnlocked: boolean | null; errors: unknown[] } }>(
      'mutation ($input: UnlockProfileInput!) { unlockProfile(input: $input) { alreadyUnlocked errors { code } } }',
      { input: { profileId: viewedProfile.id } },
      recruiterPerson,
      'e2e-audit-profile-unlock',
    );
    expect(unlocked.data!.unlockProfile).toEqual({ alreadyUnlocked: false, errors: [] });
    const view = await gateway(
      'query ($id: ID!) { profile(id: $id) { id headline user { displayName } } }',
      { id: viewedProfile.id },
      recruiterPerson,
      'e2e-audit-profile-view',
    );
    expect(view.data).toMatchObject({ profile: { id: viewedProfile.id } });

    const [removed] = await auditEntries(adminPerson, {
      action: 'moderation.member_removed',
      targetType: 'Community',
      targetId: publicCommunity.id,
    });
    expect(removed).toMatchObject({
      action: 'moderation.member_removed',
      subgraph: 'community',
      requestId: 'e2e-audit-member-removal',
      actor: { kind: 'USER', id: moderator.userId, user: { displayName: platformModerator.displayName } },
      target: { type: 'Community', id: publicCommunity.id },
      details: { eventType: 'community.MemberRemoved', userId: member.userId, role: 'MEMBER' },
    });

    const [deleted] = await auditEntries(adminPerson, {
      action: 'moderation.post_deleted',
      targetType: 'Post',
      targetId: postId,
    });
    expect(deleted).toMatchObject({
      subgraph: 'community',
      requestId: 'e2e-audit-post-deletion',
      actor: { kind: 'USER', id: moderator.userId },
      details: { communityId: publicCommunity.id, authorId: member.userId },
    });

    const [viewed] = await auditEntries(adminPerson, {
      action: 'profile.viewed_by_recruiter',
      actorId: recruiterPerson.userId,
      targetType: 'Profile',
      targetId: viewedProfile.id,
    });
    expect(viewed).toMatchObject({
      subgraph: 'profiles',
      requestId: 'e2e-audit-profile-view',
      actor: { kind: 'USER', id: recruiterPerson.userId, user: { displayName: recruiter.displayName } },
      target: { type: 'Profile', id: viewedProfile.id },
      details: {
        eventType: 'profiles.ProfileViewed',
        ownerId: viewedProfile.userId,
        viewerOrganizationIds: [recruiter.membership!.organizationId],
      },
    });

    const [unlock] = await auditEntries(adminPerson, {
      action: 'profile.unlocked_by_recruiter',
      actorId: recruiterPerson.userId,
      targetType: 'Profile',
      targetId: viewedProfile.id,
    });
    expect(unlock).toMatchObject({
      subgraph: 'profiles',
      requestId: 'e2e-audit-profile-unlock',
      actor: { kind: 'USER', id: recruiterPerson.userId },
      details: {
        eventType: 'profiles.ProfileUnlocked',
        ownerId: viewedProfile.userId,
        organizationId: recruiter.membership!.organizationId,
      },
    });
  });

  it('leaves no API path that changes or deletes an entry', async () => {
    interface TypeRef {
      name: string | null;
      ofType: TypeRef | null;
    }
    const named = (type: TypeRef): string => (type.ofType ? named(type.ofType) : type.name!);
    const TYPE_REF = 'name ofType { name ofType { name ofType { name } } }';
    const response = await gateway<{
      __schema: {
        mutationType: { fields: { name: string; type: TypeRef }[] };
        types: { name: string; fields: { type: TypeRef }[] | null }[];
      };
    }>(
      `{ __schema {
        mutationType { fields { name type { ${TYPE_REF} } } }
        types { name fields { type { ${TYPE_REF} } } }
      } }`,
      {},
    );
    const { mutationType, types } = response.data!.__schema;
    const fieldsOf = new Map(types.map((type) => [type.name, type.fields ?? []]));
    expect(mutationType.fields.length).toBeGreaterThan(10);
    expect(fieldsOf.has('AuditEntry')).toBe(true);
    for (const mutation of mutationType.fields) {
      expect(mutation.name).not.toMatch(/audit/i);
      const payloadFields = fieldsOf.get(named(mutation.type)) ?? [];
      expect(
        payloadFields.map((field) => named(field.type)),
        mutation.name,
      ).not.toContain('AuditEntry');
    }
  });
});
