/**
 * Normalization and checks shared by every text people write (community posts and comments, profile
 * headlines and experiences…), so that the same input is stored and measured the same way everywhere.
 */

// Control characters (Unicode Cc) are invisible, break rendering and can be used to forge text; a line of
// text has none, a multi-line text keeps its line breaks and tabs.
const SINGLE_LINE_FORBIDDEN = /\p{Cc}/u;
const MULTILINE_FORBIDDEN = /(?![\n\t])\p{Cc}/u;

/** Lengths count characters as people see them (code points), as PostgreSQL's varchar does, not UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** NFC, so that "é" typed as one or two code points counts the same; trimmed. */
export function normalizeLine(text: string): string {
  return text.normalize('NFC').trim();
}

/** As `normalizeLine`, and CRLF or CR line breaks from Windows and old Mac clients become LF. */
export function normalizeMultiline(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

export function hasControlCharacter(text: string, kind: 'LINE' | 'MULTILINE'): boolean {
  return (kind === 'LINE' ? SINGLE_LINE_FORBIDDEN : MULTILINE_FORBIDDEN).test(text);
}
