import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import {
  accountDeletedEvent,
  deliverToErasure,
  expectExportRefusedToOthers,
  outboxPublished,
  recordWaitingEventAbout,
  request,
  requestExportSection,
  rows,
  rowsMentioning,
  startForTests,
  startTestWorld,
  testUser,
} from '@talentgraph/testing';
import { profilesSubgraph } from '../../src/subgraph.ts';

/**
 * The profiles subgraph's side of GDPR: its section of a person's export, and its erasure consumer group
 * (`profiles-erasure`), which handles users.AccountDeleted. Profiles are written through the API.
 */
const world = startForTests(() => startTestWorld(profilesSubgraph));

/** A candidate's profile with a part of each kind, every text carrying `marker`. */
async function profileOf(person: Viewer, marker: string): Promise<string> {
  const created = await request<{ createProfile: { profile: { id: string } | null; errors: unknown[] } }>(
    world,
    person,
    `mutation ($input: CreateProfileInput!) { createProfile(input: $input) { profile { id } errors { code } } }`,
    {
      input: {
        kind: 'CANDIDATE',
        headline: `Data engineer ${marker}`,
        summary: `Pipelines and people, ${marker}.`,
        location: { city: 'Lille', countryCode: 'FR' },
      },
    },
  );
  const profileId = created.data!.createProfile.profile!.id;
  const steps = [
    [
      'mutation ($input: SetProfileSkillsInput!) { setProfileSkills(input: $input) { errors { code } } }',
      { profileId, skills: [{ skill: { name: 'Python' }, level: 'ADVANCED', yearsOfExperience: 5 }] },
    ],
    [
      'mutation ($input: SetProfileLanguagesInput!) { setProfileLanguages(input: $input) { errors { code } } }',
      { profileId, languages: [{ code: 'fr', level: 'C2' }] },
    ],
    [
      'mutation ($input: AddExperienceInput!) { addExperience(input: $input) { errors { code } } }',
      { profileId, organizationName: `Employer ${marker}`, title: 'Data engineer', startDate: '2020-01-01' },
    ],
  ] as const;
  for (const [mutation, input] of steps) {
    const response = await request<Record<string, { errors: unknown[] }>>(world, person, mutation, { input });
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!)[0]!.errors).toEqual([]);
  }
  return profileId;
}

describe('the profiles section of an export', () => {
  it('holds the person’s profile with its skills, languages and experiences', async () => {
    const userId = randomUUID();
    const profileId = await profileOf(testUser(userId), 'export');

    const response = await requestExportSection(world, 'profiles', testUser(userId), userId);

    const { profile } = response.data!._entities[0]!.profiles!;
    expect(profile).toMatchObject({
      id: profileId,
      userId,
      headline: 'Data engineer export',
      city: 'Lille',
      skills: [expect.objectContaining({ name: 'Python', level: 'ADVANCED', yearsOfExperience: 5 })],
      languages: [expect.objectContaining({ code: 'fr', level: 'C2' })],
      experiences: [expect.objectContaining({ organizationName: 'Employer export', title: 'Data engineer' })],
    });
  });

  it('says so when the person has no profile', async () => {
    const userId = randomUUID();
    expect(
      (await requestExportSection(world, 'profiles', testUser(userId), userId)).data!._entities[0]!.profiles,
    ).toEqual({
      profile: null,
      unlocksMade: [],
    });
  });

  it('is the person’s own: someone else is FORBIDDEN, a partner key FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const userId = randomUUID();
    await profileOf(testUser(userId), 'secret');
    await expectExportRefusedToOthers(world, 'profiles', userId, 'Data engineer secret');
  });
});

