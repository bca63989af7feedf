export { DOCUMENT_TYPES, type DocumentType } from '../cv-parsing/index.ts';

/** What a profile's documents are; more kinds (cover letters, diplomas) would join the CV. */
export const DOCUMENT_KINDS = ['CV'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The person's answer to one suggestion read from their CV. */
export const SUGGESTION_DECISIONS = ['ACCEPTED', 'REJECTED'] as const;
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];

/** The longest file name kept, and what a name becomes when nothing of it is usable. */
export const FILE_NAME_MAX_LENGTH = 200;
const FALLBACK_FILE_NAME = 'cv';

/**
 * A file name as the person gave it, safe to store and to send back in a Content-Disposition header: the
 * last path segment only, without control characters, quotes or separators, at most 200 characters.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}"';<>|*?:]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return [...cleaned].slice(0, FILE_NAME_MAX_LENGTH).join('') || FALLBACK_FILE_NAME;
}

/** The name a downloaded document gets: the person's name for it, with the extension its content has. */
export function downloadFileName(fileName: string, extension: string): string {
  const withoutExtension = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '') || FALLBACK_FILE_NAME;
  return `${withoutExtension}.${extension}`;
}
