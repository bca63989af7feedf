import { decodeText, detectDocumentType, type DocumentType } from './detect-type.ts';
import { extractDocxText } from './docx.ts';
import { CvDocumentError } from './errors.ts';
import { EXTRACTION_TIME_LIMIT_MS, MAX_EXTRACTED_CHARACTERS, MAX_PDF_PAGES } from './limits.ts';
import { extractPdfText } from './pdf.ts';

export interface ExtractedDocument {
  readonly type: DocumentType;
  /** The media type the content really has (see `detectDocumentType`). */
  readonly mediaType: string;
  /** Lines in reading order; an empty line separates pages, columns and blocks. */
  readonly text: string;
  /** PDF pages in the document, null for other types. */
  readonly pageCount: number | null;
  /** Things the candidate should know about the reading (pages skipped, text cut). */
  readonly warnings: readonly string[];
}

export interface ExtractionOptions {
  readonly maxPages?: number;
  readonly timeLimitMs?: number;
}

/** Control characters other than tab and line feed, after line endings are unified. */
const STRAY_CONTROL_CHARACTERS = /(?![\t\n])\p{Cc}/gu;

function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(STRAY_CONTROL_CHARACTERS, '')
    .replace(/[ \u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The text of a CV document — PDF, DOCX or plain text, told by content — ready for `parseCv`.
 * Throws a `CvDocumentError` for every refusal (type, size, encryption, damage, zip bomb, time).
 */
export async function extractDocumentText(
  bytes: Uint8Array,
  options: ExtractionOptions = {},
): Promise<ExtractedDocument> {
  const detected = detectDocumentType(bytes);
  const warnings: string[] = [];
  let text: string;
  let pageCount: number | null = null;
  switch (detected.type) {
    case 'PDF': {
      const maxPages = options.maxPages ?? MAX_PDF_PAGES;
      const pdf = await extractPdfText(bytes, {
        maxPages,
        deadline: Date.now() + (options.timeLimitMs ?? EXTRACTION_TIME_LIMIT_MS),
      });
      pageCount = pdf.pageCount;
      if (pdf.pageCount > pdf.pages.length) {
        warnings.push(`Only the first ${pdf.pages.length} of ${pdf.pageCount} pages were read.`);
      }
      text = pdf.pages.map((lines) => lines.join('\n')).join('\n\n');
      break;
    }
    case 'DOCX':
      text = extractDocxText(bytes);
      break;
    case 'TEXT':
      text = decodeText(bytes, detected.encoding ?? 'utf-8');
      break;
  }
  text = normalizeText(text);
  if (text.length > MAX_EXTRACTED_CHARACTERS) {
    text = text.slice(0, MAX_EXTRACTED_CHARACTERS);
    warnings.push(`Only the first ${MAX_EXTRACTED_CHARACTERS} characters were read.`);
  }
  if (!/\p{L}{2}/u.test(text)) {
    throw new CvDocumentError(
      'NO_TEXT_FOUND',
      detected.type === 'PDF'
        ? 'The PDF contains no text to read; it is probably a scanned image. Upload a PDF exported from a word processor.'
        : 'The document contains no text to read.',
    );
  }
  return { type: detected.type, mediaType: detected.mediaType, text, pageCount, warnings };
}
