import { describe, expect, it } from 'vitest';
import { detectDocumentType } from '../../src/cv-parsing/detect-type.ts';
import { CvDocumentError, type CvDocumentErrorCode } from '../../src/cv-parsing/errors.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/cv-parsing/limits.ts';
import { docxDocument, handMadeDocx, pdfWithText, WORD_CONTENT_TYPES, zipOf } from './documents.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): { code: CvDocumentErrorCode; message: string } {
  try {
    detectDocumentType(bytes);
  } catch (error) {
    if (error instanceof CvDocumentError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the document was accepted');
}

describe('detectDocumentType', () => {
  it('recognizes a PDF by its %PDF- header', async () => {
    expect(detectDocumentType(await pdfWithText([[{ text: 'CV', x: 50, y: 700 }]]))).toEqual({
      type: 'PDF',
      mediaType: 'application/pdf',
      extension: 'pdf',
      encoding: null,
    });
  });

  it('recognizes a DOCX by its Word main document part', async () => {
    expect(detectDocumentType(await docxDocument({ paragraphs: ['Jane Doe'] }))).toMatchObject({
      type: 'DOCX',
      extension: 'docx',
    });
  });

  it('recognizes UTF-8 and UTF-16 text', () => {
    expect(detectDocumentType(encode('Jeanne Dupont\nDéveloppeuse'))).toMatchObject({
      type: 'TEXT',
      encoding: 'utf-8',
    });
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...'Réseaux'].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(detectDocumentType(utf16)).toMatchObject({ type: 'TEXT', encoding: 'utf-16le' });
  });

  it('refuses an empty file and a file over the size limit before reading it', () => {
    expect(refusal(new Uint8Array())).toMatchObject({ code: 'EMPTY_DOCUMENT' });
    const oversized = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    oversized.set(encode('%PDF-1.7\n'));
    expect(refusal(oversized)).toMatchObject({ code: 'DOCUMENT_TOO_LARGE' });
  });

  it('accepts a document of exactly the size limit', () => {
    const limit = new Uint8Array(MAX_DOCUMENT_BYTES).fill(0x61);
    expect(detectDocumentType(limit).type).toBe('TEXT');
  });

  it.each([
    [
      'a PNG image renamed .pdf',
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      'a PNG image',
    ],
    ['a JPEG photo', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'a JPEG image'],
    ['a Windows program renamed .pdf', [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0], 'a Windows program'],
    ['a legacy .doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'legacy Word'],
    ['binary bytes', [0x00, 0x01, 0x02, 0x03, 0x41, 0x42], 'a binary file'],
    ['Latin-1 text', [0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9], 'UTF-8'],
  ])('refuses %s', (_, bytes, named) => {
    const { code, message } = refusal(new Uint8Array(bytes));
    expect(code).toBe('UNSUPPORTED_DOCUMENT_TYPE');
    expect(message).toContain(named);
  });

  it.each([
    ['an HTML page saved as .pdf', '<!DOCTYPE html><html><body>%PDF-1.4 CV</body></html>', 'HTML'],
    ['HTML after a comment', '<!-- saved --> <html><body>CV</body></html>', 'HTML'],
    ['an SVG image', '<?xml version="1.0"?><svg></svg>', 'SVG'],
    ['an RTF document', '{\\rtf1\\ansi CV}', 'RTF'],
  ])('refuses %s although it is text', (_, text, named) => {
    const { code, message } = refusal(encode(text));
    expect(code).toBe('UNSUPPORTED_DOCUMENT_TYPE');
    expect(message).toContain(named);
  });

  it.each([
    ['a plain ZIP renamed .docx', { 'cv.txt': 'Jane Doe' }, 'a ZIP archive'],
    ['an Excel workbook', { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }, 'Excel'],
    [
      'a PowerPoint deck',
      { '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' },
      'PowerPoint',
    ],
    [
      'an OpenDocument text',
      { mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office/>' },
      'OpenDocument',
    ],
    ['a Java archive', { 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0', 'Main.class': 'x' }, 'Java'],
    [
      'a ZIP with a Word-like part but no Word content type',
      {
        '[Content_Types].xml':
          '<Types><Override PartName="/word/document.xml" ContentType="text/plain"/></Types>',
        'word/document.xml': '<w:document/>',
      },
      'not a Word document',
    ],
  ])('refuses %s', (_, entries, named) => {
    const { code, message } = refusal(zipOf(entries));
    expect(code).toBe('UNSUPPORTED_DOCUMENT_TYPE');
    expect(message).toContain(named);
  });

  it('refuses a macro-enabled Word document', () => {
    const macroEnabled = WORD_CONTENT_TYPES.replace(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'application/vnd.ms-word.document.macroEnabled.main+xml',
    );
    expect(refusal(handMadeDocx('<w:p/>', macroEnabled))).toMatchObject({
      code: 'UNSUPPORTED_DOCUMENT_TYPE',
    });
  });

  it('refuses a truncated ZIP as unreadable', () => {
    const docx = handMadeDocx('<w:p><w:r><w:t>CV</w:t></w:r></w:p>');
    expect(refusal(docx.slice(0, docx.length - 30))).toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
  });
});
