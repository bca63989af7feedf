/**
 * Reading CV documents into profile suggestions: pure functions, no GraphQL and no database.
 *
 * - `detectDocumentType(bytes)` tells PDF, DOCX and plain text apart by content and refuses the rest;
 * - `extractDocumentText(bytes)` reads the text in reading order (two-column PDFs column by column);
 * - `parseCv(text)` turns that text into a `ParsedCv` of suggestions, each with a stable key, a
 *   confidence and its evidence, that the candidate accepts or rejects one by one;
 * - `cvSuggestions(parsed)` lists those suggestions flat, tagged with the profile field they fill.
 *
 * Every refusal is a `CvDocumentError` with a `code` from `CV_DOCUMENT_ERROR_CODES`.
 */
export {
  detectDocumentType,
  DOCUMENT_TYPES,
  type DetectedDocument,
  type DocumentType,
} from './detect-type.ts';
export {
  CV_DOCUMENT_ERROR_CODES,
  CvDocumentError,
  isCvDocumentError,
  type CvDocumentErrorCode,
} from './errors.ts';
export { extractDocumentText, type ExtractedDocument, type ExtractionOptions } from './extract.ts';
export * from './limits.ts';
export { parseCv, type ParseOptions } from './parse.ts';
export type * from './parsed-cv.ts';
export { SKILL_SOURCES } from './parsed-cv.ts';
export { cvSuggestions, type CvSuggestion } from './suggestions.ts';
export type { YearMonth } from './dates.ts';
export { LINK_KINDS, type LinkKind } from './contact.ts';
export { SECTION_KINDS, type SectionKind } from './sections.ts';
