import { findDatePeriods, type DatePeriod } from './dates.ts';
import { parsePlace } from './places.ts';
import type { NumberedLine } from './sections.ts';
import { hasDegreeWord, hasJobTitleWord, hasOrganizationWord, hasSchoolWord } from './words.ts';

/**
 * Dated entries of experience, education and project sections. Every layout seen in CVs puts a date
 * on the entry's header, so a period anchors an entry: the header is the line holding the period
 * (when that line is not a bullet and the period stands at its start, its end or in a cell of its
 * own) plus the short line just above it ("Company    City" over "Title    Dates") or, for a timeline
 * entry whose title wraps, one short line below. Everything up to the next entry is its description.
 */

export interface RawEntry {
  readonly period: DatePeriod;
  readonly header: readonly NumberedLine[];
  readonly description: readonly NumberedLine[];
  /** The header's parts, the period removed: "Software Engineer", "Google", "Mountain View, CA"… */
  readonly cells: readonly string[];
  /** The parts of the line holding the period (and of a wrapped title below it). */
  readonly anchorCells: readonly string[];
  /** The short line above the period's line, when it belongs to the header. */
  readonly lineAbove: NumberedLine | null;
}

const BULLET = /^\s*(?:[•◦▪▸►‣⁃∙·*–—-]|\d+[.)])\s+/u;
const URL_LIKE = /https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|org|net|io|dev|de|fr)\//i;
const MAX_HEADER_LINE_LENGTH = 160;
const MAX_LINE_ABOVE_WORDS = 8;
const MAX_WRAPPED_TITLE_WORDS = 6;

function isBullet(line: string): boolean {
  return BULLET.test(line);
}

export function withoutBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

/** The period that makes `line` an entry header, or null. */
function headerPeriod(line: string, reference: Date): DatePeriod | null {
  if (isBullet(line) || line.length > MAX_HEADER_LINE_LENGTH) return null;
  for (const period of findDatePeriods(line, reference)) {
    const before = line.slice(0, period.index);
    const after = line.slice(period.index + period.text.length);
    const alone = before.trim() === '' && after.trim() === '';
    const atStart = /^[\s(]*$/.test(before);
    // "Summer 2012 and 2013": a second date after "and" ends the line as well as the first.
    const atEnd = /^(?:\s*(?:and|et|&)\s*(?:19|20)\d{2})?[\s).\]]*$/.test(after);
    const ownCell = /(?:^|\t|[|,(–—-])\s*$/.test(before) && /^\s*(?:$|\t|[|)])/.test(after);
    const yearOnly = period.single && period.start.month === null;
    // A year alone on its line is a timeline label ("2022"), not an entry.
    if (yearOnly && alone) continue;
    if (atStart || ownCell || (atEnd && !yearOnly)) return period;
  }
  return null;
}

function isBlank(line: NumberedLine | undefined): boolean {
  return line === undefined || line.text.trim() === '';
}

/** A line that can be the first line of a two-line entry header. */
function isLineAbove(line: NumberedLine | undefined, reference: Date): boolean {
  if (!line || isBlank(line) || isBullet(line.text) || URL_LIKE.test(line.text)) return false;
  const text = line.text.trim();
  if (/[.;:]$/.test(text) || findDatePeriods(text, reference).length > 0) return false;
  return text.includes('\t') || wordCount(text) <= MAX_LINE_ABOVE_WORDS;
}

/** A short line right below a header that continues a wrapped title. */
function isWrappedTitle(line: NumberedLine | undefined): boolean {
  if (!line || isBlank(line) || isBullet(line.text) || URL_LIKE.test(line.text)) return false;
  const text = line.text.trim();
  return !text.includes('\t') && !/[.;:]$/.test(text) && wordCount(text) <= MAX_WRAPPED_TITLE_WORDS;
}

/** Splits header text into its parts: tabs, " | ", spaced dashes, " @ ", " at ", " chez ". */
function splitHeaderText(text: string): string[] {
  return text
    .split(/\t|\s+\|\s+|\s*\|\s*|\s+[–—-]\s+|\s+@\s+|\s+(?:at|chez)\s+/u)
    .map((cell) =>
      cell
        .replace(/^[\s,;:|•·]+|[\s,;:|•·]+$/gu, '')
        .replace(/^\((.*)\)$/u, '$1')
        .replace(/^\(([^)]*)$|^([^(]*)\)$/u, '$1$2')
        .trim(),
    )
    .filter((cell) => /\p{L}/u.test(cell));
}

