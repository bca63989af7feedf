import { CvDocumentError } from './errors.ts';
import { MAX_DOCUMENT_BYTES } from './limits.ts';
import { xmlAttributes } from './xml.ts';
import { ZipArchive, startsLikeZip } from './zip.ts';

export const DOCUMENT_TYPES = ['PDF', 'DOCX', 'TEXT'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DetectedDocument {
  readonly type: DocumentType;
  /** The media type to store and serve the document with, whatever the uploaded name or header said. */
  readonly mediaType: string;
  /** The file extension matching the content, for download names. */
  readonly extension: 'pdf' | 'docx' | 'txt';
  /** How a TEXT document is encoded; null for the other types. */
  readonly encoding: TextEncoding | null;
}

const PDF: DetectedDocument = { type: 'PDF', mediaType: 'application/pdf', extension: 'pdf', encoding: null };
const DOCX: DetectedDocument = {
  type: 'DOCX',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  encoding: null,
};

/** Content types of a Word main document part: a document or a template, never a macro-enabled one. */
const WORD_MAIN_CONTENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
];
const CONTENT_TYPES_MAX_BYTES = 256 * 1024;

/** Binary formats people upload by mistake, named in the refusal so they know what they sent. */
const KNOWN_SIGNATURES: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x4d, 0x5a], name: 'a Windows program' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'a program' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'a legacy Word (.doc) or password-protected Office file' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
];

/** Markup and formats that are text but not a CV we can read as plain text. */
const TEXT_FORMATS_REFUSED: readonly { readonly pattern: RegExp; readonly name: string }[] = [
  {
    pattern: /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|meta)\b/i,
    name: 'an HTML page',
  },
  { pattern: /^\s*<\?xml\b|^\s*<svg\b/i, name: 'an XML or SVG file' },
  { pattern: /^\s*\{\\rtf/, name: 'an RTF document (save it as PDF or DOCX)' },
  { pattern: /^%!PS/, name: 'a PostScript file' },
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function unsupported(what: string): CvDocumentError {
  return new CvDocumentError(
    'UNSUPPORTED_DOCUMENT_TYPE',
    `This file is ${what}. Upload your CV as a PDF, a Word document (DOCX) or plain text.`,
  );
}

/**
 * The type of a CV document, told by its content and never by its name or declared media type: a PDF
 * starts with `%PDF-`, a DOCX is a ZIP holding a WordprocessingML main document, plain text is valid
 * UTF-8 (or UTF-16 with a byte-order mark) without binary control characters. Anything else —
 * including an image, a program or a ZIP renamed `.pdf`, or an HTML page saved as `.pdf` — is refused.
 */
export function detectDocumentType(bytes: Uint8Array): DetectedDocument {
  if (bytes.length === 0) throw new CvDocumentError('EMPTY_DOCUMENT', 'The file is empty.');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new CvDocumentError(
      'DOCUMENT_TOO_LARGE',
      `The file is ${(bytes.length / (1024 * 1024)).toFixed(1)} MiB; a CV may be at most ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MiB.`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsLikeZip(bytes)) return detectZipDocument(bytes);
  const known = KNOWN_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (known) throw unsupported(known.name);
  const encoding = textEncoding(bytes);
  const text = decodeText(bytes, encoding);
  const refused = TEXT_FORMATS_REFUSED.find((format) => format.pattern.test(text.slice(0, 2048)));
  if (refused) throw unsupported(refused.name);
  return { type: 'TEXT', mediaType: 'text/plain; charset=utf-8', extension: 'txt', encoding };
}

function detectZipDocument(bytes: Uint8Array): DetectedDocument {
  const archive = ZipArchive.open(bytes);
  const names = new Set(archive.entries.map((entry) => entry.name));
  const contentTypes = archive.find('[Content_Types].xml');
  if (!contentTypes || !names.has('word/document.xml')) {
    if (names.has('xl/workbook.xml')) throw unsupported('an Excel spreadsheet');
    if (names.has('ppt/presentation.xml')) throw unsupported('a PowerPoint presentation');
    if (names.has('mimetype') && names.has('content.xml'))
      throw unsupported('an OpenDocument file (save it as PDF or DOCX)');
    if (names.has('META-INF/MANIFEST.MF')) throw unsupported('a Java archive');
    throw unsupported('a ZIP archive');
  }
  const declarations = new TextDecoder('utf-8').decode(archive.read(contentTypes, CONTENT_TYPES_MAX_BYTES));
  const mainDocumentType = [...declarations.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)]
    .map((match) => xmlAttributes(match[1] ?? ''))
    .find((attributes) => attributes.get('PartName') === '/word/document.xml')
    ?.get('ContentType');
  if (mainDocumentType === 'application/vnd.ms-word.document.macroEnabled.main+xml') {
    throw unsupported('a macro-enabled Word document (.docm), which is not accepted for safety');
  }
  if (!mainDocumentType || !WORD_MAIN_CONTENT_TYPES.includes(mainDocumentType)) {
    throw unsupported('a ZIP archive that is not a Word document');
  }
  return DOCX;
}

function textEncoding(bytes: Uint8Array): TextEncoding {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return 'utf-8';
}

/** Tab, line feed, form feed and carriage return are text; every other control character is binary. */
const BINARY_CONTROL_CHARACTER = /(?![\t\n\f\r])\p{Cc}/u;

/**
 * The text of a document detected as TEXT, without its byte-order mark. Throws UNSUPPORTED_DOCUMENT_TYPE
 * for bytes that are not valid in the encoding or that hold binary control characters.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unsupported(
      encoding === 'utf-8'
        ? 'neither a PDF, a Word document nor UTF-8 text'
        : `not valid ${encoding.toUpperCase()} text`,
    );
  }
  if (BINARY_CONTROL_CHARACTER.test(text)) throw unsupported('a binary file');
  return text;
}
