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
import { OfferSchema } from '../../src/entities/Offer.ts';
import { offersSubgraph } from '../../src/subgraph.ts';

/**
 * The offers subgraph's side of GDPR: its section of a person's export, and its erasure consumer group
 * (`offers-erasure`), which handles users.AccountDeleted and users.OrganizationDeleted.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(offersSubgraph, { keySource: issuer.keySource });
});

afterAll(async () => {
  await subgraph?.close();
});

const rows = <Row extends object>(sql: string, values: unknown[] = []) =>
  queryDatabase<Row>(subgraph.database.url, sql, values);

async function addOffer(title: string, organizationId: string, authorId: string | null): Promise<string> {
  const em = subgraph.orm.em.fork();
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

const exportOf = (viewer: Viewer | null, subjectId: string) =>
  requestExportSection(subgraph, issuer, 'offers', viewer, subjectId);

const erase = (event: Parameters<typeof deliverEvent>[3]) =>
  deliverEvent(subgraph, offersSubgraph, 'offers-erasure', event);

describe('the offers section of an export', () => {
  it('lists the offers the person wrote', async () => {
    const personId = randomUUID();
    const organizationId = randomUUID();
    const offerId = await addOffer('Platform engineer', organizationId, personId);
    await addOffer('Written by a colleague', organizationId, randomUUID());

    const response = await exportOf(testUser(personId), personId);

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
    for (const [viewer, code] of exportIntruders()) {
      const response = await exportOf(viewer, personId);
      expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
      expect(JSON.stringify(response)).not.toContain('Confidential opening');
    }
  });
});

describe('offers-erasure', () => {
  it('keeps the person’s offers with their organization, without author; once', async () => {
    const personId = randomUUID();
    const organizationId = randomUUID();
    const written = await addOffer('Data engineer', organizationId, personId);
    const deletion = accountDeletedEvent(personId);

    await erase(deletion);

    expect(await rows('select organization_id, author_id from offers where id = $1', [written])).toEqual([
      { organization_id: organizationId, author_id: null },
    ]);
    expect(await rowsMentioning(subgraph.database.url, [personId])).toEqual([]);

    const later = await addOffer('Written after', organizationId, personId);
    await erase(deletion);
    expect(await rows('select author_id from offers where id = $1', [later])).toEqual([
      { author_id: personId },
    ]);
  });

  it('deletes the offers of an organization deleted with its only member, and only those', async () => {
    const [gone, staying] = [randomUUID(), randomUUID()];
    const ofGone = await addOffer('Founding engineer', gone, randomUUID());
    const ofStaying = await addOffer('Support engineer', staying, randomUUID());

    await erase(organizationDeletedEvent(gone, randomUUID()));

    expect(await rows('select id from offers where id = any($1)', [[ofGone, ofStaying]])).toEqual([
      { id: ofStaying },
    ]);
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const personId = randomUUID();
    const written = await addOffer('Waiting offer', randomUUID(), personId);
    await recordWaitingEventAbout(subgraph.database.url, personId);

    await expect(erase(accountDeletedEvent(personId))).rejects.toThrow('still wait in the outbox');

    expect(await rows('select author_id from offers where id = $1', [written])).toEqual([
      { author_id: personId },
    ]);
  });
});
