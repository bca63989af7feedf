import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createEvent,
  createEventTransport,
  type EventActor,
  type EventEnvelope,
  type EventTransport,
} from '@talentgraph/events';
import {
  createTestDatabase,
  queryDatabase,
  startTestSubgraph,
  type TestDatabase,
  type TestSubgraph,
} from '@talentgraph/testing';
import { AUDIT_GROUP, auditHandlers } from '../../src/audit/audit-consumer.ts';
import { usersSubgraph } from '../../src/subgraph.ts';

/**
 * The users subgraph's audit consumer group on a real event log: other services' events published on it
 * become entries of the audit log (or nothing), as the users subgraph runs in production.
 */

let eventLog: TestDatabase;
let subgraph: TestSubgraph;
let transport: EventTransport;

beforeAll(async () => {
  eventLog = await createTestDatabase('audit_consumer_event_bus');
  subgraph = await startTestSubgraph(usersSubgraph, { eventsDatabaseUrl: eventLog.url, seed: false });
  transport = await createEventTransport({ eventsDatabaseUrl: eventLog.url });
});

afterAll(async () => {
  await transport?.close();
  await subgraph?.close();
  await eventLog?.drop();
});

interface AuditRow {
  id: string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  subgraph: string;
  request_id: string | null;
  ip: string | null;
  occurred_at: Date;
  details: Record<string, unknown>;
  event_id: string | null;
}

const entriesOf = (eventId: string) =>
  queryDatabase<AuditRow>(subgraph.database.url, 'select * from audit_log where event_id = $1', [eventId]);

const moderator: EventActor = { kind: 'USER', id: randomUUID() };

function memberRemoved(payload: Record<string, unknown> = {}, actor: EventActor = moderator) {
  const communityId = randomUUID();
  return createEvent({
    type: 'community.MemberRemoved',
    version: 1,
    aggregate: { type: 'Community', id: communityId },
    payload: { communityId, userId: randomUUID(), role: 'MEMBER', removedBy: actor.id, ...payload },
    actor,
    correlationId: `request-${randomUUID().slice(0, 8)}`,
  });
}

/**
 * Publishes the events, then a last one the group audits, and waits for that one's entry: one consumer
 * handles a group's events in publish order, so everything before it has been handled by then.
 */
async function publishAndSettle(...events: EventEnvelope[]): Promise<void> {
  const marker = memberRemoved();
  await transport.publish([...events, marker]);
  await vi.waitFor(async () => expect(await entriesOf(marker.id)).toHaveLength(1), {
    timeout: 10_000,
    interval: 50,
  });
}

describe(`consumer group ${AUDIT_GROUP}`, () => {
  it('records a moderator’s removal of a member as the event says: actor, time, request id, target', async () => {
    const removal = memberRemoved({ role: 'MODERATOR' });
    await publishAndSettle(removal);
    expect(await entriesOf(removal.id)).toEqual([
      {
        id: expect.any(String),
        actor_kind: 'USER',
        actor_id: moderator.id,
        action: 'moderation.member_removed',
        target_type: 'Community',
        target_id: removal.payload.communityId,
        subgraph: 'community',
        request_id: removal.correlationId,
        ip: null,
        occurred_at: new Date(removal.occurredAt),
        details: {
          eventType: 'community.MemberRemoved',
          userId: removal.payload.userId,
          role: 'MODERATOR',
        },
        event_id: removal.id,
      },
    ]);
  });

  it('leaves one entry for an event delivered again, by the transport or to the handler itself', async () => {
    const removal = memberRemoved();
    await publishAndSettle(removal);
    await publishAndSettle(removal);
    // Past the group's record of handled events (a replayed dead letter, a race between consumers).
    await subgraph.orm.em
      .fork()
      .transactional((tx) => auditHandlers['community.MemberRemoved']!.handle(removal, tx, directDelivery()));
    expect(await entriesOf(removal.id)).toHaveLength(1);
  });

  it('ignores event types it does not audit, and events of an audited type that are no sensitive action', async () => {
    const added = createEvent({
      type: 'community.PostAdded',
      version: 1,
      aggregate: { type: 'Post', id: randomUUID() },
      payload: { postId: randomUUID(), communityId: randomUUID(), authorId: moderator.id },
      actor: moderator,
    });
    const leftByThemselves = memberRemoved({ userId: moderator.id });
    const ownPostDeleted = createEvent({
      type: 'community.PostDeleted',
      version: 1,
      aggregate: { type: 'Post', id: randomUUID() },
      payload: {
        postId: randomUUID(),
        communityId: randomUUID(),
        authorId: moderator.id,
        deletedBy: moderator.id,
      },
      actor: moderator,
    });
    await publishAndSettle(added, leftByThemselves, ownPostDeleted);
    for (const ignored of [added, leftByThemselves, ownPostDeleted]) {
      expect(await entriesOf(ignored.id), ignored.type).toEqual([]);
    }
    expect((await transport.deadLetters.list({ group: AUDIT_GROUP })).deadLetters).toEqual([]);
  });

  it('never copies the personal data a payload carries, and names a partner by its key', async () => {
    const apiKeyId = randomUUID();
    const organizationId = randomUUID();
    const view = createEvent({
      type: 'profiles.ProfileViewed',
      version: 1,
      aggregate: { type: 'Profile', id: randomUUID() },
      payload: {
        profileId: randomUUID(),
        ownerId: randomUUID(),
        viewerOrganizationIds: [organizationId],
        ownerName: 'Ada Lovelace',
        ownerEmail: 'ada.lovelace@example.com',
        headline: 'Analyst in London',
      },
      actor: { kind: 'PARTNER', id: apiKeyId },
      correlationId: 'partner-request-1',
    });
    await publishAndSettle(view);
    const [entry] = await entriesOf(view.id);
    expect(entry).toMatchObject({
      actor_kind: 'PARTNER',
      actor_id: apiKeyId,
      action: 'profile.viewed_by_recruiter',
      target_type: 'Profile',
      target_id: view.payload.profileId,
      subgraph: 'profiles',
      details: {
        eventType: 'profiles.ProfileViewed',
        ownerId: view.payload.ownerId,
        viewerOrganizationIds: [organizationId],
      },
    });
    const stored = JSON.stringify(
      await queryDatabase(subgraph.database.url, 'select * from audit_log where event_id = $1', [view.id]),
    );
    for (const personal of ['Ada', 'Lovelace', 'example.com', 'London']) {
      expect(stored).not.toContain(personal);
    }
  });

  it('makes a dead letter at once of an event that cannot be an entry, and records nothing of it', async () => {
    const malformed = memberRemoved({ userId: 'someone@example.com' });
    await publishAndSettle(malformed);
    expect(await entriesOf(malformed.id)).toEqual([]);
    const { deadLetters } = await transport.deadLetters.list({ group: AUDIT_GROUP });
    const ofThisEvent = deadLetters.filter((deadLetter) => deadLetter.event.id === malformed.id);
    expect(ofThisEvent.map(({ event, attempts, error }) => ({ id: event.id, attempts, error }))).toEqual([
      {
        id: malformed.id,
        attempts: 1,
        error: 'NonRetryableEventError: Invalid audit entry payload.userId: must hold ids or codes only',
      },
    ]);
  });
});

/** A delivery context for calling a handler directly. */
function directDelivery() {
  return { attempt: 1, signal: new AbortController().signal };
}