describe('profiles-erasure', () => {
  it('deletes the profile and every part of it, once: a profile made since stays', async () => {
    const userId = randomUUID();
    const marker = `m${randomBytes(4).toString('hex')}`;
    const profileId = await profileOf(testUser(userId), marker);
    await outboxPublished(world.subgraph.database.url);
    const deletion = accountDeletedEvent(userId);

    await deliverToErasure(world, deletion);

    expect(await rowsMentioning(world.subgraph.database.url, [userId, profileId, marker])).toEqual([]);

    const later = await profileOf(testUser(userId), 'again');
    await outboxPublished(world.subgraph.database.url);
    await deliverToErasure(world, deletion);
    expect(await rows(world, 'select id from profiles where id = $1', [later])).toEqual([{ id: later }]);
  });

  it("takes an erased moderator's, uploader's and recruiter's id off the rows that name them, and gives the reviews a moderator left open back to the queue", async () => {
    const moderatorId = randomUUID();
    const uploaderId = randomUUID();
    const recruiterId = randomUUID();
    const organizationId = randomUUID();
    const inReview = await profileOf(testUser(randomUUID()), 'in review');
    const decided = await profileOf(testUser(randomUUID()), 'decided');
    await rows(
      world,
      `update profiles set status = 'IN_REVIEW', submitted_at = now() - interval '1 day' where id = $1`,
      [inReview],
    );
    await rows(
      world,
      `update profiles set status = 'VALIDATED', submitted_at = now() - interval '2 days' where id = $1`,
      [decided],
    );
    const [openReview] = await rows<{ id: string }>(
      world,
      `insert into profile_reviews (id, profile_id, reviewer_id, claimed_at) values ($1, $2, $3, now()) returning id`,
      [randomUUID(), inReview, moderatorId],
    );
    await rows(
      world,
      `insert into profile_reviews (id, profile_id, reviewer_id, claimed_at, ended_at, outcome, reasons, comment)
       values ($1, $2, $3, now() - interval '1 day', now(), 'VALIDATED', '{}', 'Clear and complete')`,
      [randomUUID(), decided, moderatorId],
    );
    const [document] = await rows<{ id: string }>(
      world,
      `insert into profile_documents (id, profile_id, kind, document_type, media_type, file_name, byte_size, sha256,
         uploaded_by, uploaded_at, parse_warnings, decisions)
       values ($1, $2, 'CV', 'TEXT', 'text/plain', 'cv.txt', 10, $3, $4, now(), '{}', '{}') returning id`,
      [randomUUID(), decided, 'a'.repeat(64), uploaderId],
    );
    const upload = (used: boolean) =>
      rows<{ id: string }>(
        world,
        `insert into profile_document_uploads (id, profile_id, token_hash, kind, file_name, requested_by, expires_at, used_at)
         values ($1, $2, $3, 'CV', 'cv.txt', $4, now() + interval '10 minutes', $5) returning id`,
        [randomUUID(), decided, randomBytes(32).toString('hex'), uploaderId, used ? new Date() : null],
      );
    const [usedUpload] = await upload(true);
    const [unusedUpload] = await upload(false);
    await rows(
      world,
      `insert into profile_unlocks (id, profile_id, organization_id, unlocked_by, unlocked_at) values ($1, $2, $3, $4, now())`,
      [randomUUID(), decided, organizationId, recruiterId],
    );
    await outboxPublished(world.subgraph.database.url);

    for (const personId of [moderatorId, uploaderId, recruiterId])
      await deliverToErasure(world, accountDeletedEvent(personId));

    expect(await rowsMentioning(world.subgraph.database.url, [moderatorId, uploaderId, recruiterId])).toEqual(
      [],
    );
    // The open review ended as a release: the profile waits in the queue again, at its place.
    expect(
      await rows(
        world,
        `select reviewer_id, outcome, ended_at is not null as ended from profile_reviews where id = $1`,
        [openReview!.id],
      ),
    ).toEqual([{ reviewer_id: null, outcome: 'RELEASED', ended: true }]);
    expect(await rows(world, `select status from profiles where id = $1`, [inReview])).toEqual([
      { status: 'SUBMITTED' },
    ]);
    const [released] = await rows<{
      envelope: { type: string; actor: unknown; payload: Record<string, unknown> };
    }>(
      world,
      `select envelope from event_outbox where envelope->'aggregate'->>'id' = $1 order by sequence desc limit 1`,
      [inReview],
    );
    expect(released!.envelope).toMatchObject({
      type: 'profiles.ProfileUpdated',
      payload: { changedParts: ['status'], reviewId: openReview!.id, reviewerId: null },
    });
    // The rest stays, without the person: the decision, the document, the used URL, the unlock.
    expect(
      await rows(world, `select reviewer_id, outcome, comment from profile_reviews where profile_id = $1`, [
        decided,
      ]),
    ).toEqual([{ reviewer_id: null, outcome: 'VALIDATED', comment: 'Clear and complete' }]);
    expect(
      await rows(world, `select uploaded_by from profile_documents where id = $1`, [document!.id]),
    ).toEqual([{ uploaded_by: null }]);
    expect(
      await rows(
        world,
        `select id, requested_by from profile_document_uploads where id = any($1) order by id`,
        [[usedUpload!.id, unusedUpload!.id]],
      ),
    ).toEqual([{ id: usedUpload!.id, requested_by: null }]);
    expect(
      await rows(world, `select organization_id, unlocked_by from profile_unlocks where profile_id = $1`, [
        decided,
      ]),
    ).toEqual([{ organization_id: organizationId, unlocked_by: null }]);
    expect(await rows(world, `select status from profiles where id = $1`, [decided])).toEqual([
      { status: 'VALIDATED' },
    ]);
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const userId = randomUUID();
    const profileId = await profileOf(testUser(userId), 'waiting');
    await outboxPublished(world.subgraph.database.url);
    await recordWaitingEventAbout(world.subgraph.database.url, userId);

    await expect(deliverToErasure(world, accountDeletedEvent(userId))).rejects.toThrow(
      'still wait in the outbox',
    );

    expect(await rows(world, 'select id from profiles where id = $1', [profileId])).toEqual([
      { id: profileId },
    ]);
  });
});
