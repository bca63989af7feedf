import type { Evidence } from './parsed-cv.ts';
import type { NumberedLine } from './sections.ts';

/** Longest snippet of CV text kept as evidence. */
export const MAX_SNIPPET_LENGTH = 240;

/** Text on one line, shortened to `MAX_SNIPPET_LENGTH` characters. */
export function snippet(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length <= MAX_SNIPPET_LENGTH ? single : `${single.slice(0, MAX_SNIPPET_LENGTH - 1)}…`;
}

/** The evidence of lines: their numbers, and their text with cells separated by " | ". */
export function evidenceOf(lines: readonly NumberedLine[]): Evidence {
  return {
    lines: lines.map((line) => line.number),
    snippet: snippet(lines.map((line) => line.text.replace(/\t/g, ' | ')).join(' / ')),
  };
}
