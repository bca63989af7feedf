export const EVENT_KINDS = ['WEBINAR', 'CONFERENCE', 'WORKSHOP', 'NETWORKING', 'JOB_FAIR'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_FORMATS = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const EVENT_STATUSES = ['UPCOMING', 'ONGOING', 'PAST'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 100_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Longer gatherings (summer schools, residencies) are series of events, not one event. */
export const MAX_EVENT_DURATION_MS = 14 * DAY_MS;

/** Widest window one `events(from:, to:)` query may ask for: a calendar year, leap day included. */
export const MAX_QUERY_WINDOW_MS = 366 * DAY_MS;

export interface EventSchedule {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** What an organizer proposes; checked before anything is written. */
export interface EventDraft extends EventSchedule {
  readonly timeZone: string;
  readonly format: EventFormat;
  readonly venue: string | null;
  readonly city: string | null;
  readonly onlineUrl: string | null;
  readonly capacity: number;
}

export const EVENT_PROBLEM_CODES = [
  'ENDS_BEFORE_START',
  'TOO_LONG',
  'INVALID_TIME_ZONE',
  'ONLINE_URL_REQUIRED',
  'VENUE_REQUIRED',
  'CITY_REQUIRED',
  'CAPACITY_OUT_OF_RANGE',
] as const;
export type EventProblemCode = (typeof EVENT_PROBLEM_CODES)[number];

/** One broken rule, named after the input field to correct (mutations return these as `UserError`s). */
export interface EventProblem {
  readonly field: keyof EventDraft;
  readonly code: EventProblemCode;
  readonly message: string;
}

/**
 * The IANA name of a time zone in its canonical spelling (`europe/paris` → `Europe/Paris`, links such
 * as `US/Eastern` → `America/New_York`), or null when it is not one. UTC offsets like `+01:00` are
 * refused although `Intl` accepts them: an offset does not follow daylight-saving changes, so a
 * recurring reminder or a calendar export would drift by an hour twice a year.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const AN_EVENT_OF_FORMAT: Record<EventFormat, string> = {
  ONLINE: 'An online event',
  IN_PERSON: 'An in-person event',
  HYBRID: 'A hybrid event',
};

function isBlank(value: string | null): boolean {
  return value === null || value.trim() === '';
}

/** Every rule the draft breaks, in field order; an empty list means the event may be saved. */
export function validateEventDraft(draft: EventDraft): EventProblem[] {
  const problems: EventProblem[] = [];
  const durationMs = draft.endsAt.getTime() - draft.startsAt.getTime();
  if (durationMs <= 0) {
    problems.push({
      field: 'endsAt',
      code: 'ENDS_BEFORE_START',
      message: 'The event must end after it starts.',
    });
  } else if (durationMs > MAX_EVENT_DURATION_MS) {
    problems.push({ field: 'endsAt', code: 'TOO_LONG', message: 'An event may last at most 14 days.' });
  }
  if (canonicalTimeZone(draft.timeZone) === null) {
    problems.push({
      field: 'timeZone',
      code: 'INVALID_TIME_ZONE',
      message: `"${draft.timeZone}" is not an IANA time zone such as Europe/Paris.`,
    });
  }
  const online = draft.format === 'ONLINE' || draft.format === 'HYBRID';
  const inPerson = draft.format === 'IN_PERSON' || draft.format === 'HYBRID';
  if (online && isBlank(draft.onlineUrl)) {
    problems.push({
      field: 'onlineUrl',
      code: 'ONLINE_URL_REQUIRED',
      message: `${AN_EVENT_OF_FORMAT[draft.format]} needs the URL attendees join.`,
    });
  }
  if (inPerson && isBlank(draft.venue)) {
    problems.push({
      field: 'venue',
      code: 'VENUE_REQUIRED',
      message: `${AN_EVENT_OF_FORMAT[draft.format]} needs a venue.`,
    });
  }
  if (inPerson && isBlank(draft.city)) {
    problems.push({
      field: 'city',
      code: 'CITY_REQUIRED',
      message: `${AN_EVENT_OF_FORMAT[draft.format]} needs the city of its venue.`,
    });
  }
  if (!Number.isInteger(draft.capacity) || draft.capacity < MIN_CAPACITY || draft.capacity > MAX_CAPACITY) {
    problems.push({
      field: 'capacity',
      code: 'CAPACITY_OUT_OF_RANGE',
      message: `Capacity must be a whole number of seats from ${MIN_CAPACITY} to ${MAX_CAPACITY.toLocaleString('en')}.`,
    });
  }
  return problems;
}

/** Where an event stands at `now`: it starts at `startsAt` and is over from `endsAt` on. */
export function eventStatusAt(schedule: EventSchedule, now: Date): EventStatus {
  if (now.getTime() < schedule.startsAt.getTime()) return 'UPCOMING';
  if (now.getTime() < schedule.endsAt.getTime()) return 'ONGOING';
  return 'PAST';
}

/** Bounds of an `events` listing: events still running at `from` and starting before `to`. */
export interface EventWindow {
  readonly from: Date;
  readonly to: Date | null;
}

export interface EventWindowProblem {
  readonly argument: 'to';
  readonly message: string;
}

/**
 * Why a listing window is refused, or null when it is acceptable. An open end (`to` null) is accepted:
 * it lists what comes next, page by page. A closed window is a calendar view, and no calendar view spans
 * more than a year.
 */
export function eventWindowProblem(window: EventWindow): EventWindowProblem | null {
  if (window.to === null) return null;
  const lengthMs = window.to.getTime() - window.from.getTime();
  if (lengthMs < 0) {
    return { argument: 'to', message: '"to" must not be before "from" (now, when "from" is not given).' };
  }
  if (lengthMs > MAX_QUERY_WINDOW_MS) {
    return { argument: 'to', message: 'The window from "from" to "to" may span at most 366 days.' };
  }
  return null;
}
