import { Document, Packer, Paragraph, Table, TableCell, TableRow, HeadingLevel, WidthType } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, StandardFonts, rgb } from 'pdf-lib';

/**
 * Documents built by the tests themselves (never the real CVs of ../shared, which are for the
 * evaluation script only): PDFs with pdf-lib, DOCX with docx, archives and zip bombs with fflate.
 */

/** A4, in PDF points. */
export const PAGE_WIDTH = 595;
export const PAGE_HEIGHT = 842;

export interface PlacedText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size?: number;
  readonly bold?: boolean;
}

/** A PDF whose pages hold exactly the given runs of text (Helvetica, WinAnsi: French accents included). */
export async function pdfWithText(pages: readonly (readonly PlacedText[])[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  for (const runs of pages) {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    for (const run of runs) {
      page.drawText(run.text, {
        x: run.x,
        y: run.y,
        size: run.size ?? 10,
        font: run.bold ? bold : regular,
        color: rgb(0, 0, 0),
      });
    }
  }
  return document.save();
}

/** Lines of a single column starting at the top of the page, `spacing` points apart. */
export function column(
  lines: readonly string[],
  x: number,
  top = 800,
  spacing = 14,
  size = 10,
): PlacedText[] {
  return lines.map((text, index) => ({
    text,
    x,
    y: top - index * spacing,
    size,
    bold: text === text.toUpperCase() && /\p{L}/u.test(text),
  }));
}

/**
 * A sidebar CV: a main column on the left and a narrower column on the right whose lines sit between
 * the main column's baselines, as LaTeX sidebar templates print them.
 */
export async function twoColumnPdf(main: readonly string[], sidebar: readonly string[]): Promise<Uint8Array> {
  return pdfWithText([[...column(main, 40, 800, 14), ...column(sidebar, 400, 805, 17)]]);
}

/** A PDF whose trailer says it is encrypted with a user password the reader does not know. */
export async function passwordProtectedPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([PAGE_WIDTH, PAGE_HEIGHT]).drawText('Secret CV', { x: 50, y: 700, size: 12, font });
  const context = document.context;
  const bytes32 = (seed: number): PDFHexString =>
    PDFHexString.of(
      Array.from({ length: 32 }, (_, index) =>
        ((index * 37 + seed) % 256).toString(16).padStart(2, '0'),
      ).join(''),
    );
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: PDFName.of('Standard'),
      V: 1,
      R: 2,
      Length: 40,
      P: -44,
      O: bytes32(11),
      U: bytes32(99),
    }),
  );
  const id = PDFHexString.of('0123456789abcdef0123456789abcdef');
  context.trailerInfo.ID = context.obj([id, id]);
  return document.save({ useObjectStreams: false });
}

export interface DocxContent {
  readonly paragraphs: readonly (
    string | { readonly text: string; readonly heading?: boolean; readonly bullet?: boolean }
  )[];
  /** A two-cell table row, each cell a list of paragraphs: the usual Word sidebar layout. */
  readonly sidebarTable?: { readonly left: readonly string[]; readonly right: readonly string[] };
  /** A table of one-line cells (skills with levels). */
  readonly table?: readonly (readonly string[])[];
}

/** A Word document built with the docx package. */
export async function docxDocument(content: DocxContent): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = content.paragraphs.map((paragraph) =>
    typeof paragraph === 'string'
      ? new Paragraph(paragraph)
      : new Paragraph({
          text: paragraph.text,
          ...(paragraph.heading ? { heading: HeadingLevel.HEADING_1 } : {}),
          ...(paragraph.bullet ? { bullet: { level: 0 } } : {}),
        }),
  );
  if (content.sidebarTable) {
    const cell = (lines: readonly string[]): TableCell =>
      new TableCell({
        width: { size: 50, type: WidthType.PERCENTAGE },
        children: lines.map((line) => new Paragraph(line)),
      });
    children.push(
      new Table({
        rows: [
          new TableRow({ children: [cell(content.sidebarTable.left), cell(content.sidebarTable.right)] }),
        ],
      }),
    );
  }
  if (content.table) {
    children.push(
      new Table({
        rows: content.table.map(
          (row) =>
            new TableRow({ children: row.map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
        ),
      }),
    );
  }
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

export const WORD_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** WordprocessingML body holding the given paragraphs. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** A ZIP archive of text entries, deflated. */
export function zipOf(entries: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(entries))
    zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zippable);
}

