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
import { EventSchema } from '../../src/entities/Event.ts';
import { eventsSubgraph } from '../../src/subgraph.ts';

/**
 * The events subgraph's side of GDPR: its section of a person's export, and its erasure consumer group
 * (`events-erasure`), which handles users.AccountDeleted and users.OrganizationDeleted.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(eventsSubgraph, { keySource: issuer.keySource });
});

afterAll(async () => {
  await subgraph?.close();
});

const rows = <Row extends object>(sql: string, values: unknown[] = []) =>
  queryDatabase<Row>(subgraph.database.url, sql, values);

async function addEvent(title: string, organizerId: string, organizationId: string | null): Promise<string> {
  const em = subgraph.orm.em.fork();
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const event = em.create(EventSchema, {
    kind: 'WORKSHOP',
    title,
    description: `${title}, in the organizer's words.`,
    organizerId,
    organizationId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    timeZone: 'Europe/Paris',
    format: 'ONLINE',
    onlineUrl: 'https://meet.talentgraph.example/workshop',
    capacity: 20,
  });
  await em.flush();
  return event.id;
}

const exportOf = (viewer: Viewer | null, subjectId: string) =>
  requestExportSection(subgraph, issuer, 'events', viewer, subjectId);

const erase = (event: Parameters<typeof deliverEvent>[3]) =>
  deliverEvent(subgraph, eventsSubgraph, 'events-erasure', event);

describe('the events section of an export', () => {
  it('holds the events the person organizes, with their description', async () => {
    const personId = randomUUID();
    const eventId = await addEvent('Portfolio review', personId, null);

    const response = await exportOf(testUser(personId), personId);

    expect(response.data!._entities[0]!.events).toEqual({
      eventsOrganized: [
        expect.objectContaining({
          id: eventId,
          title: 'Portfolio review',
          description: "Portfolio review, in the organizer's words.",
          organizationId: null,
          startsAt: expect.any(String),
        }),
      ],
    });
  });

  it('is the person’s own: someone else is FORBIDDEN, a partner key FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const personId = randomUUID();
    await addEvent('Secret workshop', personId, null);
    for (const [viewer, code] of exportIntruders()) {
      const response = await exportOf(viewer, personId);
      expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
      expect(JSON.stringify(response)).not.toContain('Secret workshop');
    }
  });
});

describe('events-erasure', () => {
  it('deletes the person’s own events and keeps their organization’s, without organizer; once', async () => {
    const person = randomUUID();
    const organizationId = randomUUID();
    const own = await addEvent('My own meetup', person, null);
    const forTheOrganization = await addEvent('Company job fair', person, organizationId);
    const someoneElses = await addEvent('Someone else’s talk', randomUUID(), null);
    const deletion = accountDeletedEvent(person);

    await erase(deletion);

    expect(await rows('select id from events where id = $1', [own])).toEqual([]);
    expect(
      await rows('select organizer_id, organization_id from events where id = $1', [forTheOrganization]),
    ).toEqual([{ organizer_id: null, organization_id: organizationId }]);
    expect(await rows('select id from events where id = $1', [someoneElses])).toEqual([{ id: someoneElses }]);
    expect(await rowsMentioning(subgraph.database.url, [person])).toEqual([]);

    // Delivered again: no second effect, what the id organizes since is untouched.
    const later = await addEvent('Organized after', person, null);
    await erase(deletion);
    expect(await rows('select id from events where id = $1', [later])).toEqual([{ id: later }]);
  });

  it('deletes the events of an organization deleted with its only member, and only those', async () => {
    const [gone, staying] = [randomUUID(), randomUUID()];
    const person = randomUUID();
    const ofGone = await addEvent('Open day', randomUUID(), gone);
    const ofStaying = await addEvent('Hiring day', person, staying);

    await erase(organizationDeletedEvent(gone, person));

    expect(await rows('select id from events where id = any($1) order by id', [[ofGone, ofStaying]])).toEqual(
      [{ id: ofStaying }],
    );
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const person = randomUUID();
    const own = await addEvent('Waiting meetup', person, null);
    await recordWaitingEventAbout(subgraph.database.url, person);

    await expect(erase(accountDeletedEvent(person))).rejects.toThrow('still wait in the outbox');

    expect(await rows('select organizer_id from events where id = $1', [own])).toEqual([
      { organizer_id: person },
    ]);
  });
});
