/**
 * Dates and periods as CVs write them, in English and French: "Jan 2020 – Present", "2019-2021",
 * "03/2018 - aujourd'hui", "septembre 2017 à juin 2019", "Since 2020", "2016/09 - now", "Sept. 2014 –
 * June 2018", "depuis mars 2021", "Summer 2012". A period always ends at or after it starts; a date
 * in the future or before 1950 is not a CV date.
 */

/** A month of a year; `month` (1–12) is null when only the year is written. */
export interface YearMonth {
  readonly year: number;
  readonly month: number | null;
}

export interface DatePeriod {
  readonly start: YearMonth;
  /** Null when the period is ongoing. A single date ("2011 / 11") is a period that ends when it starts. */
  readonly end: YearMonth | null;
  readonly ongoing: boolean;
  /** Whether only one date was written (a graduation date, a one-off training). */
  readonly single: boolean;
  /** The characters of the line the period was read from, and where they start. */
  readonly text: string;
  readonly index: number;
}

const MONTH_NAMES: readonly (readonly [number, readonly string[]])[] = [
  [1, ['january', 'janvier', 'janv', 'jan']],
  [2, ['february', 'février', 'fevrier', 'févr', 'fevr', 'feb', 'fév', 'fev']],
  [3, ['march', 'mars', 'mar']],
  [4, ['april', 'avril', 'apr', 'avr']],
  [5, ['may', 'mai']],
  [6, ['june', 'juin', 'jun']],
  [7, ['july', 'juillet', 'juil', 'jul']],
  [8, ['august', 'août', 'aout', 'aug']],
  [9, ['september', 'septembre', 'sept', 'sep']],
  [10, ['october', 'octobre', 'oct']],
  [11, ['november', 'novembre', 'nov']],
  [12, ['december', 'décembre', 'decembre', 'déc', 'dec']],
];

/** Seasons stand for their first month. */
const SEASON_NAMES: readonly (readonly [number, readonly string[]])[] = [
  [3, ['spring', 'printemps']],
  [6, ['summer', 'été', 'ete']],
  [9, ['autumn', 'fall', 'automne']],
  [12, ['winter', 'hiver']],
];

