import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { organizations, profiles, users } from '@talentgraph/demo-data';
import {
  createTestIssuer,
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  testUser,
  type GraphQLResponse,
  type TestIssuer,
  type TestSubgraph,
} from '@talentgraph/testing';
import { profilesSubgraph } from '../src/subgraph.ts';

/**
 * Recruiters' views of profiles are recorded as `profiles.ProfileViewed` events (the users subgraph makes
 * audit entries of them): on every path that shows one profile, once per profile and request, in one
 * insert for a whole batch, and never for what was not shown or not a recruiter's view.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;
let statements: string[] = [];

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(profilesSubgraph, {
    keySource: issuer.keySource,
    onQuery: (sql) => statements.push(sql),
  });
});

afterAll(async () => {
  await subgraph?.close();
});

// Recruiters read candidate profiles once their organization unlocked them (src/unlocks): the demo
// organization of these recruiters and partner keys unlocked every validated candidate.
beforeAll(async () => {
  for (const profile of profiles.filter((each) => each.status === 'VALIDATED' && each.kind === 'CANDIDATE')) {
    await queryDatabase(
      subgraph.database.url,
      `insert into profile_unlocks (id, profile_id, organization_id, unlocked_at) values ($1, $2, $3, now())`,
      [randomUUID(), profile.id, organizations[0]!.id],
    );
  }
});

const validated = profiles.filter((profile) => profile.status === 'VALIDATED');
const draft = profiles.find((profile) => profile.status === 'DRAFT')!;
const demoUser = (role: string) => users.find((user) => user.roles.includes(role as never))!;
const recruiterUser = demoUser('RECRUITER');
const recruiterOrganizationId = recruiterUser.membership!.organizationId;

/** A recruiter of the demo organization, whose id is fresh so that each test counts its own events. */
const newRecruiter = () =>
  testUser(randomUUID(), {
    roles: ['RECRUITER'],
    memberships: [{ organizationId: recruiterOrganizationId, role: 'RECRUITER' }],
  });

interface Envelope {
  type: string;
  version: number;
  actor: { kind: string; id: string | null };
  aggregate: { type: string; id: string };
  payload: Record<string, unknown>;
  correlationId: string | null;
}

/** The ProfileViewed events that `actorId` caused, oldest first. */
async function viewsBy(actorId: string): Promise<Envelope[]> {
  const rows = await queryDatabase<{ envelope: Envelope }>(
    subgraph.database.url,
    `select envelope from event_outbox
     where type = 'profiles.ProfileViewed' and envelope->'actor'->>'id' = $1 order by sequence`,
    [actorId],
  );
  return rows.map((row) => row.envelope);
}

const actorIdOf = (viewer: Viewer) => (viewer.kind === 'USER' ? viewer.userId : viewer.apiKeyId);

async function request<Data = Record<string, unknown>>(
  viewer: Viewer | null,
  query: string,
  variables: Record<string, unknown> = {},
  requestId?: string,
): Promise<GraphQLResponse<Data>> {
  const headers = {
    ...(viewer ? await issuer.headersFor(viewer) : {}),
    ...(requestId ? { 'x-request-id': requestId } : {}),
  };
  return graphqlRequest<Data>(subgraph.url, query, variables, headers);
}

const PROFILE = 'query ($id: ID!) { profile(id: $id) { id headline } }';
const USERS_PROFILES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { profile { id headline } } }
}`;
const PROFILE_ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Profile { id headline } }
}`;

const countOf = (pattern: RegExp) =>
  statements.filter((line) => pattern.test(stripVTControlCharacters(line))).length;

