import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import {
  accountDeletedEvent,
  createTestIssuer,
  deliverEvent,
  exportIntruders,
  organizationDeletedEvent,
  queryDatabase,
  recordWaitingEventAbout,
  requestExportSection,
  rowsMentioning,
  startTestSubgraph,
  testUser,
  type TestIssuer,
  type TestSubgraph,
} from '@talentgraph/testing';
import { MatchSchema } from '../../src/entities/Match.ts';
import { OfferSnapshotSchema } from '../../src/entities/OfferSnapshot.ts';
import { ProfileSnapshotSchema } from '../../src/entities/ProfileSnapshot.ts';
import { matchingSubgraph } from '../../src/subgraph.ts';

/**
 * The matching subgraph's side of GDPR: its section of a person's export (the read model's copy of
 * their profile and its matches), and its erasure consumer group (`matching-erasure`).
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(matchingSubgraph, { keySource: issuer.keySource });
});

afterAll(async () => {
  await subgraph?.close();
});

const rows = <Row extends object>(sql: string, values: unknown[] = []) =>
  queryDatabase<Row>(subgraph.database.url, sql, values);

/** A profile snapshot of `userId`, an offer snapshot of `organizationId`, and their match. */
async function matched(userId: string, organizationId = randomUUID()) {
  const em = subgraph.orm.em.fork();
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

const exportOf = (viewer: Viewer | null, subjectId: string) =>
  requestExportSection(subgraph, issuer, 'matching', viewer, subjectId);

const erase = (event: Parameters<typeof deliverEvent>[3]) =>
  deliverEvent(subgraph, matchingSubgraph, 'matching-erasure', event);

describe('the matching section of an export', () => {
  it('holds the copy of the person’s profile and its matches with their explanation', async () => {
    const personId = randomUUID();
    const { profileId, offerId, matchId } = await matched(personId);

    const response = await exportOf(testUser(personId), personId);

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
    for (const [viewer, code] of exportIntruders()) {
      const response = await exportOf(viewer, personId);
      expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
      expect(JSON.stringify(response)).not.toContain('Grenoble');
    }
  });
});

describe('matching-erasure', () => {
  it('deletes the copy of the person’s profile and its matches, once; the offers stay', async () => {
    const personId = randomUUID();
    const { profileId, offerId } = await matched(personId);
    const deletion = accountDeletedEvent(personId);

    await erase(deletion);

    expect(await rowsMentioning(subgraph.database.url, [personId, profileId])).toEqual([]);
    expect(await rows('select id from offer_snapshots where id = $1', [offerId])).toEqual([{ id: offerId }]);

    const later = await matched(personId);
    await erase(deletion);
    expect(await rows('select id from profile_snapshots where id = $1', [later.profileId])).toEqual([
      { id: later.profileId },
    ]);
  });

  it('deletes the offers of an organization deleted with its only member, with their matches', async () => {
    const gone = randomUUID();
    const { offerId, matchId } = await matched(randomUUID(), gone);
    const staying = await matched(randomUUID());

    await erase(organizationDeletedEvent(gone, randomUUID()));

    expect(
      await rows('select id from offer_snapshots where id = any($1)', [[offerId, staying.offerId]]),
    ).toEqual([{ id: staying.offerId }]);
    expect(await rows('select id from matches where id = $1', [matchId])).toEqual([]);
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const personId = randomUUID();
    const { profileId } = await matched(personId);
    await recordWaitingEventAbout(subgraph.database.url, personId);

    await expect(erase(accountDeletedEvent(personId))).rejects.toThrow('still wait in the outbox');

    expect(await rows('select id from profile_snapshots where id = $1', [profileId])).toEqual([
      { id: profileId },
    ]);
  });
});
