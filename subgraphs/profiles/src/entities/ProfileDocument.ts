import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DOCUMENT_KINDS, DOCUMENT_TYPES, type SuggestionDecision } from '../domain/documents.ts';
import { ProfileSchema } from './Profile.ts';

/**
 * A document of a profile (a CV): what it is, as told by its content, and what was read from it. The
 * bytes are elsewhere (`profile_document_contents`), encrypted, so listing documents never reads them.
 */
export const ProfileDocumentSchema = defineEntity({
  name: 'ProfileDocument',
  tableName: 'profile_documents',
  indexes: [{ properties: ['profile', 'uploadedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    kind: p.enum(DOCUMENT_KINDS),
    /** PDF, DOCX or TEXT, told by the content (never by the name or the declared media type). */
    documentType: p.enum(DOCUMENT_TYPES),
    mediaType: p.string().length(120),
    /** The name the person gave, cleaned for a download header. */
    fileName: p.string().length(200),
    byteSize: p.integer(),
    /** SHA-256 of the plain bytes, hex: the same CV uploaded twice is recognizable. */
    sha256: p.string().length(64),
    /** Who uploaded it (the owner, or their firm for a consultant); null once that account is erased. */
    uploadedBy: p.uuid().nullable(),
    uploadedAt: p.datetime(),
    /** The reading of the CV (cv-parsing ParsedCv); null when it could not be read. */
    parsed: p.json<Record<string, unknown>>().nullable(),
    /** Why it could not be read (a CvDocumentError code), and what the reading warned about. */
    parseErrorCode: p.string().length(60).nullable(),
    parseWarnings: p.array().$type<string[]>().default([]),
    /** The person's decision on each suggestion, by suggestion key: ACCEPTED or REJECTED. */
    decisions: p.json<Record<string, SuggestionDecision>>(),
  },
});

export type ProfileDocument = InferEntity<typeof ProfileDocumentSchema>;
