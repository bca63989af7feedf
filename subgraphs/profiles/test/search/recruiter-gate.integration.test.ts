import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { organizations, profiles } from '@talentgraph/demo-data';
import { startForTests, testUser } from '@talentgraph/testing';
import { countSelects, errorCodes, newPerson, request, rows, startProfilesWorld } from '../support/world.ts';
import { recruiterOf } from './fixtures.ts';

/**
 * Anonymization cannot be walked around: a validated candidate profile is read, on every path —
 * profile(id), profiles, User.profile, _entities, Match.profile, a hit's profile — by its owner,
 * moderators and admins, and by the recruiters and partner keys of an organization that unlocked it
 * (never when the candidate hides it from one of theirs); by nobody else, signed in or not.
 */
const world = startForTests(startProfilesWorld);

const [acme, nordlys] = organizations;
const validated = profiles.filter((profile) => profile.status === 'VALIDATED');
const candidate = validated.find((profile) => profile.kind === 'CANDIDATE')!;
const mentor = validated.find((profile) => profile.kind === 'MENTOR')!;

const partnerOf = (organizationId: string): Viewer => ({
  kind: 'PARTNER',
  apiKeyId: randomUUID(),
  organizationId,
  roles: ['PARTNER'],
});

/**
 * The candidate as `viewer` reads it on every path, null where it is not shown. `Match.profile` is asked
 * as the gateway asks it: a Match reference with the profile id the matching subgraph gave.
 */
async function pathsSeenBy(viewer: Viewer | null) {
  const response = await request<{
    profile: { id: string } | null;
    profiles: { edges: { node: { id: string } }[] };
    user: { profile: { id: string } | null }[];
    reference: ({ id: string } | null)[];
    match: { profile: { id: string } | null }[];
  }>(
    world,
    viewer,
    `query ($id: ID!, $users: [_Any!]!, $profiles: [_Any!]!, $matches: [_Any!]!) {
      profile(id: $id) { id }
      profiles(first: 100) { edges { node { id } } }
      user: _entities(representations: $users) { ... on User { profile { id } } }
      reference: _entities(representations: $profiles) { ... on Profile { id } }
      match: _entities(representations: $matches) { ... on Match { profile { id } } }
    }`,
    {
      id: candidate.id,
      users: [{ __typename: 'User', id: candidate.userId }],
      profiles: [{ __typename: 'Profile', id: candidate.id }],
      matches: [{ __typename: 'Match', id: randomUUID(), profileId: candidate.id }],
    },
  );
  expect(response.errors).toBeUndefined();
  const data = response.data!;
  return {
    byId: data.profile?.id ?? null,
    listed: data.profiles.edges.some((edge) => edge.node.id === candidate.id),
    ofUser: data.user[0]?.profile?.id ?? null,
    asReference: data.reference[0]?.id ?? null,
    ofMatch: data.match[0]?.profile?.id ?? null,
  };
}

const everywhere = {
  byId: candidate.id,
  listed: true,
  ofUser: candidate.id,
  asReference: candidate.id,
  ofMatch: candidate.id,
};
const nowhere = { byId: null, listed: false, ofUser: null, asReference: null, ofMatch: null };

const unlockFor = (organizationId: string, profileId = candidate.id) =>
  rows(
    world,
    `insert into profile_unlocks (id, profile_id, organization_id, unlocked_at) values ($1, $2, $3, now())`,
    [randomUUID(), profileId, organizationId],
  );

