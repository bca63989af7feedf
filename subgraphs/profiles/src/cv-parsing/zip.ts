import { Inflate } from 'fflate';
import { CvDocumentError } from './errors.ts';
import {
  COMPRESSION_RATIO_GRACE_BYTES,
  MAX_ARCHIVE_DECLARED_BYTES,
  MAX_ARCHIVE_ENTRIES,
  MAX_ARCHIVE_ENTRY_BYTES,
  MAX_ARCHIVE_INFLATED_BYTES,
  MAX_COMPRESSION_RATIO,
} from './limits.ts';

/**
 * A ZIP reader for untrusted uploads. It reads the central directory only (never trusts local headers
 * for sizes), refuses what a Word document never contains (ZIP64, encryption, exotic compression,
 * thousands of entries), and inflates one entry at a time in small slices, counting the output as it
 * comes: a part that would inflate past its budget, past its declared size or at a zip-bomb ratio is
 * refused after at most one slice of output, long before the gigabytes are allocated.
 */

const LOCAL_FILE_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_DIRECTORY_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;
/** Deflate emits at most ~1,032 bytes per input byte, so one slice inflates to at most ~1 MiB. */
const INFLATE_SLICE_BYTES = 1024;

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  /** As the archive declares it; checked against the real output while inflating. */
  readonly declaredSize: number;
  readonly method: number;
  readonly encrypted: boolean;
  readonly localHeaderOffset: number;
}

/** The first bytes of every non-empty ZIP archive. */
export function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readUint32(bytes, 0) === LOCAL_FILE_HEADER_SIGNATURE;
}

function readUint16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (readUint16(bytes, offset) | (readUint16(bytes, offset + 2) << 16)) >>> 0;
}

function unreadable(detail: string): CvDocumentError {
  return new CvDocumentError('DOCUMENT_UNREADABLE', `The Word document is damaged: ${detail}.`);
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - END_OF_CENTRAL_DIRECTORY_SIZE - MAX_COMMENT_LENGTH);
  for (let offset = bytes.length - END_OF_CENTRAL_DIRECTORY_SIZE; offset >= lowest; offset -= 1) {
    if (readUint32(bytes, offset) === END_OF_CENTRAL_DIRECTORY_SIGNATURE) return offset;
  }
  throw unreadable('its table of contents (ZIP central directory) is missing');
}

