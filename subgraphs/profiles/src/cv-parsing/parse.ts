import { createHash } from 'node:crypto';
import { foldAccents } from '@talentgraph/vocabulary';
import { findEmails, findLinks, findPhones, findPlace } from './contact.ts';
import { findDatePeriods, type DatePeriod, type YearMonth } from './dates.ts';
import {
  classifyEntry,
  educationParts,
  experienceParts,
  splitEntries,
  withoutBullet,
  type EntryKind,
  type RawEntry,
} from './entries.ts';
import { evidenceOf, snippet } from './evidence.ts';
import { languagesInLine } from './languages.ts';
import type {
  ParsedCertification,
  ParsedContact,
  ParsedCv,
  ParsedEducation,
  ParsedExperience,
  ParsedLanguage,
  ParsedLocation,
  ParsedYearsOfExperience,
  Suggested,
} from './parsed-cv.ts';
import { parsePlace } from './places.ts';
import { splitSections, type NumberedLine, type Section, type SectionKind } from './sections.ts';
import { extractSkills } from './skills.ts';
import { documentLanguage, hasJobTitleWord, hasOrganizationWord } from './words.ts';
import { experienceDuration, statedYearsOfExperience } from './years.ts';

const MAX_SUMMARY_LENGTH = 2_000;
const MAX_DESCRIPTION_LENGTH = 4_000;
/** Lines of the header (above the first heading) searched for a headline. */
const HEADLINE_SEARCH_LINES = 8;
const MAX_HEADLINE_WORDS = 10;

export interface ParseOptions {
  /** "Today": ongoing periods end here and later dates are ignored. Defaults to now. */
  readonly referenceDate?: Date;
}

/** A key derived from the value: the same CV parsed twice gives the same keys. */
function stableKey(prefix: string, ...parts: readonly (string | number | null | undefined)[]): string {
  const normalized = parts.map((part) =>
    foldAccents(String(part ?? ''))
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return `${prefix}:${createHash('sha256').update(normalized.join('\u0000')).digest('hex').slice(0, 16)}`;
}

function round(confidence: number): number {
  return Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
}

function sectionsOf(sections: readonly Section[], ...kinds: readonly (SectionKind | 'header')[]): Section[] {
  return sections.filter((section) => section.kinds.some((kind) => kinds.includes(kind)));
}

function uniqueByKey<T>(suggestions: readonly Suggested<T>[]): Suggested<T>[] {
  const byKey = new Map<string, Suggested<T>>();
  for (const suggestion of suggestions) {
    const known = byKey.get(suggestion.key);
    if (!known || suggestion.confidence > known.confidence) byKey.set(suggestion.key, suggestion);
  }
  return [...byKey.values()];
}

function paragraphs(lines: readonly NumberedLine[], maxLength: number): string {
  const text = lines
    .map((line) => (line.text.trim() === '' ? '\n\n' : withoutBullet(line.text.replace(/\t/g, ' '))))
    .join(' ')
    .replace(/ *\n\n */g, '\n\n')
    .replace(/[ ]{2,}/g, ' ')
    .trim();
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}

function contactOf(sections: readonly Section[]): ParsedContact {
  const reachable = new Set(sectionsOf(sections, 'header', 'contact'));
  const emails: Suggested<string>[] = [];
  const phones: Suggested<string>[] = [];
  const links: ParsedContact['links'][number][] = [];
  for (const section of sections) {
    const near = reachable.has(section);
    if (section.kind === 'publications') continue;
    for (const line of section.lines) {
      for (const email of findEmails(line.text)) {
        emails.push({
          key: `email:${email}`,
          value: email,
          confidence: near ? 0.9 : 0.6,
          evidence: evidenceOf([line]),
        });
      }
      if (near) {
        for (const phone of findPhones(line.text)) {
          const digits = phone.replace(/\D/g, '');
          phones.push({
            key: `phone:${digits}`,
            value: phone,
            confidence: 0.85,
            evidence: evidenceOf([line]),
          });
        }
      }
      for (const link of findLinks(line.text)) {
        const profile = link.kind !== 'OTHER' && link.kind !== 'WEBSITE';
        if (!near && !profile) continue;
        links.push({
          key: `link:${link.url.toLowerCase()}`,
          value: { kind: link.kind, url: link.url },
          confidence: link.kind === 'OTHER' ? 0.5 : near ? 0.85 : 0.7,
          evidence: evidenceOf([line]),
        });
      }
    }
  }
  return { emails: uniqueByKey(emails), phones: uniqueByKey(phones), links: uniqueByKey(links) };
}

function locationOf(sections: readonly Section[]): Suggested<ParsedLocation> | null {
  for (const section of sectionsOf(sections, 'header', 'contact')) {
    for (const line of section.lines) {
      const found = findPlace(line.text);
      if (found) {
        const { city, countryCode } = found.place;
        return {
          key: 'location',
          value: { city, countryCode },
          confidence: countryCode ? 0.8 : 0.5,
          evidence: { lines: [line.number], snippet: snippet(found.text) },
        };
      }
    }
  }
  return null;
}

function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  return text
    .toLowerCase()
    .replace(
      /(^|[\s/-])(\p{L})/gu,
      (_, separator: string, letter: string) => separator + letter.toUpperCase(),
    );
}

