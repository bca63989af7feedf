import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { events, organizations, users } from '@talentgraph/demo-data';
import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { EventSchema } from '../src/entities/Event.ts';
import { eventsSubgraph } from '../src/subgraph.ts';

/**
 * "Not ended yet" and `status` depend on the current time, so besides the demo events (fixed dates) this
 * file adds events placed relative to now, hours away from any boundary, and computes what it expects
 * from both with the same rule: the assertions hold whatever the date the tests run on. The added events
 * are conferences, a kind no demo event has, so that `kind: CONFERENCE` selects them alone.
 */
let subgraph: TestSubgraph;
let statements: string[] = [];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const startedAt = Date.now();

const [acme, nordlys, institut, horizon] = organizations as [
  (typeof organizations)[number],
  (typeof organizations)[number],
  (typeof organizations)[number],
  (typeof organizations)[number],
];
const recruiterOf = (organizationId: string) =>
  users.find((user) => user.membership?.organizationId === organizationId)!;

interface ScheduledEvent {
  readonly id: string;
  readonly organizationId: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
}

const added: ScheduledEvent[] = [];

/** Adds an online conference of `organization`, placed relative to the time the file started. */
async function addEvent(
  title: string,
  organization: (typeof organizations)[number],
  startOffsetMs: number,
  durationMs: number,
): Promise<ScheduledEvent> {
  const em = subgraph.orm.em.fork();
  const event = em.create(EventSchema, {
    kind: 'CONFERENCE',
    title,
    description: `${title}, added by the test.`,
    organizerId: recruiterOf(organization.id).id,
    organizationId: organization.id,
    startsAt: new Date(startedAt + startOffsetMs),
    endsAt: new Date(startedAt + startOffsetMs + durationMs),
    timeZone: 'Europe/Paris',
    format: 'ONLINE',
    onlineUrl: 'https://meet.talentgraph.example/test',
    capacity: 50,
  });
  await em.flush();
  const scheduled = {
    id: event.id,
    organizationId: organization.id,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
  };
  added.push(scheduled);
  return scheduled;
}

let ended: ScheduledEvent;
let endedElsewhere: ScheduledEvent;
let ongoing: ScheduledEvent;
let upcoming: ScheduledEvent;

beforeAll(async () => {
  subgraph = await startTestSubgraph(eventsSubgraph, { onQuery: (sql) => statements.push(sql) });
  ended = await addEvent('Warehouse robotics summit', acme, -7 * DAY_MS, 2 * HOUR_MS);
  endedElsewhere = await addEvent('Data platforms day', nordlys, -2 * DAY_MS, 2 * HOUR_MS);
  ongoing = await addEvent('Fleet software conference', acme, -HOUR_MS, 3 * HOUR_MS);
  upcoming = await addEvent('Robotics hiring conference', acme, DAY_MS, 2 * HOUR_MS);
  await addEvent('Cloud careers conference', nordlys, 2 * DAY_MS, 2 * HOUR_MS);
  await addEvent('Motion planning conference', acme, 7 * DAY_MS, 2 * HOUR_MS);
});

afterAll(async () => {
  await subgraph?.close();
});

beforeEach(() => {
  statements = [];
});

/** What `Organization.events` must list: not ended at request time, by start time then id. */
function notEndedEventsOf(organizationId: string): string[] {
  const now = Date.now();
  return [...events, ...added]
    .filter((event) => event.organizationId === organizationId && Date.parse(event.endsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id))
    .map((event) => event.id);
}

