import { createEvent, recordEvent } from '@talentgraph/events';
import { isUuid, type EntityManager } from '@talentgraph/platform';
import { downloadFileName, type DocumentType } from '../domain/documents.ts';
import { ProfileDocumentSchema, type ProfileDocument } from '../entities/ProfileDocument.ts';
import { ProfileDocumentContentSchema } from '../entities/ProfileDocumentContent.ts';
import { documentServicesOf } from './services.ts';
import { checkDownloadLink, signedDownloadPath } from './signed-links.ts';

const EXTENSIONS: Readonly<Record<DocumentType, string>> = {
  PDF: 'pdf',
  DOCX: 'docx',
  TEXT: 'txt',
};

/** A download link for `viewerId`, working for DOCUMENT_LINK_TTL_SECONDS from `now`. */
export function downloadLinkOf(
  em: EntityManager,
  document: Pick<ProfileDocument, 'id'>,
  viewerId: string,
  now: Date,
): { readonly url: string; readonly expiresAt: Date } {
  const { config } = documentServicesOf(em);
  const expiresAt = new Date(now.getTime() + config.DOCUMENT_LINK_TTL_SECONDS * 1000);
  const path = signedDownloadPath(config.DOCUMENT_LINK_SECRET, {
    documentId: document.id,
    viewerId,
    expiresAt,
  });
  return { url: new URL(path, config.PUBLIC_API_URL).toString(), expiresAt };
}

export type DownloadAnswer =
  | { readonly status: 200; readonly headers: Record<string, string>; readonly body: Buffer }
  | {
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: Record<string, unknown>;
    };

const refusal = (status: number, code: string, message: string): DownloadAnswer => ({
  status,
  headers: {},
  body: { error: { code, message } },
});

/**
 * Serves a document through a signed link: the link is checked, the download recorded as
 * `profiles.DocumentDownloaded` (the users subgraph writes it to the audit log) and committed before a
 * single byte is sent — a download that cannot be audited does not happen — then the bytes are
 * decrypted and sent as an attachment that browsers do not sniff or cache.
 */
export async function serveDownload(
  em: EntityManager,
  documentId: string,
  query: Record<string, unknown>,
  context: { readonly now: Date; readonly requestId: string },
): Promise<DownloadAnswer> {
  const { config, keyRing } = documentServicesOf(em);
  if (!isUuid(documentId)) return refusal(404, 'DOCUMENT_NOT_FOUND', 'No document has this id.');
  const check = checkDownloadLink(config.DOCUMENT_LINK_SECRET, documentId, query, context.now);
  if (!check.valid) {
    return check.reason === 'EXPIRED'
      ? refusal(410, 'LINK_EXPIRED', 'This download link has expired; ask for a new one.')
      : refusal(403, 'LINK_INVALID', 'This download link is not valid.');
  }
  const viewerId = check.grant.viewerId;
  const found = await em.fork().transactional(async (tx) => {
    const document = await tx.findOne(ProfileDocumentSchema, { id: documentId }, { populate: ['profile'] });
    if (!document) return null;
    const content = await tx.findOneOrFail(ProfileDocumentContentSchema, { document: documentId });
    recordEvent(
      tx,
      createEvent({
        type: 'profiles.DocumentDownloaded',
        version: 1,
        aggregate: { type: 'Document', id: documentId },
        payload: {
          documentId,
          profileId: document.profile.id,
          ownerId: document.profile.userId,
          downloadedBy: viewerId,
        },
        actor: { kind: 'USER', id: viewerId },
        correlationId: context.requestId,
        occurredAt: context.now,
      }),
    );
    return { document, content };
  });
  if (!found) return refusal(404, 'DOCUMENT_NOT_FOUND', 'No document has this id.');
  const { document, content } = found;
  const bytes = keyRing.open(documentId, {
    keyId: content.keyId,
    iv: Buffer.from(content.iv),
    authTag: Buffer.from(content.authTag),
    ciphertext: Buffer.from(content.ciphertext),
  });
  const fileName = downloadFileName(document.fileName, EXTENSIONS[document.documentType]);
  return {
    status: 200,
    headers: {
      'content-type': document.mediaType,
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
    body: bytes,
  };
}
