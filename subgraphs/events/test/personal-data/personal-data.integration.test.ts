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
import { EventSchema } from '../../src/entities/Event.ts';
import { eventsSubgraph } from '../../src/subgraph.ts';

/**
 * The events subgraph's side of GDPR: its section of a person's export, and its erasure consumer group
 * (`events-erasure`), which handles users.AccountDeleted and users.OrganizationDeleted.
 */
const world = startForTests(() => startTestWorld(eventsSubgraph));

async function addEvent(title: string, organizerId: string, organizationId: string | null): Promise<string> {
  const em = world.subgraph.orm.em.fork();
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

describe('the events section of an export', () => {
  it('holds the events the person organizes, with their description', async () => {
    const personId = randomUUID();
    const eventId = await addEvent('Portfolio review', personId, null);

    const response = await requestExportSection(world, 'events', testUser(personId), personId);

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
    await expectExportRefusedToOthers(world, 'events', personId, 'Secret workshop');
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

    await deliverToErasure(world, deletion);

    expect(await rows(world, 'select id from events where id = $1', [own])).toEqual([]);
    expect(
      await rows(world, 'select organizer_id, organization_id from events where id = $1', [
        forTheOrganization,
      ]),
    ).toEqual([{ organizer_id: null, organization_id: organizationId }]);
    expect(await rows(world, 'select id from events where id = $1', [someoneElses])).toEqual([
      { id: someoneElses },
    ]);
    expect(await rowsMentioning(world.subgraph.database.url, [person])).toEqual([]);

    // Delivered again: no second effect, what the id organizes since is untouched.
    const later = await addEvent('Organized after', person, null);
    await deliverToErasure(world, deletion);
    expect(await rows(world, 'select id from events where id = $1', [later])).toEqual([{ id: later }]);
  });

  it('deletes the events of an organization deleted with its only member, and only those', async () => {
    const [gone, staying] = [randomUUID(), randomUUID()];
    const person = randomUUID();
    const ofGone = await addEvent('Open day', randomUUID(), gone);
    const ofStaying = await addEvent('Hiring day', person, staying);

    await deliverToErasure(world, organizationDeletedEvent(gone, person));

    expect(
      await rows(world, 'select id from events where id = any($1) order by id', [[ofGone, ofStaying]]),
    ).toEqual([{ id: ofStaying }]);
  });

  it('rolls back, to be retried, while an event about the person waits in the outbox', async () => {
    const person = randomUUID();
    const own = await addEvent('Waiting meetup', person, null);
    await recordWaitingEventAbout(world.subgraph.database.url, person);

    await expect(deliverToErasure(world, accountDeletedEvent(person))).rejects.toThrow(
      'still wait in the outbox',
    );

    expect(await rows(world, 'select organizer_id from events where id = $1', [own])).toEqual([
      { organizer_id: person },
    ]);
  });
});
