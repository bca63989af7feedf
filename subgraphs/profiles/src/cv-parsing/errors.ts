/**
 * Why a CV document was refused or could not be read. Each code is a business failure the upload
 * workflow reports to the candidate as it is (a typed `UserError`), never an internal error.
 */
export const CV_DOCUMENT_ERROR_CODES = [
  /** Zero bytes. */
  'EMPTY_DOCUMENT',
  /** More bytes than `MAX_DOCUMENT_BYTES`. */
  'DOCUMENT_TOO_LARGE',
  /** Not a PDF, a Word (DOCX) document or plain text, whatever its name says. */
  'UNSUPPORTED_DOCUMENT_TYPE',
  /** A password-protected PDF, or a DOCX whose entries are encrypted. */
  'DOCUMENT_ENCRYPTED',
  /** The bytes claim a supported type but are damaged (a truncated PDF, a broken ZIP or XML). */
  'DOCUMENT_UNREADABLE',
  /** A DOCX whose contents would inflate beyond the limits (a zip bomb, or a document far too big for a CV). */
  'ARCHIVE_TOO_LARGE',
  /** A DOCX entry that inflates far more than any real document (zip bomb), or more than its header declares. */
  'SUSPICIOUS_COMPRESSION',
  /** A DOCX with more entries than any real document has. */
  'TOO_MANY_ARCHIVE_ENTRIES',
  /** Reading the text took longer than `EXTRACTION_TIME_LIMIT_MS`. */
  'EXTRACTION_TIMEOUT',
  /** A readable document without text to parse, typically a scanned PDF made of images. */
  'NO_TEXT_FOUND',
] as const;

export type CvDocumentErrorCode = (typeof CV_DOCUMENT_ERROR_CODES)[number];

/** A refused or unreadable CV document; `message` is written for the candidate. */
export class CvDocumentError extends Error {
  override readonly name = 'CvDocumentError';
  readonly code: CvDocumentErrorCode;

  constructor(code: CvDocumentErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export function isCvDocumentError(error: unknown): error is CvDocumentError {
  return error instanceof CvDocumentError;
}
