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
import { OfferSchema } from '../../src/entities/Offer.ts';
import { offersSubgraph } from '../../src/subgraph.ts';

/**
 * The offers subgraph's side of GDPR: its section of a person's export, and its erasure consumer group
 * (`offers-erasure`), which handles users.AccountDeleted and users.OrganizationDeleted.
 */
const world = startForTests(() => startTestWorld(offersSubgraph));

async function addOffer(title: string, organizationId: string, authorId: string | null): Promise<string> {
  const em = world.subgraph.orm.em.fork();
  const offer = em.create(OfferSchema, {
    organizationId,
    authorId,
    kind: 'JOB',
    title,
    description: `${title}: what the team does.`,
    contractType: 'PERMANENT',
    remotePolicy: 'HYBRID',
    requiredSkills: ['TypeScript'],
    niceToHaveSkills: [],
    minYearsOfExperience: 2,
    status: 'PUBLISHED',
    publishedAt: new Date(),
  });
  await em.flush();
  return offer.id;
}

describe('the offers section of an export', () => {
  it('lists the offers the person wrote', async () => {
    const personId = randomUUID();
    const organizationId = randomUUID();
    const offerId = await addOffer('Platform engineer', organizationId, personId);
    await addOffer('Written by a colleague', organizationId, randomUUID());

    const response = await requestExportSection(world, 'offers', testUser(personId), personId);

    expect(response.data!._entities[0]!.offers).toEqual({
      offersWritten: [
        {
          id: offerId,
          organizationId,
          kind: 'JOB',
          title: 'Platform engineer',
          status: 'PUBLISHED',
          createdAt: expect.any(String),
          publishedAt: expect.any(String),
        },
      ],
    });
  });

  it('is the person’s own: someone else is FORBIDDEN, a partner key FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const personId = randomUUID();
    await addOffer('Confidential opening', randomUUID(), personId);
    await expectExportRefusedToOthers(world, 'offers', personId, 'Confidential opening');
  });
});

describe('offers-erasure', () => {
  it('keeps the person’s offers with their organization, without author; once', async () => {
    const personId = randomUUID();
    const organizationId = randomUUID();
    const written = await addOffer('Data engineer', organizationId, personId);
    const deletion = accountDeletedEvent(personId);

    await deliverToErasure(world, deletion);

    expect(
      await rows(world, 'select organization_id, author_id from offers where id = $1', [written]),
    ).toEqual([{ organization_id: organizationId, author_id: null }]);
    expect(await rowsMentioning(world.subgraph.database.url, [personId])).toEqual([]);

    const later = await addOffer('Written after', organizationId, personId);
    await deliverToErasure(world, deletion);
    expect(await rows(world, 'select author_id from offers where id = $1', [later])).toEqual([
      { author_id: personId },
    ]);
  });

  it('deletes the offers of an organization deleted with its only member, and only those', async () => {
    const [gone, staying] = [randomUUID(), randomUUID()];
    const ofGone = await addOffer('Founding engineer', gone, randomUUID());
    const ofStaying = await addOffer('Support engineer', staying, randomUUID());

    await deliverToErasure(world, organizationDeletedEvent(gone, randomUUID()));

    expect(await rows(world, 'select id from offers where id = any($1)', [[ofGone, ofStaying]])).toEqual([
      { id: ofStaying },
    ]);
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const personId = randomUUID();
    const written = await addOffer('Waiting offer', randomUUID(), personId);
    await recordWaitingEventAbout(world.subgraph.database.url, personId);

    await expect(deliverToErasure(world, accountDeletedEvent(personId))).rejects.toThrow(
      'still wait in the outbox',
    );

    expect(await rows(world, 'select author_id from offers where id = $1', [written])).toEqual([
      { author_id: personId },
    ]);
  });
});