/** A minimal DOCX made by hand: content types and a document part. */
export function handMadeDocx(body: string, contentTypes = WORD_CONTENT_TYPES): Uint8Array {
  return zipOf({ '[Content_Types].xml': contentTypes, 'word/document.xml': documentXml(body) });
}

class BitWriter {
  readonly #bytes: Uint8Array;
  #position = 0;

  constructor(capacity: number) {
    this.#bytes = new Uint8Array(capacity);
  }

  /** Writes `count` bits of `value`, least significant first (DEFLATE's header and extra bits). */
  bits(value: number, count: number): void {
    for (let bit = 0; bit < count; bit += 1) this.#put((value >> bit) & 1);
  }

  /** Writes a Huffman code, most significant bit first (DEFLATE's code order). */
  code(value: number, length: number): void {
    for (let bit = length - 1; bit >= 0; bit -= 1) this.#put((value >> bit) & 1);
  }

  /** Skips to the next byte boundary, as a stored block requires. */
  align(): void {
    this.#position = (this.#position + 7) & ~7;
  }

  #put(bit: number): void {
    const index = this.#position >> 3;
    this.#bytes[index] = (this.#bytes[index] ?? 0) | (bit << (this.#position & 7));
    this.#position += 1;
  }

  finish(): Uint8Array {
    return this.#bytes.slice(0, (this.#position + 7) >> 3);
  }
}

/**
 * A raw DEFLATE stream that inflates to `inflatedSize` bytes of "a" while costing 13 bits per 258
 * bytes: one fixed-Huffman block with a literal and then back-references of length 258 at distance 1,
 * optionally followed by `storedTail` in stored (uncompressed) blocks. Built bit by bit, so a gigabyte
 * bomb costs the test a few megabytes and no inflation.
 */
export function deflateBomb(inflatedSize: number, storedTail: Uint8Array = new Uint8Array()): Uint8Array {
  const copies = Math.floor((inflatedSize - 1) / 258);
  const writer = new BitWriter(
    Math.ceil((copies * 13 + 258 * 8 + 16) / 8) +
      storedTail.length +
      5 * Math.ceil(storedTail.length / 65535) +
      8,
  );
  writer.bits(storedTail.length === 0 ? 1 : 0, 1); // BFINAL
  writer.bits(1, 2); // BTYPE = fixed Huffman codes
  writer.code(0x30 + 0x61, 8); // literal "a"
  for (let copy = 0; copy < copies; copy += 1) {
    writer.code(0b11000101, 8); // length code 285: 258 bytes, no extra bits
    writer.code(0, 5); // distance code 0: distance 1
  }
  const rest = inflatedSize - 1 - copies * 258;
  for (let literal = 0; literal < rest; literal += 1) writer.code(0x30 + 0x61, 8);
  writer.code(0, 7); // end of block
  for (let offset = 0; offset < storedTail.length; offset += 65535) {
    const chunk = storedTail.subarray(offset, offset + 65535);
    writer.bits(offset + 65535 >= storedTail.length ? 1 : 0, 1);
    writer.bits(0, 2); // BTYPE = stored
    writer.align();
    writer.bits(chunk.length, 16);
    writer.bits(~chunk.length & 0xffff, 16);
    for (const byte of chunk) writer.bits(byte, 8);
  }
  return writer.finish();
}

interface StoredEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  readonly declaredSize: number;
}

/**
 * A ZIP archive written field by field, so that an entry can declare any uncompressed size (a zip
 * bomb lies about it, or tells the truth and counts on the reader to believe it).
 */
export function rawZip(entries: readonly StoredEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.declaredSize, true);
    local.setUint16(26, name.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(10, entry.method, true);
    central.setUint32(20, entry.data.length, true);
    central.setUint32(24, entry.declaredSize, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, entry.data);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)];
  const output = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    output.set(part, position);
    position += part.length;
  }
  return output;
}

/** A DOCX whose document.xml is a deflate bomb of `inflatedSize` bytes declaring `declaredSize`. */
export function zipBombDocx(inflatedSize: number, declaredSize: number): Uint8Array {
  return rawZip([
    {
      name: '[Content_Types].xml',
      data: strToU8(WORD_CONTENT_TYPES),
      method: 0,
      declaredSize: WORD_CONTENT_TYPES.length,
    },
    { name: 'word/document.xml', data: deflateBomb(inflatedSize), method: 8, declaredSize },
  ]);
}
