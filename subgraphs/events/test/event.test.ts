import { describe, expect, it } from 'vitest';
import { events } from '@talentgraph/demo-data';
import {
  MAX_EVENT_DURATION_MS,
  MAX_QUERY_WINDOW_MS,
  canonicalTimeZone,
  eventStatusAt,
  eventWindowProblem,
  validateEventDraft,
  type EventDraft,
} from '../src/domain/event.ts';

const startsAt = new Date('2027-01-21T09:00:00.000Z');

const inPerson: EventDraft = {
  startsAt,
  endsAt: new Date('2027-01-21T17:00:00.000Z'),
  timeZone: 'Europe/Paris',
  format: 'IN_PERSON',
  venue: 'Halle Tony Garnier',
  city: 'Lyon',
  onlineUrl: null,
  capacity: 1_200,
};

const online: EventDraft = {
  ...inPerson,
  format: 'ONLINE',
  venue: null,
  city: null,
  onlineUrl: 'https://meet.talentgraph.example/webinar',
};

const hybrid: EventDraft = {
  ...inPerson,
  format: 'HYBRID',
  onlineUrl: 'https://meet.talentgraph.example/fair',
};

const codesOf = (draft: EventDraft) => validateEventDraft(draft).map(({ field, code }) => `${field}:${code}`);

describe('validateEventDraft', () => {
  it('accepts a complete draft of each format', () => {
    expect(validateEventDraft(inPerson)).toEqual([]);
    expect(validateEventDraft(online)).toEqual([]);
    expect(validateEventDraft(hybrid)).toEqual([]);
  });

  it('accepts every demo event', () => {
    for (const event of events) {
      const draft = { ...event, startsAt: new Date(event.startsAt), endsAt: new Date(event.endsAt) };
      expect(validateEventDraft(draft), event.title).toEqual([]);
    }
  });

  describe('schedule', () => {
    it('refuses an event that ends when or before it starts', () => {
      expect(codesOf({ ...inPerson, endsAt: startsAt })).toEqual(['endsAt:ENDS_BEFORE_START']);
      expect(codesOf({ ...inPerson, endsAt: new Date(startsAt.getTime() - 60_000) })).toEqual([
        'endsAt:ENDS_BEFORE_START',
      ]);
    });

    it('accepts one millisecond and exactly 14 days, refuses one millisecond more', () => {
      const endingAfter = (durationMs: number) => ({
        ...inPerson,
        endsAt: new Date(startsAt.getTime() + durationMs),
      });
      expect(codesOf(endingAfter(1))).toEqual([]);
      expect(codesOf(endingAfter(MAX_EVENT_DURATION_MS))).toEqual([]);
      expect(MAX_EVENT_DURATION_MS).toBe(14 * 24 * 3600 * 1000);
      expect(validateEventDraft(endingAfter(MAX_EVENT_DURATION_MS + 1))).toEqual([
        { field: 'endsAt', code: 'TOO_LONG', message: 'An event may last at most 14 days.' },
      ]);
    });
  });

  describe('time zone', () => {
    it.each(['Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT-2', 'Asia/Kolkata'])(
      'accepts %s',
      (timeZone) => {
        expect(codesOf({ ...inPerson, timeZone })).toEqual([]);
      },
    );

    it.each(['Mars/Olympus', '+01:00', '-0500', 'Europe/Paris ', '', 'Z', 'Paris'])(
      'refuses %j',
      (timeZone) => {
        expect(validateEventDraft({ ...inPerson, timeZone })).toEqual([
          {
            field: 'timeZone',
            code: 'INVALID_TIME_ZONE',
            message: `"${timeZone}" is not an IANA time zone such as Europe/Paris.`,
          },
        ]);
      },
    );

    it('spells names canonically and follows IANA links', () => {
      expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
      expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
      expect(canonicalTimeZone('+01:00')).toBeNull();
      expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    });
  });

  describe('where attendees join', () => {
    it('names the format in each message', () => {
      expect(validateEventDraft({ ...online, onlineUrl: null })[0]!.message).toBe(
        'An online event needs the URL attendees join.',
      );
      expect(
        validateEventDraft({ ...inPerson, venue: null, city: null }).map((problem) => problem.message),
      ).toEqual(['An in-person event needs a venue.', 'An in-person event needs the city of its venue.']);
    });

    it('needs an online URL for an online event, not a venue', () => {
      expect(codesOf({ ...online, onlineUrl: null })).toEqual(['onlineUrl:ONLINE_URL_REQUIRED']);
      expect(codesOf({ ...online, onlineUrl: '   ' })).toEqual(['onlineUrl:ONLINE_URL_REQUIRED']);
    });

    it('needs a venue and a city for an in-person event, not an online URL', () => {
      expect(codesOf({ ...inPerson, venue: null })).toEqual(['venue:VENUE_REQUIRED']);
      expect(codesOf({ ...inPerson, city: ' ' })).toEqual(['city:CITY_REQUIRED']);
      expect(codesOf({ ...inPerson, venue: '', city: null })).toEqual([
        'venue:VENUE_REQUIRED',
        'city:CITY_REQUIRED',
      ]);
    });

    it('needs all three for a hybrid event', () => {
      expect(codesOf({ ...hybrid, onlineUrl: null })).toEqual(['onlineUrl:ONLINE_URL_REQUIRED']);
      expect(codesOf({ ...hybrid, venue: null })).toEqual(['venue:VENUE_REQUIRED']);
      expect(codesOf({ ...hybrid, city: null })).toEqual(['city:CITY_REQUIRED']);
      expect(validateEventDraft({ ...hybrid, onlineUrl: null, venue: null, city: null })).toEqual([
        {
          field: 'onlineUrl',
          code: 'ONLINE_URL_REQUIRED',
          message: 'A hybrid event needs the URL attendees join.',
        },
        { field: 'venue', code: 'VENUE_REQUIRED', message: 'A hybrid event needs a venue.' },
        { field: 'city', code: 'CITY_REQUIRED', message: 'A hybrid event needs the city of its venue.' },
      ]);
    });
  });

  describe('capacity', () => {
    it.each([1, 24, 100_000])('accepts %d seats', (capacity) => {
      expect(codesOf({ ...inPerson, capacity })).toEqual([]);
    });

    it.each([0, -5, 100_001, 12.5, Number.NaN])('refuses %d seats', (capacity) => {
      expect(validateEventDraft({ ...inPerson, capacity })).toEqual([
        {
          field: 'capacity',
          code: 'CAPACITY_OUT_OF_RANGE',
          message: 'Capacity must be a whole number of seats from 1 to 100,000.',
        },
      ]);
    });
  });

  it('reports every broken rule at once, so the organizer fixes them in one pass', () => {
    expect(
      codesOf({
        ...hybrid,
        endsAt: startsAt,
        timeZone: 'CET+1',
        venue: null,
        onlineUrl: null,
        capacity: 0,
      }),
    ).toEqual([
      'endsAt:ENDS_BEFORE_START',
      'timeZone:INVALID_TIME_ZONE',
      'onlineUrl:ONLINE_URL_REQUIRED',
      'venue:VENUE_REQUIRED',
      'capacity:CAPACITY_OUT_OF_RANGE',
    ]);
  });
});

