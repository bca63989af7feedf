/**
 * Every bound the CV reader enforces, in one place so that the upload form, the documentation and the
 * tests agree. A CV is a few pages of text: the limits are generous for that and tight for anything else.
 */

/** Largest document accepted (10 MiB), before anything is read. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** PDF pages read; a CV longer than this is read up to this page and the result says so. */
export const MAX_PDF_PAGES = 30;

/** Wall-clock budget for reading the text of one document. */
export const EXTRACTION_TIME_LIMIT_MS = 15_000;

/** Entries a DOCX may hold (Word writes 10 to 40; images add one each). */
export const MAX_ARCHIVE_ENTRIES = 1_000;

/** Uncompressed bytes one DOCX part may inflate to: a 100-page document.xml is a few MiB. */
export const MAX_ARCHIVE_ENTRY_BYTES = 32 * 1024 * 1024;

/** Uncompressed bytes of all the parts read from one DOCX together. */
export const MAX_ARCHIVE_INFLATED_BYTES = 64 * 1024 * 1024;

/** Sum of the uncompressed sizes the archive declares for all its entries (read or not). */
export const MAX_ARCHIVE_DECLARED_BYTES = 256 * 1024 * 1024;

/**
 * Largest inflated/compressed ratio of a DOCX part once it is past `COMPRESSION_RATIO_GRACE_BYTES`.
 * WordprocessingML compresses 5 to 20 times; a deflate bomb reaches 1,000.
 */
export const MAX_COMPRESSION_RATIO = 150;

/** Below this many inflated bytes the ratio is not checked: tiny repetitive parts compress very well. */
export const COMPRESSION_RATIO_GRACE_BYTES = 1024 * 1024;

/** Characters of text kept from one document; a CV has far fewer, so the rest is noise or an attack. */
export const MAX_EXTRACTED_CHARACTERS = 500_000;