/** The job title under the name: "DevOps Engineer · Software Architect", "Research Software Engineer". */
function headlineOf(sections: readonly Section[]): Suggested<string> | null {
  const header = sections.find((section) => section.kind === 'header');
  for (const line of header?.lines.slice(0, HEADLINE_SEARCH_LINES) ?? []) {
    for (const cell of line.text.split('\t')) {
      const text = cell.replace(/\b(?:resume|résumé|curriculum vitae|cv)\b/gi, '').trim();
      const words = text.split(/\s+/).length;
      if (text === '' || words > MAX_HEADLINE_WORDS || /[\d@:]/.test(text) || findLinks(text).length > 0)
        continue;
      // A headline is a title, not a sentence: it starts with a capital and does not end with a full stop.
      if (!/^\p{Lu}/u.test(text) || text.endsWith('.') || parsePlace(text) || !hasJobTitleWord(text))
        continue;
      return { key: 'headline', value: titleCase(text), confidence: 0.6, evidence: evidenceOf([line]) };
    }
  }
  return null;
}

function summaryOf(sections: readonly Section[]): Suggested<string> | null {
  const section = sections.find(
    (candidate) => candidate.kind === 'summary' && candidate.lines.some((line) => line.text.trim() !== ''),
  );
  if (section) {
    const lines = section.lines.filter((line) => line.text.trim() !== '');
    return {
      key: 'summary',
      value: paragraphs(section.lines, MAX_SUMMARY_LENGTH),
      confidence: 0.8,
      evidence: evidenceOf(lines),
    };
  }
  // Without a heading, a paragraph of sentences in the header is the summary ("I create…", "I am a…").
  const header = sections.find((candidate) => candidate.kind === 'header');
  const prose: NumberedLine[] = [];
  for (const line of header?.lines ?? []) {
    const sentence =
      !line.text.includes('\t') && line.text.split(/\s+/).length >= 6 && findEmails(line.text).length === 0;
    if (sentence) prose.push(line);
    else if (prose.length > 0 && prose.map((candidate) => candidate.text).join(' ').length >= 100) break;
    else prose.length = 0;
  }
  const text = prose.map((line) => line.text).join(' ');
  if (text.length < 100) return null;
  return {
    key: 'summary',
    value: paragraphs(prose, MAX_SUMMARY_LENGTH),
    confidence: 0.5,
    evidence: evidenceOf(prose),
  };
}

interface ClassifiedEntry {
  readonly entry: RawEntry;
  readonly kind: EntryKind;
  /** Whether the entry was read as work only because the CV has no experience section (research projects). */
  readonly fromProjects: boolean;
}

const ENTRY_KIND_OF_SECTION: Partial<Record<SectionKind, EntryKind>> = {
  experience: 'experience',
  education: 'education',
  projects: 'project',
  certifications: 'certification',
};

function entriesOf(sections: readonly Section[], reference: Date): ClassifiedEntry[] {
  const hasExperienceSection = sections.some((section) => section.kind === 'experience');
  return sectionsOf(sections, 'experience', 'education', 'projects').flatMap((section) => {
    const fallback = ENTRY_KIND_OF_SECTION[section.kind as SectionKind] ?? 'experience';
    return splitEntries(section.lines, reference)
      .filter((entry) => entry.cells.length > 0)
      .map((entry): ClassifiedEntry => {
        const kind = section.kinds.length > 1 ? classifyEntry(entry, fallback) : fallback;
        // A CV without an experience section often lists its jobs as projects with an employer.
        const asWork = kind === 'project' && !hasExperienceSection && entry.cells.some(hasOrganizationWord);
        return { entry, kind: asWork ? 'experience' : kind, fromProjects: asWork };
      });
  });
}

function descriptionOf(entry: RawEntry): string {
  return paragraphs(entry.description, MAX_DESCRIPTION_LENGTH);
}

