export { DOCUMENT_TYPES, type DocumentType } from '../cv-parsing/index.ts';

/** What a profile's documents are; more kinds (cover letters, diplomas) would join the CV. */
export const DOCUMENT_KINDS = ['CV'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The person's answer to one suggestion read from their CV. */
export const SUGGESTION_DECISIONS = ['ACCEPTED', 'REJECTED'] as const;
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];