describe('who reads a validated candidate profile, on every path', () => {
  it('nothing for a recruiter or partner key whose organization did not unlock it; everything once it did; nothing for another organization', async () => {
    const organization = randomUUID();
    const recruiter = recruiterOf(organization);
    const partner = partnerOf(organization);
    expect(await pathsSeenBy(recruiter)).toEqual(nowhere);
    expect(await pathsSeenBy(partner)).toEqual(nowhere);
    await unlockFor(organization);
    expect(await pathsSeenBy(recruiter)).toEqual(everywhere);
    expect(await pathsSeenBy(partner)).toEqual(everywhere);
    expect(await pathsSeenBy(recruiterOf(randomUUID()))).toEqual(nowhere);
    expect(await pathsSeenBy(partnerOf(randomUUID()))).toEqual(nowhere);
    // A member of the organization without the RECRUITER role does not read what it unlocked.
    const member = testUser(randomUUID(), { memberships: [{ organizationId: organization, role: 'OWNER' }] });
    expect(await pathsSeenBy(member)).toEqual(nowhere);
  });

  it('nothing for an anonymous caller, another candidate or a mentor, even once organizations unlocked it', async () => {
    await unlockFor(acme!.id);
    for (const viewer of [null, newPerson({ roles: ['CANDIDATE'] }), newPerson({ roles: ['MENTOR'] })]) {
      expect(await pathsSeenBy(viewer)).toEqual(nowhere);
    }
  });

  it('everything for its owner, moderators and admins, without any unlock', async () => {
    for (const viewer of [
      testUser(candidate.userId),
      newPerson({ roles: ['MODERATOR'] }),
      newPerson({ roles: ['ADMIN'] }),
    ]) {
      expect(await pathsSeenBy(viewer)).toEqual(everywhere);
    }
  });

  it('reads the unlocks of a whole batch of profiles in one query', async () => {
    const organization = randomUUID();
    const recruiter = recruiterOf(organization);
    const candidates = validated.filter((profile) => profile.kind === 'CANDIDATE');
    for (const profile of candidates) await unlockFor(organization, profile.id);
    const read = (count: number) =>
      countSelects(world, async () => {
        const response = await request<{ _entities: ({ profile: { id: string } | null } | null)[] }>(
          world,
          recruiter,
          'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Match { profile { id } } } }',
          {
            r: candidates.slice(0, count).map((profile) => ({
              __typename: 'Match',
              id: randomUUID(),
              profileId: profile.id,
            })),
          },
        );
        expect(response.data!._entities.every((match) => match?.profile != null)).toBe(true);
      });
    // The profiles, then their unlocks by the recruiter's organizations.
    expect(await read(1)).toBe(2);
    expect(await read(candidates.length)).toBe(2);
  });

  it('nothing of a candidate hidden from one of their organizations, unlocked or not', async () => {
    const [hiding] = await rows<{ id: string }>(
      world,
      `select id from profiles where kind = 'CANDIDATE' and status = 'VALIDATED' and id <> $1 limit 1`,
      [candidate.id],
    );
    const organization = randomUUID();
    await unlockFor(organization, hiding!.id);
    await rows(world, 'update profiles set hidden_from_organization_ids = $1 where id = $2', [
      [organization],
      hiding!.id,
    ]);
    const response = await request<{ profile: unknown }>(
      world,
      recruiterOf(organization),
      'query ($id: ID!) { profile(id: $id) { id } }',
      { id: hiding!.id },
    );
    expect(response.data).toEqual({ profile: null });
  });

  it('mentor profiles, their own profile, and everything for moderators', async () => {
    const recruiter = recruiterOf(randomUUID());
    const read = async (viewer: Viewer, id: string) =>
      (
        await request<{ profile: { id: string } | null }>(
          world,
          viewer,
          'query ($id: ID!) { profile(id: $id) { id } }',
          { id },
        )
      ).data!.profile;
    expect(await read(recruiter, mentor.id)).toEqual({ id: mentor.id });
    expect(
      await read(testUser(candidate.userId, { roles: ['CANDIDATE', 'RECRUITER'] }), candidate.id),
    ).toEqual({
      id: candidate.id,
    });
    expect(await read(newPerson({ roles: ['MODERATOR'] }), candidate.id)).toEqual({ id: candidate.id });
    expect(await read(newPerson({ roles: ['CANDIDATE'] }), candidate.id)).toBeNull();
    expect(await read(newPerson({ roles: ['CANDIDATE'] }), mentor.id)).toEqual({ id: mentor.id });
  });

  it('a hit shows its profile once the searching organization unlocked it', async () => {
    const recruiter = recruiterOf(nordlys!.id);
    const hitOf = async () =>
      (
        await request<{
          searchProfiles: {
            edges: { node: { unlocked: boolean; profile: { id: string } | null; headline: string } }[];
          };
        }>(
          world,
          recruiter,
          'query ($q: String) { searchProfiles(query: $q) { edges { node { headline unlocked profile { id } } } } }',
          { q: candidate.headline },
        )
      ).data!.searchProfiles.edges.find((edge) => edge.node.headline === candidate.headline)!.node;
    expect(await hitOf()).toMatchObject({ unlocked: false, profile: null });
    await unlockFor(nordlys!.id);
    expect(await hitOf()).toMatchObject({ unlocked: true, profile: { id: candidate.id } });
  });
});

describe('unlockProfile refuses before counting any quota', () => {
  const UNLOCK = `mutation ($input: UnlockProfileInput!) { unlockProfile(input: $input) { alreadyUnlocked errors { code } } }`;

  it.each<[string, Viewer | null, string]>([
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ['a partner key', partnerOf(acme!.id), 'FORBIDDEN'],
    ['a candidate', newPerson({ roles: ['CANDIDATE'] }), 'FORBIDDEN'],
    ['a recruiter of no organization', newPerson({ roles: ['RECRUITER'] }), 'FORBIDDEN'],
  ])('%s with %s, writing nothing', async (_who, viewer, code) => {
    const before = await rows(world, 'select * from profile_unlocks order by id');
    const response = await request(world, viewer, UNLOCK, { input: { profileId: candidate.id } });
    expect(errorCodes(response)).toEqual([code]);
    expect(response.data).toBeNull();
    expect(await rows(world, 'select * from profile_unlocks order by id')).toEqual(before);
  });

  it('a recruiter of several organizations who does not say which one pays', async () => {
    const recruiter = testUser(randomUUID(), {
      roles: ['RECRUITER'],
      memberships: [
        { organizationId: acme!.id, role: 'RECRUITER' },
        { organizationId: nordlys!.id, role: 'RECRUITER' },
      ],
    });
    const response = await request<{ unlockProfile: { errors: { code: string }[] } }>(
      world,
      recruiter,
      UNLOCK,
      {
        input: { profileId: candidate.id },
      },
    );
    expect(response.data!.unlockProfile.errors).toEqual([{ code: 'ORGANIZATION_REQUIRED' }]);
  });
});