const MONTH_BY_NAME = new Map<string, number>(
  [...MONTH_NAMES, ...SEASON_NAMES].flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

function alternation(names: readonly (readonly [number, readonly string[]])[]): string {
  return names
    .flatMap(([, list]) => list)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

const YEAR = '(?:19|20)\\d{2}';
const NOT_LETTER_BEFORE = '(?<!\\p{L})';
const NOT_LETTER_AFTER = '(?!\\p{L})';

/** One date; exactly one group set of the alternatives matches. */
const DATE_SOURCE = [
  // "Jan 2020", "Sept. 2018", "1er septembre 2017", "March, 2020", "Summer 2012"
  `${NOT_LETTER_BEFORE}(?:\\d{1,2}(?:er|st|nd|rd|th)?\\s+)?(?<monthName>${alternation([...MONTH_NAMES, ...SEASON_NAMES])})${NOT_LETTER_AFTER}\\.?,?\\s*(?:of\\s+)?'?(?<monthNameYear>${YEAR})(?!\\d)`,
  // "24/07/1994", "01.03.2018"
  `(?<![\\d/.])(?<dayOfFullDate>\\d{1,2})[/.-](?<monthOfFullDate>\\d{1,2})[/.-](?<yearOfFullDate>${YEAR})(?!\\d)`,
  // "03/2018", "7/2021", "09.2016", "03-2018"
  `(?<![\\d/.])(?<monthBeforeYear>\\d{1,2})\\s?[/.-]\\s?(?<yearAfterMonth>${YEAR})(?!\\d)`,
  // "2016/09", "2015 / 07", "2020-01", "2020.01"
  `(?<![\\d/])(?<![\\d\\p{L}][.,])(?<yearBeforeMonth>${YEAR})(?:\\s*/\\s*|[-.])(?<monthAfterYear>\\d{1,2})(?![\\d/]|[.,]\\d)`,
  // "2019"
  `(?<![\\d/])(?<![\\d\\p{L}][.,])(?<yearAlone>${YEAR})(?![\\d+%]|[.,]\\d)`,
].join('|');

const PRESENT =
  "present|now|today|current(?:ly)?|ongoing|to\\s+date|till\\s+date|date|aujourd['’]\\s?hui|(?:à|a)\\s+ce\\s+jour|ce\\s+jour|présent|actuel(?:lement)?|en\\s+cours|maintenant";
const SEPARATOR = "\\s*(?:[-–—‒―~→]+|to|until|till|through|à|au|jusqu['’]\\s?(?:à|au|en))\\s*";
const SEPARATOR_THEN_PRESENT = new RegExp(`^${SEPARATOR}(?:${PRESENT})${NOT_LETTER_AFTER}`, 'iu');
const SEPARATOR_ONLY = new RegExp(`^${SEPARATOR}$`, 'iu');
/** A period written with an open end: "2022 -" at the end of a line or before a tab. */
const OPEN_END = /^\s*[-–—]\s*(?:\t|$)/u;
const SINCE = /(?:since|depuis|dès)\s*$/iu;
const PERIOD_PREFIX = /(?:^|(?<=\s))(?:since|from|depuis|dès|de|du)\s+$/iu;

interface DateToken {
  readonly date: YearMonth;
  readonly index: number;
  readonly end: number;
}

function dateFromGroups(groups: Record<string, string | undefined>): YearMonth | null {
  const number = (value: string | undefined): number => Number.parseInt(value ?? '', 10);
  if (groups.monthName !== undefined) {
    return {
      year: number(groups.monthNameYear),
      month: MONTH_BY_NAME.get(groups.monthName.toLowerCase()) ?? null,
    };
  }
  if (groups.yearOfFullDate !== undefined) {
    const first = number(groups.dayOfFullDate);
    const second = number(groups.monthOfFullDate);
    // Day first as in Europe, unless only the other reading gives a month.
    return { year: number(groups.yearOfFullDate), month: second <= 12 ? second : first };
  }
  if (groups.yearAfterMonth !== undefined)
    return { year: number(groups.yearAfterMonth), month: number(groups.monthBeforeYear) };
  if (groups.yearBeforeMonth !== undefined)
    return { year: number(groups.yearBeforeMonth), month: number(groups.monthAfterYear) };
  return { year: number(groups.yearAlone), month: null };
}

function isPlausible(date: YearMonth, reference: Date): boolean {
  if (date.month !== null && (date.month < 1 || date.month > 12)) return false;
  return date.year >= 1950 && compareYearMonths(date, toYearMonth(reference)) <= 0;
}

function dateTokens(line: string, reference: Date): DateToken[] {
  const tokens: DateToken[] = [];
  for (const match of line.matchAll(new RegExp(DATE_SOURCE, 'giu'))) {
    const date = dateFromGroups(match.groups ?? {});
    if (date && isPlausible(date, reference)) {
      tokens.push({ date, index: match.index, end: match.index + match[0].length });
    }
  }
  return tokens;
}

export function toYearMonth(date: Date): YearMonth {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** Negative, zero or positive as `a` is before, in or after `b`; a year alone compares as its whole span. */
export function compareYearMonths(a: YearMonth, b: YearMonth): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === null || b.month === null) return 0;
  return a.month - b.month;
}

/**
 * Every period written in `line`, left to right. `reference` is "today": ongoing periods end there,
 * and dates after it are ignored.
 */
export function findDatePeriods(line: string, reference: Date): DatePeriod[] {
  const tokens = dateTokens(line, reference);
  const periods: DatePeriod[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as DateToken;
    const next = tokens[index + 1];
    const after = line.slice(token.end);
    const before = line.slice(0, token.index);
    const since = SINCE.test(before);
    // "from", "de", "since"… belong to the period: removing the period from a line removes them too.
    const start = token.index - (PERIOD_PREFIX.exec(before)?.[0].length ?? 0);
    const present = SEPARATOR_THEN_PRESENT.exec(after);
    const period = (end: YearMonth | null, ongoing: boolean, textEnd: number): DatePeriod => ({
      start: token.date,
      end,
      ongoing,
      single: !ongoing && end !== null && textEnd === token.end,
      text: line.slice(start, textEnd),
      index: start,
    });
    if (present) {
      periods.push(period(null, true, token.end + present[0].length));
      continue;
    }
    if (next) {
      const between = line.slice(token.end, next.index);
      // PDF text may lose the dash between two dates (pdf.js drops soft hyphens): "Sep. 2023 Mar. 2024".
      const joined =
        SEPARATOR_ONLY.test(between) ||
        (between.trim() === '' && token.date.month !== null && next.date.month !== null);
      if (joined) {
        if (compareYearMonths(next.date, token.date) >= 0) periods.push(period(next.date, false, next.end));
        index += 1;
        continue;
      }
    }
    if (since || OPEN_END.test(after)) {
      periods.push(period(null, true, token.end));
      continue;
    }
    periods.push(period(token.date, false, token.end));
  }
  return periods;
}

/** Months since the start of year 0, reading a year written alone as its middle month (July). */
export function monthIndex(date: YearMonth): number {
  return date.year * 12 + ((date.month ?? 7) - 1);
}
