import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { profiles } from '@talentgraph/demo-data';
import {
  accountDeletedEvent,
  deliverToErasure,
  organizationDeletedEvent,
  outboxPublished,
  requestExportSection,
  rows,
  startForTests,
  startTestWorld,
  testUser,
} from '@talentgraph/testing';
import { profilesSubgraph } from '../../src/subgraph.ts';

/**
 * Unlocks and search documents in the GDPR export and erasure of the profiles subgraph: the
 * organizations that unlocked a person's profile are in their export, the profiles a recruiter unlocked
 * in theirs; erasing a candidate erases their document and the unlocks of their profile, erasing a
 * recruiter keeps their organization's unlocks without their name, deleting an organization its unlocks.
 */
const world = startForTests(() => startTestWorld(profilesSubgraph));

const candidates = profiles.filter(
  (profile) => profile.status === 'VALIDATED' && profile.kind === 'CANDIDATE',
);

async function unlock(profileId: string, organizationId: string, recruiterId: string, at: string) {
  await rows(
    world,
    `insert into profile_unlocks (id, profile_id, organization_id, unlocked_by, unlocked_at) values ($1, $2, $3, $4, $5)`,
    [randomUUID(), profileId, organizationId, recruiterId, at],
  );
}

describe('unlocks in the export', () => {
  it('show a candidate which organizations unlocked their profile and when, not who; a recruiter what they unlocked', async () => {
    const [candidate] = candidates;
    const organization = randomUUID();
    const recruiterId = randomUUID();
    await unlock(candidate!.id, organization, recruiterId, '2026-11-30T10:00:00.000Z');

    const own = await requestExportSection(world, 'profiles', testUser(candidate!.userId), candidate!.userId);
    const section = own.data!._entities[0]!.profiles as { profile: { unlocks: unknown[] } };
    expect(section.profile.unlocks).toContainEqual({
      organizationId: organization,
      unlockedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(JSON.stringify(section.profile.unlocks)).not.toContain(recruiterId);

    const recruiters = await requestExportSection(world, 'profiles', testUser(recruiterId), recruiterId);
    expect(recruiters.data!._entities[0]!.profiles).toEqual({
      profile: null,
      unlocksMade: [
        { profileId: candidate!.id, organizationId: organization, unlockedAt: '2026-11-30T10:00:00.000Z' },
      ],
    });
  });
});

describe('unlocks and search documents in erasures', () => {
  it('a candidate’s erasure takes their search document and the unlocks of their profile', async () => {
    const candidate = candidates[1]!;
    await unlock(candidate.id, randomUUID(), randomUUID(), '2026-11-30T11:00:00.000Z');
    expect(
      await rows(world, 'select 1 from profile_search_documents where profile_id = $1', [candidate.id]),
    ).toHaveLength(1);
    await outboxPublished(world.subgraph.database.url);

    await deliverToErasure(world, accountDeletedEvent(candidate.userId));

    expect(
      await rows(world, 'select 1 from profile_search_documents where profile_id = $1', [candidate.id]),
    ).toEqual([]);
    expect(await rows(world, 'select 1 from profile_unlocks where profile_id = $1', [candidate.id])).toEqual(
      [],
    );
  });

  it('a recruiter’s erasure keeps their organization’s unlocks, without their name', async () => {
    const candidate = candidates[2]!;
    const organization = randomUUID();
    const recruiterId = randomUUID();
    await unlock(candidate.id, organization, recruiterId, '2026-11-30T12:00:00.000Z');
    await outboxPublished(world.subgraph.database.url);

    await deliverToErasure(world, accountDeletedEvent(recruiterId));

    expect(
      await rows(world, 'select organization_id, unlocked_by from profile_unlocks where profile_id = $1', [
        candidate.id,
      ]),
    ).toContainEqual({
      organization_id: organization,
      unlocked_by: null,
    });
    expect(await rows(world, 'select 1 from profile_unlocks where unlocked_by = $1', [recruiterId])).toEqual(
      [],
    );
  });

  it('an organization deleted with its only member takes its unlocks, and only its own', async () => {
    const candidate = candidates[3]!;
    const [deleted, other] = [randomUUID(), randomUUID()];
    await unlock(candidate.id, deleted, randomUUID(), '2026-11-30T13:00:00.000Z');
    await unlock(candidate.id, other, randomUUID(), '2026-11-30T13:00:00.000Z');

    await deliverToErasure(world, organizationDeletedEvent(deleted, randomUUID()));

    expect(
      (
        await rows<{ organization_id: string }>(
          world,
          'select organization_id from profile_unlocks where profile_id = $1',
          [candidate.id],
        )
      ).map((row) => row.organization_id),
    ).toEqual([other]);
  });
});
