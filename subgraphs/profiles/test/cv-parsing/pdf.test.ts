import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { CvDocumentError } from '../../src/cv-parsing/errors.ts';
import { extractDocumentText } from '../../src/cv-parsing/extract.ts';
import { column, passwordProtectedPdf, pdfWithText, twoColumnPdf } from './documents.ts';

async function refusal(
  bytes: Uint8Array,
  options?: Parameters<typeof extractDocumentText>[1],
): Promise<CvDocumentError> {
  const error = await extractDocumentText(bytes, options).then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CvDocumentError))
    throw new Error(`expected a CvDocumentError, got ${String(error)}`);
  return error;
}

describe('PDF text extraction', () => {
  it('reads a single-column CV line by line, a title and its date on one line', async () => {
    const pdf = await pdfWithText([
      [
        { text: 'Jane Doe', x: 40, y: 800, size: 18 },
        { text: 'EXPERIENCE', x: 40, y: 760, bold: true },
        { text: 'Data Engineer, Acme', x: 40, y: 745 },
        { text: 'Jan 2020 - Present', x: 450, y: 745 },
        { text: 'Built the data platform on Spark and Airflow', x: 50, y: 731 },
      ],
    ]);
    const extracted = await extractDocumentText(pdf);
    expect(extracted).toMatchObject({
      type: 'PDF',
      mediaType: 'application/pdf',
      pageCount: 1,
      warnings: [],
    });
    expect(extracted.text).toBe(
      [
        'Jane Doe',
        '',
        'EXPERIENCE',
        'Data Engineer, Acme\tJan 2020 - Present',
        'Built the data platform on Spark and Airflow',
      ].join('\n'),
    );
  });

  it('reads a two-column sidebar layout column by column', async () => {
    const pdf = await twoColumnPdf(
      [
        'EXPERIENCE',
        'Backend Developer at Acme',
        '2019 - 2022',
        'Designed the payment API',
        'Migrated services to Kubernetes',
        'EDUCATION',
        'MSc Computer Science',
      ],
      ['CONTACT', 'jane@example.com', 'SKILLS', 'Python', 'PostgreSQL', 'LANGUAGES', 'English (C1)'],
    );
    const lines = (await extractDocumentText(pdf)).text.split('\n');
    expect(lines).toEqual([
      'EXPERIENCE',
      'Backend Developer at Acme',
      '2019 - 2022',
      'Designed the payment API',
      'Migrated services to Kubernetes',
      'EDUCATION',
      'MSc Computer Science',
      '',
      'CONTACT',
      'jane@example.com',
      'SKILLS',
      'Python',
      'PostgreSQL',
      'LANGUAGES',
      'English (C1)',
    ]);
  });

  it('keeps French accents', async () => {
    const pdf = await pdfWithText([
      column(
        [
          'EXPÉRIENCE PROFESSIONNELLE',
          'Développeuse à la Société Générale',
          'Compétences : réseaux, sécurité, Œuvres',
        ],
        40,
      ),
    ]);
    expect((await extractDocumentText(pdf)).text).toBe(
      'EXPÉRIENCE PROFESSIONNELLE\nDéveloppeuse à la Société Générale\nCompétences : réseaux, sécurité, Œuvres',
    );
  });

  it('reads every page in order, an empty line between pages', async () => {
    const pdf = await pdfWithText([
      column(['Page one'], 40),
      column(['Page two'], 40),
      column(['Page three'], 40),
    ]);
    expect(await extractDocumentText(pdf)).toMatchObject({
      pageCount: 3,
      text: 'Page one\n\nPage two\n\nPage three',
      warnings: [],
    });
  });

  it('reads at most the page limit and says so', async () => {
    const pdf = await pdfWithText([
      column(['Page one'], 40),
      column(['Page two'], 40),
      column(['Page three'], 40),
    ]);
    expect(await extractDocumentText(pdf, { maxPages: 2 })).toMatchObject({
      pageCount: 3,
      text: 'Page one\n\nPage two',
      warnings: ['Only the first 2 of 3 pages were read.'],
    });
  });

  it('refuses a password-protected PDF', async () => {
    expect(await refusal(await passwordProtectedPdf())).toMatchObject({ code: 'DOCUMENT_ENCRYPTED' });
  });

  it.each([
    [
      'a header followed by garbage',
      new TextEncoder().encode('%PDF-1.7\n this is not a PDF body at all \n%%EOF'),
    ],
    ['a PDF cut in half', null],
  ])('refuses %s as unreadable', async (_, bytes) => {
    const document = bytes ?? (await pdfWithText([column(['Jane Doe', 'Engineer'], 40)])).slice(0, 300);
    expect(await refusal(document)).toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
  });

  it('refuses a PDF without text (a scan) with a message saying why', async () => {
    const document = await PDFDocument.create();
    document.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 300, color: rgb(0.5, 0.5, 0.5) });
    expect(await refusal(await document.save())).toMatchObject({
      code: 'NO_TEXT_FOUND',
      message: expect.stringContaining('scanned'),
    });
  });

  it('stops at the time limit', async () => {
    const pdf = await pdfWithText([column(['Jane Doe'], 40)]);
    expect(await refusal(pdf, { timeLimitMs: 0 })).toMatchObject({ code: 'EXTRACTION_TIMEOUT' });
  });
});
