import { describe, expect, it } from 'vitest';
import { CvDocumentError } from '../../src/cv-parsing/errors.ts';
import { extractDocumentText } from '../../src/cv-parsing/extract.ts';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  [...text].forEach((character, index) =>
    view.setUint16(2 + index * 2, character.charCodeAt(0), littleEndian),
  );
  return bytes;
}

describe('plain text extraction', () => {
  it('reads UTF-8 with a byte-order mark and Windows line endings into clean lines', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('Jeanne Dupont  \r\nDéveloppeuse\r\n\r\n\r\n\r\nCompétences\fPython\r\n'),
    ]);
    expect(await extractDocumentText(bytes)).toEqual({
      type: 'TEXT',
      mediaType: 'text/plain; charset=utf-8',
      text: 'Jeanne Dupont\nDéveloppeuse\n\nCompétences\n\nPython',
      pageCount: null,
      warnings: [],
    });
  });

  it.each([
    ['little-endian', true],
    ['big-endian', false],
  ])('reads UTF-16 %s with its byte-order mark', async (_, littleEndian) => {
    expect((await extractDocumentText(utf16('Réseaux\nSécurité', littleEndian))).text).toBe(
      'Réseaux\nSécurité',
    );
  });

  it('refuses text without any word', async () => {
    const error = await extractDocumentText(new TextEncoder().encode(' \n 12 34 \n')).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(CvDocumentError);
    expect(error).toMatchObject({ code: 'NO_TEXT_FOUND' });
  });
});