describe('eventStatusAt', () => {
  const schedule = { startsAt, endsAt: new Date('2027-01-21T17:00:00.000Z') };
  const at = (iso: string) => eventStatusAt(schedule, new Date(iso));

  it('is upcoming until the first instant of the event', () => {
    expect(at('2026-11-23T08:00:00.000Z')).toBe('UPCOMING');
    expect(at('2027-01-21T08:59:59.999Z')).toBe('UPCOMING');
  });

  it('is ongoing from the start up to, not including, the end', () => {
    expect(at('2027-01-21T09:00:00.000Z')).toBe('ONGOING');
    expect(at('2027-01-21T16:59:59.999Z')).toBe('ONGOING');
  });

  it('is past from the end on', () => {
    expect(at('2027-01-21T17:00:00.000Z')).toBe('PAST');
    expect(at('2030-01-01T00:00:00.000Z')).toBe('PAST');
  });
});

describe('eventWindowProblem', () => {
  const from = new Date('2027-01-01T00:00:00.000Z');
  const to = (offsetMs: number) => new Date(from.getTime() + offsetMs);

  it('accepts an open end, an instant, and up to 366 days', () => {
    expect(eventWindowProblem({ from, to: null })).toBeNull();
    expect(eventWindowProblem({ from, to: from })).toBeNull();
    expect(eventWindowProblem({ from, to: to(MAX_QUERY_WINDOW_MS) })).toBeNull();
    expect(MAX_QUERY_WINDOW_MS).toBe(366 * 24 * 3600 * 1000);
  });

  it('refuses an end before the start', () => {
    expect(eventWindowProblem({ from, to: to(-1) })).toEqual({
      argument: 'to',
      message: '"to" must not be before "from" (now, when "from" is not given).',
    });
  });

  it('refuses a window one millisecond longer than 366 days', () => {
    expect(eventWindowProblem({ from, to: to(MAX_QUERY_WINDOW_MS + 1) })).toEqual({
      argument: 'to',
      message: 'The window from "from" to "to" may span at most 366 days.',
    });
  });
});
