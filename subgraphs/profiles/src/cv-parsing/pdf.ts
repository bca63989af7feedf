import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { CvDocumentError } from './errors.ts';
import { pageLines, withoutRunningLines, type TextRun } from './layout.ts';

/** The Adobe character maps shipped with pdfjs-dist, read from disk (CJK PDFs need them); never fetched. */
const CHARACTER_MAPS_DIRECTORY = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;

export interface PdfText {
  readonly pages: readonly (readonly string[])[];
  /** Pages in the document; more than `pages.length` when the page limit cut it short. */
  readonly pageCount: number;
}

export interface PdfReadLimits {
  readonly maxPages: number;
  /** `Date.now()` value after which reading stops with EXTRACTION_TIMEOUT. */
  readonly deadline: number;
}

/** Private-use code points (icon fonts) and control characters: ink without meaning for a parser. */
const MEANINGLESS_CHARACTERS = /[\p{Cc}\p{Co}\ufffd]/gu;

interface PlacedItem {
  readonly run: TextRun;
  readonly font: string;
  /** Visible characters the PDF drew, before normalization (NFKC turns an icon drawn as "½" into three). */
  readonly drawnCharacters: number;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

function placedItems(items: readonly (TextItem | TextMarkedContent)[]): PlacedItem[] {
  const placed: PlacedItem[] = [];
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const [scaleX = 0, skewY = 0, skewX = 0, scaleY = 0, x = 0, y = 0] = item.transform as number[];
    // Rotated text (a vertical caption along the margin) is not part of the reading flow.
    if (Math.abs(skewY) > 0.01 * Math.abs(scaleX) || Math.abs(skewX) > 0.01 * Math.abs(scaleY)) continue;
    const drawn = item.str.replace(MEANINGLESS_CHARACTERS, '');
    if (drawn.trim() === '') continue;
    placed.push({
      run: { text: drawn.normalize('NFKC'), x, y, width: item.width, size: Math.abs(scaleY) || item.height },
      font: item.fontName,
      drawnCharacters: drawn.replace(/\s/g, '').length,
    });
  }
  return placed;
}

/**
 * Fonts that only ever draw one or two characters at a time across the whole document: icon fonts
 * (the phone, envelope and GitHub glyphs of LaTeX templates, whose code points land on ordinary
 * letters) and bullet fonts. Their glyphs would read as stray letters ("½ Bremen", "0 Git").
 */
function symbolFonts(pages: readonly (readonly PlacedItem[])[]): Set<string> {
  const longest = new Map<string, number>();
  for (const item of pages.flat()) {
    longest.set(item.font, Math.max(longest.get(item.font) ?? 0, item.drawnCharacters));
  }
  return new Set([...longest].filter(([, length]) => length <= 2).map(([font]) => font));
}

function timeout(): CvDocumentError {
  return new CvDocumentError('EXTRACTION_TIMEOUT', 'Reading the PDF took too long; try exporting it again.');
}

async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout()), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function translatePdfError(error: unknown): unknown {
  if (error instanceof CvDocumentError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new CvDocumentError(
      'DOCUMENT_ENCRYPTED',
      'The PDF is password-protected; upload an unprotected copy.',
      {
        cause: error,
      },
    );
  }
  return new CvDocumentError(
    'DOCUMENT_UNREADABLE',
    'The PDF is damaged and cannot be read; try exporting it again.',
    {
      cause: error,
    },
  );
}

/**
 * The text of a PDF, page by page, in reading order (see layout.ts). pdf.js runs in this thread (no
 * worker), with nothing fetched from the network: fonts are not loaded as font faces (text extraction
 * needs none), system fonts and WebAssembly decoders are not used, XFA forms are ignored, character
 * maps are read from the package on disk. (pdf.js 6 no longer compiles fonts with eval, so there is
 * no `isEvalSupported` to turn off.) Only the first `maxPages` pages are read, and
 * reading stops with EXTRACTION_TIMEOUT at `deadline`; pdf.js yields between parsing steps, so the
 * deadline is honoured between steps rather than preemptively.
 */
export async function extractPdfText(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfText> {
  if (Date.now() >= limits.deadline) throw timeout();
  const task: PDFDocumentLoadingTask = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: CHARACTER_MAPS_DIRECTORY,
    cMapPacked: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await beforeDeadline(task.promise, limits.deadline);
    const pagesToRead = Math.min(document.numPages, limits.maxPages);
    const pages: PlacedItem[][] = [];
    for (let number = 1; number <= pagesToRead; number += 1) {
      if (Date.now() >= limits.deadline) throw timeout();
      const page = await beforeDeadline(document.getPage(number), limits.deadline);
      const content = await beforeDeadline(page.getTextContent(), limits.deadline);
      pages.push(placedItems(content.items));
      page.cleanup();
    }
    const symbols = symbolFonts(pages);
    return {
      pages: withoutRunningLines(
        pages.map((items) =>
          pageLines(items.filter((item) => !symbols.has(item.font)).map((item) => item.run)),
        ),
      ),
      pageCount: document.numPages,
    };
  } catch (error) {
    throw translatePdfError(error);
  } finally {
    await task.destroy();
  }
}