/** "Co-Founder & CTO, Nexus AI" → two cells; "R.O.K Cyber Command, MND" stays one. */
function splitOnCommas(cell: string): string[] {
  if (!cell.includes(',') || parsePlace(cell)) return [cell];
  const parts = cell.split(/\s*,\s*/).filter((part) => part !== '');
  const meaningful = parts.some(
    (part) => parsePlace(part) || hasJobTitleWord(part) || hasDegreeWord(part) || hasSchoolWord(part),
  );
  return meaningful && parts.length <= 3 ? parts : [cell];
}

function cellsOf(line: NumberedLine, period?: DatePeriod): string[] {
  const text = period
    ? `${line.text.slice(0, period.index)}\t${line.text.slice(period.index + period.text.length)}`
    : line.text;
  return splitHeaderText(text).flatMap(splitOnCommas);
}

/** The dated entries of a section's lines, in order. */
export function splitEntries(lines: readonly NumberedLine[], reference: Date): RawEntry[] {
  const anchors: { index: number; period: DatePeriod }[] = [];
  lines.forEach((line, index) => {
    const period = headerPeriod(line.text, reference);
    if (period) anchors.push({ index, period });
  });
  const starts = anchors.map(({ index }, position) => {
    const previousAnchor = anchors[position - 1]?.index ?? -1;
    return index - 1 > previousAnchor && isLineAbove(lines[index - 1], reference) ? index - 1 : index;
  });
  return anchors.map(({ index, period }, position) => {
    const anchor = lines[index] as NumberedLine;
    const start = starts[position] ?? index;
    const end = starts[position + 1] ?? lines.length;
    const anchorCells = cellsOf(anchor, period);
    const wrapped = lines[index + 1];
    const wraps = index + 1 < end && anchorCells.length <= 1 && start === index && isWrappedTitle(wrapped);
    const lineAbove = start < index ? (lines[start] ?? null) : null;
    const wrappedCells = wraps && wrapped ? cellsOf(wrapped) : [];
    const headerEnd = wraps ? index + 2 : index + 1;
    return {
      period,
      header: lines.slice(start, headerEnd),
      description: lines.slice(headerEnd, end).filter((line) => !isBlank(line)),
      cells: [...(lineAbove ? cellsOf(lineAbove) : []), ...anchorCells, ...wrappedCells],
      anchorCells: [...anchorCells, ...wrappedCells],
      lineAbove,
    };
  });
}

function takeFirst(cells: string[], test: (cell: string) => boolean): string | null {
  const index = cells.findIndex(test);
  if (index === -1) return null;
  const [cell] = cells.splice(index, 1);
  return cell ?? null;
}

export interface EntryParts {
  readonly title: string | null;
  readonly organization: string | null;
  readonly location: string | null;
}

/** Title, organization and place of an experience header, told apart by their words, else by order. */
export function experienceParts(cells: readonly string[]): EntryParts {
  const remaining = [...cells];
  const location = takeFirst(remaining, (cell) => parsePlace(cell) !== null);
  const title = takeFirst(remaining, hasJobTitleWord);
  const organization = takeFirst(remaining, hasOrganizationWord);
  return {
    title: title ?? takeFirst(remaining, () => true),
    organization: organization ?? takeFirst(remaining, () => true),
    location,
  };
}

export interface EducationParts {
  readonly degree: string | null;
  readonly school: string | null;
  readonly location: string | null;
}

/** Degree, school and place of an education header ("GPA: 3.9" and the like cut from the degree). */
export function educationParts(cells: readonly string[]): EducationParts {
  const remaining = [...cells];
  const location = takeFirst(remaining, (cell) => parsePlace(cell) !== null);
  const school = takeFirst(
    remaining,
    (cell) => hasSchoolWord(cell) && !/^(?:master|bachelor|licence|phd)\b/i.test(cell),
  );
  const degree = takeFirst(remaining, hasDegreeWord);
  const clean = (text: string | null): string | null =>
    text?.replace(/\s*[;,]?\s*(?:GPA|grade|note|mention)\b.*$/i, '').trim() || null;
  return {
    degree: clean(degree ?? takeFirst(remaining, () => true)),
    school: school ?? takeFirst(remaining, () => true),
    location,
  };
}

export type EntryKind = 'experience' | 'education' | 'project' | 'certification';

/** What an entry of a mixed timeline ("Education, projects and experience") is, from its header. */
export function classifyEntry(entry: RawEntry, fallback: EntryKind): EntryKind {
  const header = entry.header.map((line) => line.text).join(' ');
  if (/certif/i.test(header)) return 'certification';
  if (/\bproje[ct]t?s?\b/i.test(header)) return 'project';
  if (hasDegreeWord(header) || hasSchoolWord(header)) return 'education';
  return fallback;
}
