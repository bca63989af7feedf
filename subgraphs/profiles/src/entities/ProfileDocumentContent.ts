import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ProfileDocumentSchema } from './ProfileDocument.ts';

/**
 * The bytes of a document, encrypted at rest with AES-256-GCM under the key `keyId` of the document key
 * ring (documents/encryption.ts); the document id is bound as additional authenticated data, so content
 * moved to another document fails to decrypt.
 */
export const ProfileDocumentContentSchema = defineEntity({
  name: 'ProfileDocumentContent',
  tableName: 'profile_document_contents',
  properties: {
    document: () => p.oneToOne(ProfileDocumentSchema).primary().owner().deleteRule('cascade'),
    keyId: p.string().length(40),
    iv: p.blob(),
    authTag: p.blob(),
    ciphertext: p.blob(),
  },
});

export type ProfileDocumentContent = InferEntity<typeof ProfileDocumentContentSchema>;
