import { describe, expect, it } from 'vitest';
import { CvDocumentError } from '../../src/cv-parsing/errors.ts';
import { extractDocumentText } from '../../src/cv-parsing/extract.ts';
import { MAX_ARCHIVE_ENTRIES } from '../../src/cv-parsing/limits.ts';
import {
  deflateBomb,
  docxDocument,
  handMadeDocx,
  rawZip,
  WORD_CONTENT_TYPES,
  zipBombDocx,
  zipOf,
  documentXml,
} from './documents.ts';
import { inflateSync, strToU8 } from 'fflate';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

async function refusal(bytes: Uint8Array): Promise<CvDocumentError> {
  const error = await extractDocumentText(bytes).then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CvDocumentError))
    throw new Error(`expected a CvDocumentError, got ${String(error)}`);
  return error;
}

async function refusalCode(bytes: Uint8Array): Promise<string> {
  return (await refusal(bytes)).code;
}

describe('DOCX text extraction', () => {
  it('reads paragraphs, headings and bullets in order, accents included', async () => {
    const docx = await docxDocument({
      paragraphs: [
        { text: 'Jeanne Dupont' },
        { text: 'Expérience professionnelle', heading: true },
        { text: 'Développeuse — Société Générale — 2019 - 2021' },
        { text: 'Conçu des API GraphQL', bullet: true },
        { text: 'Compétences', heading: true },
      ],
      table: [
        ['TypeScript', 'Expert'],
        ['PostgreSQL', 'Avancé'],
      ],
    });
    const extracted = await extractDocumentText(docx);
    expect(extracted).toMatchObject({ type: 'DOCX', pageCount: null, warnings: [] });
    expect(extracted.text).toBe(
      [
        'Jeanne Dupont',
        'Expérience professionnelle',
        'Développeuse — Société Générale — 2019 - 2021',
        '• Conçu des API GraphQL',
        'Compétences',
        'TypeScript\tExpert',
        'PostgreSQL\tAvancé',
      ].join('\n'),
    );
  });

  it('reads a sidebar table cell by cell, not row across cells', async () => {
    const docx = await docxDocument({
      paragraphs: ['Jane Doe'],
      sidebarTable: {
        left: ['EXPERIENCE', 'Engineer at Acme', 'Built billing'],
        right: ['SKILLS', 'Python', 'Docker'],
      },
    });
    expect((await extractDocumentText(docx)).text).toBe(
      ['Jane Doe', 'EXPERIENCE', 'Engineer at Acme', 'Built billing', '', 'SKILLS', 'Python', 'Docker'].join(
        '\n',
      ),
    );
  });

  it('reads a text box once, skipping the legacy copy Word writes beside it, and ignores deleted text', async () => {
    const body = `<w:p><w:r><w:t>Before</w:t></w:r></w:p>
      <w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
      <w:p><w:del><w:r><w:delText>Removed</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">Kept &amp; shown</w:t><w:tab/><w:t>2020</w:t></w:r></w:p>`;
    expect((await extractDocumentText(handMadeDocx(body))).text).toBe(
      'Before\nIn the box\n\nKept & shown\t2020',
    );
  });

  it('refuses a document type declaration (entity expansion) as unreadable', async () => {
    const body = '<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>';
    const docx = zipOf({
      '[Content_Types].xml': WORD_CONTENT_TYPES,
      'word/document.xml': `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY lol "lol">]>${documentXml(body).replace(/^<\?xml[^>]*\?>/, '')}`,
    });
    expect(await refusalCode(docx)).toBe('DOCUMENT_UNREADABLE');
  });

  it('refuses a DOCX without text', async () => {
    expect(await refusalCode(handMadeDocx('<w:p/>'))).toBe('NO_TEXT_FOUND');
  });

  it('refuses a DOCX with encrypted entries', async () => {
    const docx = handMadeDocx('<w:p><w:r><w:t>CV</w:t></w:r></w:p>');
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    // Set the "encrypted" flag of every central directory entry.
    for (let offset = 0; offset + 4 <= docx.length; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50)
        view.setUint16(offset + 8, view.getUint16(offset + 8, true) | 1, true);
    }
    expect(await refusalCode(docx)).toBe('DOCUMENT_ENCRYPTED');
  });
});