function periodEnd(period: DatePeriod): YearMonth | null {
  return period.ongoing ? null : period.end;
}

function experienceOf(
  { entry, fromProjects }: ClassifiedEntry,
  skillIdsOf: (entry: RawEntry) => string[],
): Suggested<ParsedExperience> {
  const { lineAbove } = entry;
  // "Project or role" over "Employer | dates" (no job title on the dated line): the first line names
  // the work, the second who it was for. Over a date alone, the line above holds both.
  const titleAbove =
    lineAbove !== null &&
    !lineAbove.text.includes('\t') &&
    entry.anchorCells.length > 0 &&
    !entry.anchorCells.some(hasJobTitleWord);
  const parts = titleAbove
    ? { ...experienceParts(entry.anchorCells), title: lineAbove.text.trim() }
    : experienceParts(entry.cells);
  const organization = titleAbove ? experienceOrganization(entry.anchorCells) : parts.organization;
  const { period } = entry;
  const confidence =
    0.35 +
    (parts.title ? 0.15 : 0) +
    (parts.title && hasJobTitleWord(parts.title) ? 0.1 : 0) +
    (organization ? 0.15 : 0) +
    (period.single ? 0.05 : 0.15);
  return {
    key: stableKey('experience', parts.title, organization, period.start.year, period.start.month),
    value: {
      title: parts.title,
      organization,
      location: parts.location,
      start: period.start,
      end: periodEnd(period),
      ongoing: period.ongoing,
      description: descriptionOf(entry),
      skillIds: skillIdsOf(entry),
    },
    confidence: round(fromProjects ? confidence * 0.75 : confidence),
    evidence: evidenceOf(entry.header),
  };
}

/** The organization among the dated line's parts when the title is on the line above. */
function experienceOrganization(cells: readonly string[]): string | null {
  const notPlaces = cells.filter((cell) => parsePlace(cell) === null);
  return notPlaces.find(hasOrganizationWord) ?? notPlaces[0] ?? null;
}

function educationOf({ entry }: ClassifiedEntry): Suggested<ParsedEducation> {
  const parts = educationParts(entry.cells);
  const { period } = entry;
  const confidence = 0.4 + (parts.degree ? 0.2 : 0) + (parts.school ? 0.2 : 0) + (period.single ? 0.05 : 0.1);
  return {
    key: stableKey('education', parts.degree, parts.school, period.end?.year ?? period.start.year),
    value: {
      ...parts,
      // A single date on a degree is when it was obtained.
      start: period.single ? null : period.start,
      end: period.single ? period.start : periodEnd(period),
      ongoing: period.ongoing,
      description: descriptionOf(entry),
    },
    confidence: round(confidence),
    evidence: evidenceOf(entry.header),
  };
}

function certificationFromText(
  text: string,
  line: NumberedLine,
  reference: Date,
  confidence: number,
): Suggested<ParsedCertification> | null {
  const periods = findDatePeriods(text, reference);
  const first = periods[0];
  let rest = text;
  for (const period of periods) rest = rest.replace(period.text, ' ').replace(/\(\s*\)/g, ' ');
  const cells = rest
    .split('\t')
    .map((cell) => cell.replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, '').trim())
    .filter((cell) => /\p{L}{2}/u.test(cell));
  const main = cells.join(', ');
  if (main === '') return null;
  // "Name, Issuer": the issuer is the last comma-separated part when there is one.
  const comma = main.lastIndexOf(', ');
  const name = (comma > 0 ? main.slice(0, comma) : main).replace(/\s+/g, ' ').trim();
  const issuer = comma > 0 ? main.slice(comma + 2).trim() : null;
  return {
    key: stableKey('certification', name),
    value: { name, issuer, obtained: first?.start ?? null },
    confidence: round(confidence),
    evidence: evidenceOf([line]),
  };
}

function certificationsOf(
  sections: readonly Section[],
  entries: readonly ClassifiedEntry[],
  reference: Date,
): Suggested<ParsedCertification>[] {
  const fromSections = sections
    .filter((section) => section.kind === 'certifications')
    .flatMap((section) => section.lines)
    .filter((line) => line.text.trim() !== '' && findLinks(line.text).length === 0)
    .map((line) => certificationFromText(withoutBullet(line.text), line, reference, 0.75));
  const fromTimeline = entries
    .filter(({ kind }) => kind === 'certification')
    .map(({ entry }) => {
      const text = entry.header.map((line) => line.text).join(' ');
      return certificationFromText(text, entry.header[0] as NumberedLine, reference, 0.6);
    });
  return uniqueByKey([...fromSections, ...fromTimeline].filter((value) => value !== null));
}

