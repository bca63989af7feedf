import { violation, type Violation } from './violations.ts';

/**
 * Calendar dates (`YYYY-MM-DD`, no time zone) of a career: when a job started, a degree ended, a
 * certification expires. As ISO strings of one format they compare correctly as text.
 */

/** No career entry starts before this day: anything earlier is a typo (1095 for 1995). */
export const EARLIEST_CAREER_DATE = '1950-01-01';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real day of the Gregorian calendar written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const parts = CALENDAR_DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar date of `now` in UTC, the platform's reference day for "in the future". */
export function calendarDateOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `date` moved by whole years (29 February becomes 1 March in a common year). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return calendarDateOf(new Date(Date.UTC(year + years, month - 1, day)));
}

/** A career date: a real calendar date from 1950, or the violation. */
export function careerDateProblem(field: string, date: string): Violation | null {
  if (!isCalendarDate(date))
    return violation(field, 'INVALID_DATE', `"${date}" is not a calendar date YYYY-MM-DD`);
  if (date < EARLIEST_CAREER_DATE) {
    return violation(field, 'DATE_OUT_OF_RANGE', `must not be before ${EARLIEST_CAREER_DATE}`);
  }
  return null;
}

/**
 * The rules of a dated period (a job, a course of study): a real start that has already happened, and an
 * end — when given — that is not before the start and not further ahead than `latestEnd`.
 */
export function periodViolations(
  period: { readonly startDate: string; readonly endDate: string | null },
  today: string,
  latestEnd: string,
): Violation[] {
  const violations: Violation[] = [];
  const startProblem = careerDateProblem('startDate', period.startDate);
  if (startProblem) violations.push(startProblem);
  else if (period.startDate > today) {
    violations.push(violation('startDate', 'FUTURE_START', `must not be after today (${today})`));
  }
  if (period.endDate !== null) {
    const endProblem = careerDateProblem('endDate', period.endDate);
    if (endProblem) violations.push(endProblem);
    else if (startProblem === null && period.endDate < period.startDate) {
      violations.push(violation('endDate', 'END_BEFORE_START', 'must not be before the start date'));
    } else if (period.endDate > latestEnd) {
      violations.push(violation('endDate', 'DATE_OUT_OF_RANGE', `must not be after ${latestEnd}`));
    }
  }
  return violations;
}
