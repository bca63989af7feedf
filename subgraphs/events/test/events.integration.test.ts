import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, organizations } from '@talentgraph/demo-data';
import { seedOnce } from '@talentgraph/platform';
import { graphqlRequest, queryDatabase, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { eventsSubgraph } from '../src/subgraph.ts';
import { seedDemoData } from '../src/seed.ts';

/**
 * The demo events lie between December 2026 and February 2027; every listing here names its window
 * explicitly, so the assertions hold whatever the date the tests run on.
 */
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(eventsSubgraph);
});

afterAll(async () => {
  await subgraph?.close();
});

const BEFORE_DEMO_EVENTS = '2026-11-01T00:00:00.000Z';
const AFTER_DEMO_EVENTS = '2027-03-01T00:00:00.000Z';

const demoEvent = (title: string) => {
  const event = events.find((candidate) => candidate.title === title);
  if (!event) throw new Error(`no demo event titled ${title}`);
  return event;
};
const salaryWebinar = demoEvent('Negotiating your first tech salary');
const roboticsJobFair = demoEvent('Lyon robotics job fair');
const mockInterviews = demoEvent('Mock data-science interviews');
const apprenticeshipEvening = demoEvent('Apprenticeship networking evening');
const acme = organizations.find((organization) => organization.slug === 'acme-robotics')!;
const horizon = organizations.find((organization) => organization.slug === 'fondation-horizon')!;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface EventPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string; title: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const LIST_EVENTS = `query ($first: Int, $after: String, $from: DateTime, $to: DateTime, $kind: EventKind, $format: EventFormat) {
  events(first: $first, after: $after, from: $from, to: $to, kind: $kind, format: $format) {
    totalCount
    edges { cursor node { id title } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function listEvents(variables: Record<string, unknown>): Promise<EventPage> {
  const response = await graphqlRequest<{ events: EventPage }>(subgraph.url, LIST_EVENTS, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.events;
}

const titlesOf = (page: EventPage) => page.edges.map((edge) => edge.node.title);

describe('events subgraph', () => {
  it('returns one event with every field', async () => {
    const response = await graphqlRequest<{ event: Record<string, unknown> }>(
      subgraph.url,
      `query ($id: ID!) {
        event(id: $id) {
          id kind title description
          organizer { id }
          organization { id }
          startsAt endsAt timeZone format venue
          location { city countryCode }
          onlineUrl capacity createdAt
        }
      }`,
      { id: roboticsJobFair.id },
    );
    expect(response.errors).toBeUndefined();
    const { createdAt, ...event } = response.data!.event;
    expect(event).toEqual({
      id: roboticsJobFair.id,
      kind: 'JOB_FAIR',
      title: 'Lyon robotics job fair',
      description: roboticsJobFair.description,
      organizer: { id: roboticsJobFair.organizerId },
      organization: { id: acme.id },
      startsAt: '2027-01-21T09:00:00.000Z',
      endsAt: '2027-01-21T17:00:00.000Z',
      timeZone: 'Europe/Paris',
      format: 'IN_PERSON',
      venue: 'Halle Tony Garnier',
      location: { city: 'Lyon', countryCode: 'FR' },
      onlineUrl: null,
      capacity: 1200,
    });
    expect(Date.parse(String(createdAt))).not.toBeNaN();
  });

  it('leaves the organization, venue and location of an online event by a person empty', async () => {
    const response = await graphqlRequest<{ event: Record<string, unknown> }>(
      subgraph.url,
      `query ($id: ID!) { event(id: $id) { organization { id } venue location { city } onlineUrl format } }`,
      { id: salaryWebinar.id },
    );
    expect(response.data!.event).toEqual({
      organization: null,
      venue: null,
      location: null,
      onlineUrl: 'https://meet.talentgraph.example/salary-webinar',
      format: 'ONLINE',
    });
  });

  it('returns null for an unknown event id', async () => {
    const response = await graphqlRequest(subgraph.url, `{ event(id: "${UNKNOWN_ID}") { id } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ event: null });
  });

  it('derives the status of each event from the current time', async () => {
    const response = await graphqlRequest<{ events: { edges: { node: { id: string; status: string } }[] } }>(
      subgraph.url,
      `{ events(from: "${BEFORE_DEMO_EVENTS}", to: "${AFTER_DEMO_EVENTS}") { edges { node { id status } } } }`,
    );
    const now = Date.now();
    const expectedStatus = (event: (typeof events)[number]) => {
      if (now < Date.parse(event.startsAt)) return 'UPCOMING';
      return now < Date.parse(event.endsAt) ? 'ONGOING' : 'PAST';
    };
    expect(response.data!.events.edges.map((edge) => edge.node)).toEqual(
      [salaryWebinar, mockInterviews, roboticsJobFair, apprenticeshipEvening].map((event) => ({
        id: event.id,
        status: expectedStatus(event),
      })),
    );
  });

  describe('events listing', () => {
    it('lists the events of a window by start time', async () => {
      const page = await listEvents({ from: BEFORE_DEMO_EVENTS, to: AFTER_DEMO_EVENTS });
      expect(titlesOf(page)).toEqual([
        salaryWebinar.title,
        mockInterviews.title,
        roboticsJobFair.title,
        apprenticeshipEvening.title,
      ]);
      expect(page.totalCount).toBe(events.length);
      expect(page.pageInfo.hasNextPage).toBe(false);
    });

    it('keeps an event still running at "from" and leaves out one starting at "to"', async () => {
      const page = await listEvents({
        from: '2026-12-03T17:30:00.000Z',
        to: '2026-12-10T18:00:00.000Z',
      });
      expect(titlesOf(page)).toEqual([salaryWebinar.title]);
    });

    it('leaves out an event that ended exactly at "from"', async () => {
      const page = await listEvents({ from: salaryWebinar.endsAt, to: '2026-12-31T00:00:00.000Z' });
      expect(titlesOf(page)).toEqual([mockInterviews.title]);
    });

    it('lists every event not yet ended when "to" is left open', async () => {
      const page = await listEvents({ from: '2027-01-01T00:00:00.000Z' });
      expect(titlesOf(page)).toEqual([roboticsJobFair.title, apprenticeshipEvening.title]);
    });

    it('defaults "from" to now, leaving out events that have ended', async () => {
      const page = await listEvents({ first: 100 });
      const now = Date.now();
      expect(page.edges.map((edge) => edge.node.id)).toEqual(
        [salaryWebinar, mockInterviews, roboticsJobFair, apprenticeshipEvening]
          .filter((event) => Date.parse(event.endsAt) > now)
          .map((event) => event.id),
      );
    });

    it('filters by kind, by format, and by both', async () => {
      const window = { from: BEFORE_DEMO_EVENTS, to: AFTER_DEMO_EVENTS };
      expect(titlesOf(await listEvents({ ...window, kind: 'WORKSHOP' }))).toEqual([mockInterviews.title]);
      expect(titlesOf(await listEvents({ ...window, format: 'ONLINE' }))).toEqual([
        salaryWebinar.title,
        mockInterviews.title,
      ]);
      expect(titlesOf(await listEvents({ ...window, format: 'HYBRID' }))).toEqual([
        apprenticeshipEvening.title,
      ]);
      expect(titlesOf(await listEvents({ ...window, kind: 'WEBINAR', format: 'IN_PERSON' }))).toEqual([]);
    });

    it('pages through the events with stable cursors', async () => {
      const window = { from: BEFORE_DEMO_EVENTS, to: AFTER_DEMO_EVENTS };
      const first = await listEvents({ ...window, first: 3 });
      expect(first.totalCount).toBe(4);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.pageInfo.endCursor).toBe(first.edges[2]!.cursor);
      const second = await listEvents({ ...window, first: 3, after: first.pageInfo.endCursor });
      expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect([...titlesOf(first), ...titlesOf(second)]).toEqual([
        salaryWebinar.title,
        mockInterviews.title,
        roboticsJobFair.title,
        apprenticeshipEvening.title,
      ]);
    });

    it('returns an empty page when nothing falls in the window', async () => {
      const page = await listEvents({ from: AFTER_DEMO_EVENTS, to: '2027-04-01T00:00:00.000Z' });
      expect(page).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null },
      });
    });
  });

  it('resolves Event references in one batch, null for an unknown id', async () => {
    const response = await graphqlRequest<{ _entities: ({ id: string; title: string } | null)[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Event { id title capacity } }
      }`,
      {
        representations: [
          { __typename: 'Event', id: mockInterviews.id },
          { __typename: 'Event', id: UNKNOWN_ID },
          { __typename: 'Event', id: apprenticeshipEvening.id },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { id: mockInterviews.id, title: mockInterviews.title, capacity: 24 },
      null,
      { id: apprenticeshipEvening.id, title: apprenticeshipEvening.title, capacity: 150 },
    ]);
  });

  it('resolves an Organization reference with no events to an empty connection', async () => {
    const response = await graphqlRequest<{ _entities: unknown[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Organization { id events { totalCount edges { node { id } } pageInfo { hasNextPage } } }
        }
      }`,
      { representations: [{ __typename: 'Organization', id: horizon.id }] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { id: horizon.id, events: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } } },
    ]);
  });

  describe('rejects bad arguments with BAD_USER_INPUT', () => {
    it.each([
      ['"to" before "from"', { from: '2027-01-02T00:00:00.000Z', to: '2027-01-01T23:59:59.999Z' }, 'to'],
      ['"to" in the past when "from" defaults to now', { to: '2000-01-01T00:00:00.000Z' }, 'to'],
      [
        'a window longer than 366 days',
        { from: '2027-01-01T00:00:00.000Z', to: '2028-01-02T00:00:00.001Z' },
        'to',
      ],
      ['a page larger than 100', { first: 101 }, 'first'],
      ['an empty page', { first: 0 }, 'first'],
      ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ])('%s', async (_case, variables, argumentName) => {
      const response = await graphqlRequest(subgraph.url, LIST_EVENTS, variables);
      expect(response.data).toBeNull();
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    });

    it('accepts a window of exactly 366 days', async () => {
      const page = await listEvents({ from: '2026-06-01T00:00:00.000Z', to: '2027-06-02T00:00:00.000Z' });
      expect(page.totalCount).toBe(events.length);
    });

    it('a "from" that is not an ISO-8601 instant', async () => {
      const response = await graphqlRequest(subgraph.url, LIST_EVENTS, { from: 'next monday' });
      expect(response.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
    });

    it('a page of organization events larger than 100', async () => {
      const response = await graphqlRequest(
        subgraph.url,
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Organization { events(first: 101) { totalCount } } }
        }`,
        { representations: [{ __typename: 'Organization', id: acme.id }] },
      );
      expect(response.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'first',
      });
    });
  });

  it('seeds the demo data only once', async () => {
    const ranAgain = await seedOnce(subgraph.orm, 'events-demo-data', seedDemoData);
    expect(ranAgain).toBe(false);
    const rows = await queryDatabase<{ count: string }>(subgraph.database.url, 'select count(*) from events');
    expect(rows).toEqual([{ count: String(events.length) }]);
  });
});