export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  readonly #bytes: Uint8Array;
  #inflatedBytes = 0;

  private constructor(bytes: Uint8Array, entries: readonly ZipEntry[]) {
    this.#bytes = bytes;
    this.entries = entries;
  }

  /** Reads the central directory; throws a `CvDocumentError` for anything a DOCX never is. */
  static open(bytes: Uint8Array): ZipArchive {
    const end = findEndOfCentralDirectory(bytes);
    if (end >= 20 && readUint32(bytes, end - 20) === ZIP64_LOCATOR_SIGNATURE) {
      throw unreadable('it is a ZIP64 archive, which no CV-sized Word document needs');
    }
    const entryCount = readUint16(bytes, end + 10);
    const directorySize = readUint32(bytes, end + 12);
    const directoryOffset = readUint32(bytes, end + 16);
    if (entryCount > MAX_ARCHIVE_ENTRIES) {
      throw new CvDocumentError(
        'TOO_MANY_ARCHIVE_ENTRIES',
        `The Word document holds ${entryCount} parts; at most ${MAX_ARCHIVE_ENTRIES} are accepted.`,
      );
    }
    if (directoryOffset + directorySize > end)
      throw unreadable('its table of contents points outside the file');

    const entries: ZipEntry[] = [];
    const decoder = new TextDecoder('utf-8');
    let declaredTotal = 0;
    let offset = directoryOffset;
    for (let index = 0; index < entryCount; index += 1) {
      if (offset + 46 > end || readUint32(bytes, offset) !== CENTRAL_DIRECTORY_SIGNATURE) {
        throw unreadable('an entry of its table of contents is malformed');
      }
      const nameLength = readUint16(bytes, offset + 28);
      const extraLength = readUint16(bytes, offset + 30);
      const commentLength = readUint16(bytes, offset + 32);
      const entry: ZipEntry = {
        name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
        method: readUint16(bytes, offset + 10),
        encrypted: (readUint16(bytes, offset + 8) & ENCRYPTED_FLAG) !== 0,
        compressedSize: readUint32(bytes, offset + 20),
        declaredSize: readUint32(bytes, offset + 24),
        localHeaderOffset: readUint32(bytes, offset + 42),
      };
      if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff) {
        throw unreadable('it uses ZIP64 sizes, which no CV-sized Word document needs');
      }
      declaredTotal += entry.declaredSize;
      entries.push(entry);
      offset += 46 + nameLength + extraLength + commentLength;
    }
    if (declaredTotal > MAX_ARCHIVE_DECLARED_BYTES) {
      throw new CvDocumentError(
        'ARCHIVE_TOO_LARGE',
        `The Word document declares ${formatMebibytes(declaredTotal)} of contents; at most ${formatMebibytes(MAX_ARCHIVE_DECLARED_BYTES)} are accepted.`,
      );
    }
    return new ZipArchive(bytes, entries);
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((entry) => entry.name === name);
  }

  /**
   * The inflated bytes of one entry, within `maxBytes` (and the archive-wide budget). Every guard
   * runs before or while inflating, so a bomb costs at most one slice of output.
   */
  read(entry: ZipEntry, maxBytes = MAX_ARCHIVE_ENTRY_BYTES): Uint8Array {
    if (entry.encrypted) {
      throw new CvDocumentError(
        'DOCUMENT_ENCRYPTED',
        'The Word document is password-protected; upload an unprotected copy.',
      );
    }
    const budget = Math.min(maxBytes, MAX_ARCHIVE_INFLATED_BYTES - this.#inflatedBytes);
    if (entry.declaredSize > budget) throw tooLarge(entry, budget);
    if (
      entry.declaredSize > COMPRESSION_RATIO_GRACE_BYTES &&
      entry.declaredSize > entry.compressedSize * MAX_COMPRESSION_RATIO
    ) {
      throw suspicious(entry, 'declares a compression ratio no document has');
    }
    const data = this.#compressedData(entry);
    const inflated = entry.method === STORED ? data.slice() : this.#inflate(entry, data, budget);
    if (inflated.length !== entry.declaredSize) {
      throw unreadable(
        `part ${entry.name} is ${inflated.length} bytes instead of the ${entry.declaredSize} it declares`,
      );
    }
    this.#inflatedBytes += inflated.length;
    return inflated;
  }

  #compressedData(entry: ZipEntry): Uint8Array {
    const header = entry.localHeaderOffset;
    if (header + 30 > this.#bytes.length || readUint32(this.#bytes, header) !== LOCAL_FILE_HEADER_SIGNATURE) {
      throw unreadable(`part ${entry.name} is missing`);
    }
    const start = header + 30 + readUint16(this.#bytes, header + 26) + readUint16(this.#bytes, header + 28);
    const end = start + entry.compressedSize;
    if (end > this.#bytes.length) throw unreadable(`part ${entry.name} is cut short`);
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw unreadable(`part ${entry.name} uses compression method ${entry.method}, which Word never writes`);
    }
    return this.#bytes.subarray(start, end);
  }

  #inflate(entry: ZipEntry, data: Uint8Array, budget: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let inflated = 0;
    let consumed = 0;
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      inflated += chunk.length;
      if (inflated > entry.declaredSize) throw suspicious(entry, 'inflates beyond the size it declares');
      if (inflated > budget) throw tooLarge(entry, budget);
      if (inflated > COMPRESSION_RATIO_GRACE_BYTES && inflated > consumed * MAX_COMPRESSION_RATIO) {
        throw suspicious(entry, 'inflates at a zip-bomb ratio');
      }
      chunks.push(chunk);
      finished = final;
    });
    try {
      for (let offset = 0; offset < data.length; offset += INFLATE_SLICE_BYTES) {
        const slice = data.subarray(offset, offset + INFLATE_SLICE_BYTES);
        consumed += slice.length;
        inflater.push(slice, offset + INFLATE_SLICE_BYTES >= data.length);
      }
      if (data.length === 0) inflater.push(data, true);
    } catch (error) {
      if (error instanceof CvDocumentError) throw error;
      throw unreadable(`part ${entry.name} cannot be decompressed`);
    }
    if (!finished) throw unreadable(`part ${entry.name} is cut short`);
    const output = new Uint8Array(inflated);
    let position = 0;
    for (const chunk of chunks) {
      output.set(chunk, position);
      position += chunk.length;
    }
    return output;
  }
}

function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;
}

function tooLarge(entry: ZipEntry, budget: number): CvDocumentError {
  return new CvDocumentError(
    'ARCHIVE_TOO_LARGE',
    `Part ${entry.name} of the Word document is too large to be a CV (more than ${formatMebibytes(budget)} uncompressed).`,
  );
}

function suspicious(entry: ZipEntry, why: string): CvDocumentError {
  return new CvDocumentError(
    'SUSPICIOUS_COMPRESSION',
    `Part ${entry.name} of the Word document ${why}; it was refused.`,
  );
}
