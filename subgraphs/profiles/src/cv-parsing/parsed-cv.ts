import type { CefrLevel } from '@talentgraph/vocabulary';
import type { LinkKind } from './contact.ts';
import type { YearMonth } from './dates.ts';
import type { SectionKind } from './sections.ts';

/** Where a suggested value was read: the lines of the extracted text and what they say. */
export interface Evidence {
  /** 1-based line numbers in the text given to `parseCv`. */
  readonly lines: readonly number[];
  /** The words the value was read from, trimmed to `MAX_SNIPPET_LENGTH` characters. */
  readonly snippet: string;
}

/**
 * One value the candidate may accept or reject on its own. `key` is derived from the value itself (a
 * skill id, a language code, a hash of an experience's title, organization and start), so parsing the
 * same document again gives the same keys and a decision stored under a key still applies.
 */
export interface Suggested<T> {
  readonly key: string;
  readonly value: T;
  /** 0 to 1: how sure the parser is; a form may preselect the values above 0.7. */
  readonly confidence: number;
  readonly evidence: Evidence;
}

export interface ParsedLocation {
  readonly city: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countryCode: string | null;
}

export interface ParsedExperience {
  readonly title: string | null;
  readonly organization: string | null;
  readonly location: string | null;
  readonly start: YearMonth;
  /** Null when ongoing. */
  readonly end: YearMonth | null;
  readonly ongoing: boolean;
  readonly description: string;
  /** Ids of the taxonomy skills named in the title and description. */
  readonly skillIds: readonly string[];
}

export interface ParsedEducation {
  readonly degree: string | null;
  readonly school: string | null;
  readonly location: string | null;
  /** Null when only a graduation date is written. */
  readonly start: YearMonth | null;
  readonly end: YearMonth | null;
  readonly ongoing: boolean;
  readonly description: string;
}

export interface ParsedCertification {
  readonly name: string;
  readonly issuer: string | null;
  /** When it was obtained, if written. */
  readonly obtained: YearMonth | null;
}

export interface ParsedLanguage {
  /** ISO 639-1, lower case. */
  readonly code: string;
  /** The name as written in the CV. */
  readonly name: string;
  /** Null when the CV names the language without a level: the candidate chooses one. */
  readonly level: CefrLevel | null;
  readonly levelSource: 'CEFR' | 'SCORE' | 'WORDS' | null;
}

export const SKILL_SOURCES = [
  'SKILLS_SECTION',
  'EXPERIENCE',
  'PROJECTS',
  'SUMMARY',
  'EDUCATION',
  'OTHER',
] as const;
/** Where a skill was seen, strongest first: a skills section is a claim, a description is a use. */
export type SkillSource = (typeof SKILL_SOURCES)[number];

export interface ParsedSkill {
  /** Taxonomy id (see @talentgraph/skills). */
  readonly skillId: string;
  /** The taxonomy's name for the skill, in the CV's language. */
  readonly name: string;
  /** The words of the CV that named it, as written (first mention). */
  readonly matchedText: string;
  readonly sources: readonly SkillSource[];
  readonly mentions: number;
}

export interface ParsedYearsOfExperience {
  readonly years: number;
  /** Months covered by dated work periods (overlaps once); null when the years come from a statement. */
  readonly months: number | null;
  /** Whether the figure was computed from dated experiences or read from a sentence such as "10+ years of experience". */
  readonly basis: 'PERIODS' | 'STATEMENT';
}

export interface ParsedSection {
  readonly kind: SectionKind | 'header';
  readonly kinds: readonly (SectionKind | 'header')[];
  readonly heading: string | null;
  readonly startLine: number;
  readonly endLine: number;
}

export interface ParsedContact {
  readonly emails: readonly Suggested<string>[];
  readonly phones: readonly Suggested<string>[];
  readonly links: readonly Suggested<{ readonly kind: LinkKind; readonly url: string }>[];
}

/** Everything read from one CV, each value a suggestion with its confidence and evidence. */
export interface ParsedCv {
  /** The language the CV is written in. */
  readonly language: 'en' | 'fr';
  readonly sections: readonly ParsedSection[];
  readonly headline: Suggested<string> | null;
  readonly summary: Suggested<string> | null;
  readonly location: Suggested<ParsedLocation> | null;
  readonly contact: ParsedContact;
  readonly experiences: readonly Suggested<ParsedExperience>[];
  readonly education: readonly Suggested<ParsedEducation>[];
  readonly certifications: readonly Suggested<ParsedCertification>[];
  readonly languages: readonly Suggested<ParsedLanguage>[];
  readonly skills: readonly Suggested<ParsedSkill>[];
  readonly yearsOfExperience: Suggested<ParsedYearsOfExperience> | null;
}
