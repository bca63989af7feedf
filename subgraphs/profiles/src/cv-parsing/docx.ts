import { CvDocumentError } from './errors.ts';
import { localName, xmlTokens, XmlSyntaxError } from './xml.ts';
import { ZipArchive, type ZipEntry } from './zip.ts';

/** Header and footer parts are small; anything bigger is not a header. */
const HEADER_PART_MAX_BYTES = 1024 * 1024;

/** Subtrees whose text is not what the reader sees: the legacy copy of a drawing, deleted text, field codes. */
const SKIPPED_ELEMENTS = new Set(['Fallback', 'delText', 'instrText', 'rPr']);

interface Paragraph {
  text: string;
  listItem: boolean;
}

interface TableRow {
  readonly cells: string[][];
}

/**
 * Text of one WordprocessingML part, one paragraph per line. List items (numbered or bulleted
 * paragraphs, whose bullet Word keeps in the numbering definitions) start with "• ". A table row whose
 * cells hold one paragraph each becomes one line with the cells separated by tabs; a row with longer
 * cells — the usual way Word CV templates lay out a sidebar next to the main column — is read cell by
 * cell, so that the columns are not interleaved. Text boxes are read once (the VML fallback copy that
 * Word writes next to each drawing is skipped).
 */
function wordprocessingMlToText(xml: string): string {
  const document: string[] = [];
  const sinks: string[][] = [document];
  const paragraphs: Paragraph[] = [];
  const rows: TableRow[] = [];
  let skipDepth = 0;
  let inText = false;

  const sink = (): string[] => sinks[sinks.length - 1] ?? document;
  const append = (text: string): void => {
    const paragraph = paragraphs[paragraphs.length - 1];
    if (paragraph) paragraph.text += text;
  };

  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      if (inText && skipDepth === 0) append(token.text);
      continue;
    }
    const name = localName(token.name);
    if (token.kind === 'open') {
      if (skipDepth > 0 || SKIPPED_ELEMENTS.has(name)) {
        if (!token.selfClosing) skipDepth += 1;
        continue;
      }
      switch (name) {
        case 'p':
          if (token.selfClosing) sink().push('');
          else paragraphs.push({ text: '', listItem: false });
          break;
        case 't':
          inText = !token.selfClosing;
          break;
        case 'tab':
          append('\t');
          break;
        case 'br':
        case 'cr':
          append('\n');
          break;
        case 'noBreakHyphen':
          append('-');
          break;
        case 'numPr': {
          const paragraph = paragraphs[paragraphs.length - 1];
          if (paragraph) paragraph.listItem = true;
          break;
        }
        case 'tr':
          rows.push({ cells: [] });
          break;
        case 'tc': {
          const cell: string[] = [];
          rows[rows.length - 1]?.cells.push(cell);
          sinks.push(cell);
          break;
        }
      }
      continue;
    }
    if (skipDepth > 0) {
      skipDepth -= 1;
      continue;
    }
    switch (name) {
      case 't':
        inText = false;
        break;
      case 'p': {
        const paragraph = paragraphs.pop();
        if (paragraph) sink().push(...paragraphLines(paragraph));
        break;
      }
      case 'tc':
        sinks.pop();
        break;
      case 'tr': {
        const row = rows.pop();
        if (row) sink().push(...rowLines(row));
        break;
      }
    }
  }
  return document.join('\n');
}

function paragraphLines(paragraph: Paragraph): string[] {
  const lines = paragraph.text.split('\n');
  if (paragraph.listItem && lines[0]?.trim()) lines[0] = `• ${lines[0]}`;
  return lines;
}

function rowLines(row: TableRow): string[] {
  const cells = row.cells.map((cell) => cell.filter((line) => line.trim() !== ''));
  if (cells.every((cell) => cell.length <= 1)) {
    const line = cells
      .map((cell) => cell[0]?.trim() ?? '')
      .filter((text) => text !== '')
      .join('\t');
    return [line];
  }
  return cells.flatMap((cell) => [...cell, '']);
}

function decodePart(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CvDocumentError(
      'DOCUMENT_UNREADABLE',
      'The Word document is damaged: its text is not validly encoded.',
    );
  }
}

function partText(archive: ZipArchive, entry: ZipEntry, maxBytes?: number): string {
  try {
    return wordprocessingMlToText(decodePart(archive.read(entry, maxBytes)));
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new CvDocumentError(
        'DOCUMENT_UNREADABLE',
        `The Word document is damaged: ${error.message} in ${entry.name}.`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * The text of a DOCX: page headers (where Word CVs often keep the contact details), the body, then
 * page footers, each distinct line once.
 */
export function extractDocxText(bytes: Uint8Array): string {
  const archive = ZipArchive.open(bytes);
  const body = archive.find('word/document.xml');
  if (!body)
    throw new CvDocumentError('DOCUMENT_UNREADABLE', 'The Word document has no body (word/document.xml).');
  const partsNamed = (pattern: RegExp): ZipEntry[] =>
    archive.entries
      .filter((entry) => pattern.test(entry.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const headers = partsNamed(/^word\/header\d*\.xml$/).map((entry) =>
    partText(archive, entry, HEADER_PART_MAX_BYTES),
  );
  const bodyText = partText(archive, body);
  const footers = partsNamed(/^word\/footer\d*\.xml$/).map((entry) =>
    partText(archive, entry, HEADER_PART_MAX_BYTES),
  );
  return [uniqueLines(headers), bodyText, uniqueLines(footers)]
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

function uniqueLines(parts: readonly string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const line of parts.flatMap((part) => part.split('\n'))) {
    const key = line.trim();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return lines.join('\n');
}
