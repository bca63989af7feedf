import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  accountDeletedEvent,
  deliverToErasure,
  expectExportRefusedToOthers,
  organizationDeletedEvent,
  recordWaitingEventAbout,
  requestExportSection,
  rows,
  rowsMentioning,
  startForTests,
  startTestWorld,
  testUser,
} from '@talentgraph/testing';
import { MatchSchema } from '../../src/entities/Match.ts';
import { OfferSnapshotSchema } from '../../src/entities/OfferSnapshot.ts';
import { ProfileSnapshotSchema } from '../../src/entities/ProfileSnapshot.ts';
import { matchingSubgraph } from '../../src/subgraph.ts';

/**
 * The matching subgraph's side of GDPR: its section of a person's export (the read model's copy of
 * their profile and its matches), and its erasure consumer group (`matching-erasure`).
 */
const world = startForTests(() => startTestWorld(matchingSubgraph));

/** A profile snapshot of `userId`, an offer snapshot of `organizationId`, and their match. */
async function matched(userId: string, organizationId = randomUUID()) {
  const em = world.subgraph.orm.em.fork();
  const profile = em.create(ProfileSnapshotSchema, {
    id: randomUUID(),
    userId,
    kind: 'CANDIDATE',
    skills: [{ name: 'Rust', years: 4 }],
    yearsOfExperience: 6,
    city: 'Grenoble',
    countryCode: 'FR',
    remotePreference: 'HYBRID',
    desiredContractTypes: ['PERMANENT'],
    languages: [{ code: 'fr', level: 'C2' }],
    status: 'VALIDATED',
  });
  const offer = em.create(OfferSnapshotSchema, {
    id: randomUUID(),
    organizationId,
    kind: 'JOB',
    requiredSkills: ['Rust'],
    niceToHaveSkills: [],
    minYearsOfExperience: 3,
    city: 'Grenoble',
    countryCode: 'FR',
    remotePolicy: 'HYBRID',
    contractType: 'PERMANENT',
    status: 'PUBLISHED',
  });
  const match = em.create(MatchSchema, {
    profile,
    offer,
    score: 87,
    criteria: [{ criterion: 'REQUIRED_SKILLS', weight: 50, score: 1, explanation: 'Rust, 4 years.' }],
    status: 'SHORTLISTED',
    computedAt: new Date(),
  });
  await em.flush();
  return { profileId: profile.id, offerId: offer.id, matchId: match.id };
}

describe('the matching section of an export', () => {
  it('holds the copy of the person’s profile and its matches with their explanation', async () => {
    const personId = randomUUID();
    const { profileId, offerId, matchId } = await matched(personId);

    const response = await requestExportSection(world, 'matching', testUser(personId), personId);

    expect(response.data!._entities[0]!.matching).toEqual({
      profiles: [
        expect.objectContaining({
          profileId,
          skills: [{ name: 'Rust', years: 4 }],
          city: 'Grenoble',
          matches: [
            {
              id: matchId,
              offerId,
              score: 87,
              criteria: [
                { criterion: 'REQUIRED_SKILLS', weight: 50, score: 1, explanation: 'Rust, 4 years.' },
              ],
              status: 'SHORTLISTED',
              computedAt: expect.any(String),
            },
          ],
        }),
      ],
    });
  });

  it('is the person’s own: someone else is FORBIDDEN, a partner key FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const personId = randomUUID();
    await matched(personId);
    await expectExportRefusedToOthers(world, 'matching', personId, 'Grenoble');
  });
});

describe('matching-erasure', () => {
  it('deletes the copy of the person’s profile and its matches, once; the offers stay', async () => {
    const personId = randomUUID();
    const { profileId, offerId } = await matched(personId);
    const deletion = accountDeletedEvent(personId);

    await deliverToErasure(world, deletion);

    expect(await rowsMentioning(world.subgraph.database.url, [personId, profileId])).toEqual([]);
    expect(await rows(world, 'select id from offer_snapshots where id = $1', [offerId])).toEqual([
      { id: offerId },
    ]);

    const later = await matched(personId);
    await deliverToErasure(world, deletion);
    expect(await rows(world, 'select id from profile_snapshots where id = $1', [later.profileId])).toEqual([
      { id: later.profileId },
    ]);
  });

  it('deletes the offers of an organization deleted with its only member, with their matches', async () => {
    const gone = randomUUID();
    const { offerId, matchId } = await matched(randomUUID(), gone);
    const staying = await matched(randomUUID());

    await deliverToErasure(world, organizationDeletedEvent(gone, randomUUID()));

    expect(
      await rows(world, 'select id from offer_snapshots where id = any($1)', [[offerId, staying.offerId]]),
    ).toEqual([{ id: staying.offerId }]);
    expect(await rows(world, 'select id from matches where id = $1', [matchId])).toEqual([]);
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const personId = randomUUID();
    const { profileId } = await matched(personId);
    await recordWaitingEventAbout(world.subgraph.database.url, personId);

    await expect(deliverToErasure(world, accountDeletedEvent(personId))).rejects.toThrow(
      'still wait in the outbox',
    );

    expect(await rows(world, 'select id from profile_snapshots where id = $1', [profileId])).toEqual([
      { id: profileId },
    ]);
  });
});