const LANGUAGES_LABEL = /^\s*(?:languages?|langues?|spoken languages|language skills)\s*:\s*(.+)$/i;

function languagesOf(sections: readonly Section[]): Suggested<ParsedLanguage>[] {
  const found: Suggested<ParsedLanguage>[] = [];
  for (const section of sections) {
    for (const line of section.lines) {
      const labelled = LANGUAGES_LABEL.exec(line.text);
      const text = section.kind === 'languages' ? line.text : labelled?.[1];
      if (!text) continue;
      for (const language of languagesInLine(text)) {
        found.push({
          key: `language:${language.code}`,
          value: {
            code: language.code,
            name: language.name,
            level: language.level,
            levelSource: language.levelSource,
          },
          confidence: language.level ? (language.levelSource === 'WORDS' ? 0.8 : 0.9) : 0.6,
          evidence: evidenceOf([line]),
        });
      }
    }
  }
  return uniqueByKey(found);
}

function yearsOf(
  experiences: readonly Suggested<ParsedExperience>[],
  entries: readonly ClassifiedEntry[],
  sections: readonly Section[],
  reference: Date,
): Suggested<ParsedYearsOfExperience> | null {
  const work = entries.filter(({ kind }) => kind === 'experience');
  if (work.length > 0) {
    const duration = experienceDuration(
      work.map(({ entry }) => entry.period),
      reference,
    );
    const vague = work.some(({ entry }) => entry.period.start.month === null);
    return {
      key: 'yearsOfExperience',
      value: { years: duration.years, months: duration.months, basis: 'PERIODS' },
      confidence: round((vague ? 0.6 : 0.75) * (work.some(({ fromProjects }) => fromProjects) ? 0.8 : 1)),
      evidence: {
        lines: work.flatMap(({ entry }) => entry.header.map((line) => line.number)),
        snippet: snippet(
          experiences.map(({ value }) => `${value.title ?? '?'}: ${formatPeriod(value)}`).join('; '),
        ),
      },
    };
  }
  for (const section of sectionsOf(sections, 'header', 'summary')) {
    for (const line of section.lines) {
      const stated = statedYearsOfExperience(line.text);
      if (stated) {
        return {
          key: 'yearsOfExperience',
          value: { years: stated.years, months: null, basis: 'STATEMENT' },
          confidence: 0.5,
          evidence: { lines: [line.number], snippet: snippet(stated.text) },
        };
      }
    }
  }
  return null;
}

function formatYearMonth(date: YearMonth): string {
  return date.month === null ? String(date.year) : `${date.year}-${String(date.month).padStart(2, '0')}`;
}

function formatPeriod(experience: ParsedExperience): string {
  return `${formatYearMonth(experience.start)} – ${experience.ongoing ? 'now' : experience.end ? formatYearMonth(experience.end) : '?'}`;
}

/**
 * Reads a CV's text (as `extractDocumentText` gives it) into suggestions for the candidate's profile:
 * sections, contact details, headline, summary, location, experiences with dates, education,
 * certifications, languages with CEFR levels, skills from the taxonomy and years of experience. Each
 * value carries a stable key, a confidence and the lines it was read from; nothing here writes a
 * profile.
 */
export function parseCv(text: string, options: ParseOptions = {}): ParsedCv {
  const reference = options.referenceDate ?? new Date();
  const lines = text.split('\n');
  const sections = splitSections(lines);
  const language = documentLanguage(text);
  const entries = entriesOf(sections, reference);
  const skills = extractSkills(
    sections,
    entries.map(({ entry, kind }) => ({ entry, kind })),
    language,
  );
  const experiences = uniqueByKey(
    entries
      .filter(({ kind }) => kind === 'experience')
      .map((entry) => experienceOf(entry, skills.skillIdsOf)),
  );
  return {
    language,
    sections: sections.map(({ kind, kinds, heading, startLine, endLine }) => ({
      kind,
      kinds,
      heading,
      startLine,
      endLine,
    })),
    headline: headlineOf(sections),
    summary: summaryOf(sections),
    location: locationOf(sections),
    contact: contactOf(sections),
    experiences,
    education: uniqueByKey(entries.filter(({ kind }) => kind === 'education').map(educationOf)),
    certifications: certificationsOf(sections, entries, reference),
    languages: languagesOf(sections),
    skills: skills.suggestions,
    yearsOfExperience: yearsOf(experiences, entries, sections, reference),
  };
}
