import { monthIndex, toYearMonth, type DatePeriod } from './dates.ts';

export interface ExperienceDuration {
  /** Months worked, overlapping periods counted once. */
  readonly months: number;
  /** Whole years in `months`. */
  readonly years: number;
}

/**
 * Time covered by work periods, overlaps merged (two jobs held at once count once). Both ends are
 * included (January to December is twelve months); an ongoing period ends at `reference`; a year
 * written alone counts from or to its middle, so that "2012 - 2014" is two years and a one-off
 * "2011" is a month.
 */
export function experienceDuration(periods: readonly DatePeriod[], reference: Date): ExperienceDuration {
  const now = monthIndex(toYearMonth(reference));
  const spans = periods
    .map((period) => {
      const start = monthIndex(period.start);
      const end = period.ongoing || period.end === null ? now : monthIndex(period.end);
      return [start, Math.max(start, Math.min(end, now))] as const;
    })
    .sort(([a], [b]) => a - b);
  let months = 0;
  let coveredTo = -Infinity;
  for (const [start, end] of spans) {
    if (end <= coveredTo) continue;
    months += end - Math.max(start, coveredTo + 1) + 1;
    coveredTo = end;
  }
  return { months, years: Math.floor(months / 12) };
}

const STATED_YEARS =
  /(\d{1,2})\s*\+?\s*(?:years?|yrs?|ans|années|annees)\s+(?:of\s+|d['’]\s*|de\s+)?(?:[\p{L}-]+\s+){0,4}?(?:experience|expérience|expertise)/iu;

/** Years of experience the candidate states ("10+ years of experience", "5 ans d'expérience"), or null. */
export function statedYearsOfExperience(text: string): { years: number; text: string } | null {
  const match = STATED_YEARS.exec(text);
  if (!match?.[1]) return null;
  return { years: Number(match[1]), text: match[0] };
}
