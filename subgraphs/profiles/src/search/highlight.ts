/**
 * Highlights travel from the indexes as text with control characters around the matched words (neither
 * PostgreSQL's ts_headline nor Elasticsearch escape HTML, and a headline never holds control characters:
 * profile texts refuse them). The API returns them as HTML: the text escaped, the matches in <mark>.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

const ESCAPED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The marked text as HTML safe to insert, or null when nothing in it is marked (no match to show). */
export function highlightHtml(marked: string | null): string | null {
  if (marked === null || !marked.includes(HIGHLIGHT_START)) return null;
  return marked
    .replace(/[&<>"']/g, (character) => ESCAPED[character]!)
    .replaceAll(HIGHLIGHT_START, '<mark>')
    .replaceAll(HIGHLIGHT_END, '</mark>');
}