describe('profiles.ProfileViewed', () => {
  it('is recorded when a recruiter reads a profile by id, with its owner, the organizations and the request', async () => {
    const recruiter = newRecruiter();
    const profile = validated[0]!;
    const response = await request(recruiter, PROFILE, { id: profile.id }, 'recruiter-view-1');
    expect(response.errors).toBeUndefined();
    expect(await viewsBy(actorIdOf(recruiter))).toEqual([
      {
        id: expect.any(String),
        type: 'profiles.ProfileViewed',
        version: 1,
        occurredAt: expect.any(String),
        actor: { kind: 'USER', id: actorIdOf(recruiter) },
        aggregate: { type: 'Profile', id: profile.id },
        payload: {
          profileId: profile.id,
          ownerId: profile.userId,
          viewerOrganizationIds: [recruiterOrganizationId],
        },
        correlationId: 'recruiter-view-1',
      },
    ]);
  });

  it('is recorded for a partner key, named by its key, with its organization', async () => {
    const partner: Viewer = {
      kind: 'PARTNER',
      apiKeyId: randomUUID(),
      organizationId: organizations[0]!.id,
      roles: ['PARTNER'],
    };
    const profile = validated[1]!;
    await request(partner, PROFILE, { id: profile.id });
    const [view] = await viewsBy(partner.apiKeyId);
    expect(view).toMatchObject({
      actor: { kind: 'PARTNER', id: partner.apiKeyId },
      payload: {
        profileId: profile.id,
        ownerId: profile.userId,
        viewerOrganizationIds: [organizations[0]!.id],
      },
    });
  });

  it('records a batch of profiles read through User.profile in one insert, each profile once', async () => {
    const recruiter = newRecruiter();
    const shown = validated.slice(0, 3);
    const representations = [...shown, shown[0]!].map((profile) => ({
      __typename: 'User',
      id: profile.userId,
    }));
    statements = [];
    const response = await request(recruiter, USERS_PROFILES, { representations });
    expect(response.errors).toBeUndefined();
    expect(countOf(/\binsert into "event_outbox"/i)).toBe(1);
    expect((await viewsBy(actorIdOf(recruiter))).map((view) => view.aggregate.id).sort()).toEqual(
      shown.map((profile) => profile.id).sort(),
    );
  });

  it('is recorded for profiles resolved as federation references', async () => {
    const recruiter = newRecruiter();
    const shown = validated.slice(0, 2);
    const representations = shown.map((profile) => ({ __typename: 'Profile', id: profile.id }));
    await request(recruiter, PROFILE_ENTITIES, { representations });
    expect((await viewsBy(actorIdOf(recruiter))).map((view) => view.aggregate.id).sort()).toEqual(
      shown.map((profile) => profile.id).sort(),
    );
  });

  it('is not recorded for what was not shown, nor for views that are not a recruiter’s', async () => {
    const recruiter = newRecruiter();
    await request(recruiter, PROFILE, { id: draft.id });
    await request(recruiter, PROFILE, { id: randomUUID() });
    const listed = await request(recruiter, 'query { profiles(first: 3) { edges { node { id } } } }');
    expect(listed.errors).toBeUndefined();
    expect(await viewsBy(actorIdOf(recruiter))).toEqual([]);

    const owner = validated[2]!;
    const mentor = validated.find((profile) => profile.kind === 'MENTOR')!;
    const recruiterReadingOwnProfile = testUser(owner.userId, { roles: ['CANDIDATE', 'RECRUITER'] });
    const candidate = testUser(randomUUID(), { roles: ['CANDIDATE'] });
    const moderator = testUser(randomUUID(), { roles: ['MODERATOR'] });
    for (const [viewer, profile] of [
      [recruiterReadingOwnProfile, owner],
      [candidate, mentor],
      [moderator, owner],
    ] as const) {
      const response = await request(viewer, PROFILE, { id: profile.id });
      expect(response.data).toEqual({ profile: { id: profile.id, headline: expect.anything() } });
      expect(await viewsBy(actorIdOf(viewer))).toEqual([]);
    }
    statements = [];
    await request(null, PROFILE, { id: owner.id });
    expect(countOf(/\binsert\b/i)).toBe(0);
  });

  it('refuses to show a profile whose view cannot be recorded', async () => {
    const recruiter = newRecruiter();
    const profile = validated[0]!;
    await queryDatabase(
      subgraph.database.url,
      `create or replace function refuse_profile_views() returns trigger language plpgsql as $$
       begin
         if new.envelope->'actor'->>'id' = '${actorIdOf(recruiter)}' then raise exception 'outbox unavailable'; end if;
         return new;
       end $$`,
    );
    await queryDatabase(
      subgraph.database.url,
      'create trigger refuse_profile_views before insert on event_outbox for each row execute function refuse_profile_views()',
    );
    try {
      const response = await request<{ profile: unknown }>(recruiter, PROFILE, { id: profile.id });
      expect(response.data?.profile ?? null).toBeNull();
      expect(response.errors).toHaveLength(1);
    } finally {
      await queryDatabase(subgraph.database.url, 'drop trigger refuse_profile_views on event_outbox');
      await queryDatabase(subgraph.database.url, 'drop function refuse_profile_views()');
    }
    expect(await viewsBy(actorIdOf(recruiter))).toEqual([]);
  });
});
