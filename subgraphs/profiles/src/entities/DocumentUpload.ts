import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DOCUMENT_KINDS } from '../domain/documents.ts';
import { ProfileSchema } from './Profile.ts';

/**
 * A one-time upload URL: the token is given once to the client and only its SHA-256 is kept. It works
 * until `expiresAt`, once.
 */
export const DocumentUploadSchema = defineEntity({
  name: 'DocumentUpload',
  tableName: 'profile_document_uploads',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    tokenHash: p.string().length(64).unique(),
    kind: p.enum(DOCUMENT_KINDS),
    fileName: p.string().length(200),
    /** Who asked for the URL (the owner, or their firm for a consultant); null once that account is erased. */
    requestedBy: p.uuid().nullable(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});

export type DocumentUpload = InferEntity<typeof DocumentUploadSchema>;