interface OrganizationEvents {
  id: string;
  events: {
    totalCount: number;
    edges: { node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const ORGANIZATION_EVENTS = `query ($representations: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $representations) {
    ... on Organization {
      id
      events(first: $first, after: $after) {
        totalCount
        edges { node { id } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

async function organizationEvents(
  organizationIds: readonly string[],
  page: { first?: number; after?: string | null } = {},
): Promise<OrganizationEvents[]> {
  const response = await graphqlRequest<{ _entities: OrganizationEvents[] }>(
    subgraph.url,
    ORGANIZATION_EVENTS,
    {
      representations: organizationIds.map((id) => ({ __typename: 'Organization', id })),
      ...page,
    },
  );
  expect(response.errors).toBeUndefined();
  return response.data!._entities;
}

describe('Organization.events', () => {
  it('lists the events of each organization that have not ended, soonest first', async () => {
    const result = await organizationEvents([acme.id, nordlys.id, institut.id, horizon.id], { first: 100 });
    for (const [index, organization] of [acme, nordlys, institut, horizon].entries()) {
      const expected = notEndedEventsOf(organization.id);
      expect(result[index]!.id).toBe(organization.id);
      expect(result[index]!.events.edges.map((edge) => edge.node.id)).toEqual(expected);
      expect(result[index]!.events.totalCount).toBe(expected.length);
    }
    const acmeIds = result[0]!.events.edges.map((edge) => edge.node.id);
    expect(acmeIds).toContain(ongoing.id);
    expect(acmeIds).not.toContain(ended.id);
  });

  it('pages through one organization’s events', async () => {
    const expected = notEndedEventsOf(acme.id);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const [organization] = await organizationEvents([acme.id], { first: 2, after });
      seen.push(...organization!.events.edges.map((edge) => edge.node.id));
      expect(organization!.events.totalCount).toBe(expected.length);
      if (!organization!.events.pageInfo.hasNextPage) break;
      after = organization!.events.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });
});

describe('Event.status', () => {
  it('is past, ongoing or upcoming at the time of the request', async () => {
    const response = await graphqlRequest<{ events: { edges: { node: { id: string; status: string } }[] } }>(
      subgraph.url,
      `query ($from: DateTime!, $to: DateTime!) {
        events(from: $from, to: $to, kind: CONFERENCE) { edges { node { id status } } }
      }`,
      {
        from: new Date(startedAt - 8 * DAY_MS).toISOString(),
        to: new Date(startedAt + 2 * DAY_MS - HOUR_MS).toISOString(),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.events.edges.map((edge) => edge.node)).toEqual([
      { id: ended.id, status: 'PAST' },
      { id: endedElsewhere.id, status: 'PAST' },
      { id: ongoing.id, status: 'ONGOING' },
      { id: upcoming.id, status: 'UPCOMING' },
    ]);
  });
});

describe('batching', () => {
  /** SELECT statements sent since the test began (the ORM's query log is colored, hence the stripping). */
  const selects = () =>
    statements
      .map((line) => stripVTControlCharacters(line))
      .filter((line) => /^\[query\] select\b/i.test(line));

  it('loads the events of many organizations in one query', async () => {
    await organizationEvents([acme.id]);
    expect(selects()).toHaveLength(1);
    statements = [];
    await organizationEvents([acme.id, nordlys.id, institut.id, horizon.id]);
    expect(selects()).toHaveLength(1);
  });

  it('resolves many Event references in one query', async () => {
    const response = await graphqlRequest<{ _entities: unknown[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Event { title } } }`,
      { representations: events.map((event) => ({ __typename: 'Event', id: event.id })) },
    );
    expect(response.data!._entities).toHaveLength(events.length);
    expect(selects()).toHaveLength(1);
  });

  it('costs the same queries for the organizations’ events of a listing of one event or of all', async () => {
    const listing = async (first: number) => {
      statements = [];
      const response = await graphqlRequest<{
        events: { edges: { node: { organization: { id: string } | null } }[] };
      }>(
        subgraph.url,
        `query ($first: Int!, $from: DateTime!) {
          events(first: $first, from: $from, kind: CONFERENCE) {
            edges { node { status organization { id events(first: 5) { totalCount edges { node { id status } } } } } }
          }
        }`,
        { first, from: new Date(startedAt - 8 * DAY_MS).toISOString() },
      );
      expect(response.errors).toBeUndefined();
      return {
        organizations: new Set(
          response.data!.events.edges.flatMap((edge) =>
            edge.node.organization ? [edge.node.organization.id] : [],
          ),
        ).size,
        selects: selects().length,
      };
    };
    const one = await listing(1);
    const all = await listing(100);
    expect(all.organizations).toBeGreaterThan(one.organizations);
    // The page of events, its total count, and one query for the events of every organization on it.
    expect(one.selects).toBe(3);
    expect(all.selects).toBe(3);
  });
});