describe('zip bomb DOCX', () => {
  it('is built as announced: the bomb stream inflates to the size it claims', () => {
    expect(inflateSync(deflateBomb(3 * MIB)).length).toBe(3 * MIB);
    expect(deflateBomb(GIB).length).toBeLessThan(7 * MIB);
  });

  it('refuses a part that declares a gigabyte before inflating anything', async () => {
    expect(await refusalCode(zipBombDocx(GIB, GIB))).toBe('ARCHIVE_TOO_LARGE');
  });

  it('refuses a part that lies about its size as soon as it inflates past what it declared', async () => {
    const before = process.memoryUsage().arrayBuffers;
    expect(await refusal(zipBombDocx(GIB, 4096))).toMatchObject({
      code: 'SUSPICIOUS_COMPRESSION',
      message: expect.stringContaining('beyond the size it declares'),
    });
    // A reader that inflated the gigabyte would hold it here; this one stopped after a slice.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MIB);
  });

  it('refuses a declared ratio no document has', async () => {
    expect(await refusal(zipBombDocx(20 * MIB, 20 * MIB))).toMatchObject({
      code: 'SUSPICIOUS_COMPRESSION',
      message: expect.stringContaining('declares a compression ratio'),
    });
  });

  it('refuses a stream whose ratio turns bomb-like while inflating, even when the declared totals look sane', async () => {
    // 4 MiB of "a" (a ~25 KiB stream) followed by 60 KiB of incompressible bytes: the whole part
    // declares a ratio of ~48, but its first megabytes inflate at ~160.
    const noise = new Uint8Array(60 * 1024).map((_, index) => (index * 7919 + (index >> 3) * 104729) % 251);
    const bomb = deflateBomb(4 * MIB, noise);
    const docx = rawZip([
      {
        name: '[Content_Types].xml',
        data: strToU8(WORD_CONTENT_TYPES),
        method: 0,
        declaredSize: WORD_CONTENT_TYPES.length,
      },
      { name: 'word/document.xml', data: bomb, method: 8, declaredSize: 4 * MIB + noise.length },
    ]);
    expect(inflateSync(bomb).length).toBe(4 * MIB + noise.length);
    expect(await refusal(docx)).toMatchObject({
      code: 'SUSPICIOUS_COMPRESSION',
      message: expect.stringContaining('zip-bomb ratio'),
    });
  });

  it('refuses an archive whose entries declare more than the archive-wide limit', async () => {
    const entries = Array.from({ length: 30 }, (_, index) => ({
      name: `word/media/image${index}.png`,
      data: new Uint8Array(8),
      method: 0 as const,
      declaredSize: 10 * MIB,
    }));
    const docx = rawZip([
      {
        name: '[Content_Types].xml',
        data: strToU8(WORD_CONTENT_TYPES),
        method: 0,
        declaredSize: WORD_CONTENT_TYPES.length,
      },
      ...entries,
    ]);
    expect(await refusalCode(docx)).toBe('ARCHIVE_TOO_LARGE');
  });

  it('refuses an archive with more entries than any document has', async () => {
    const entries: Record<string, string> = {
      '[Content_Types].xml': WORD_CONTENT_TYPES,
      'word/document.xml': documentXml('<w:p/>'),
    };
    for (let index = 0; index < MAX_ARCHIVE_ENTRIES; index += 1) entries[`word/media/${index}.bin`] = '';
    expect(await refusalCode(zipOf(entries))).toBe('TOO_MANY_ARCHIVE_ENTRIES');
  });
});
