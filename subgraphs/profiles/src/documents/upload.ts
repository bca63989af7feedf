import { createHash, randomBytes } from 'node:crypto';
import { createEvent, recordEvent } from '@talentgraph/events';
import { requireId, type EntityManager } from '@talentgraph/platform';
import {
  MAX_DOCUMENT_BYTES,
  detectDocumentType,
  extractDocumentText,
  isCvDocumentError,
  parseCv,
  type CvDocumentErrorCode,
} from '../cv-parsing/index.ts';
import { cleanFileName, type DocumentKind } from '../domain/documents.ts';
import { DocumentUploadSchema } from '../entities/DocumentUpload.ts';
import { ProfileSchema } from '../entities/Profile.ts';
import { ProfileDocumentSchema, type ProfileDocument } from '../entities/ProfileDocument.ts';
import { ProfileDocumentContentSchema } from '../entities/ProfileDocumentContent.ts';
import { lockProfileToEdit, type Cause } from '../editing/change.ts';
import { answering, requirePerson, type UserError } from '../editing/refusals.ts';
import { documentServicesOf } from './services.ts';

/**
 * Uploading a CV in two steps, for web and mobile clients alike: `requestCvUpload` (GraphQL, as the
 * person) returns a one-time URL; the client PUTs the file's bytes to it (any Content-Type: the type is
 * told by the content). Nothing but the URL authorizes the upload, so a React Native upload task or a
 * browser `fetch` sends the file without the session token, and the GraphQL endpoint never carries files.
 */

export const UPLOADS_PATH = '/documents/uploads';

export interface UploadTicket {
  readonly url: string;
  readonly method: 'PUT';
  readonly expiresAt: Date;
  readonly maxBytes: number;
}

export interface RequestUploadPayload {
  readonly upload: UploadTicket | null;
  readonly errors: UserError[];
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function requestDocumentUpload(
  em: EntityManager,
  cause: Cause,
  input: { readonly profileId: string; readonly fileName: string; readonly kind: DocumentKind },
): Promise<RequestUploadPayload> {
  const person = requirePerson(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  const { config } = documentServicesOf(em);
  return answering(
    () =>
      em.transactional(async (tx): Promise<RequestUploadPayload> => {
        const profile = await lockProfileToEdit(tx, person, profileId);
        const token = randomBytes(32).toString('base64url');
        const expiresAt = new Date(cause.now.getTime() + config.DOCUMENT_UPLOAD_TTL_SECONDS * 1000);
        tx.create(DocumentUploadSchema, {
          profile,
          tokenHash: hashOf(token),
          kind: input.kind,
          fileName: cleanFileName(input.fileName),
          requestedBy: person.userId,
          expiresAt,
        });
        const url = new URL(`${UPLOADS_PATH}/${token}`, config.PUBLIC_API_URL).toString();
        return { upload: { url, method: 'PUT', expiresAt, maxBytes: MAX_DOCUMENT_BYTES }, errors: [] };
      }),
    (errors) => ({ upload: null, errors }),
  );
}

/** The answer to an upload: an HTTP status and a JSON body. */
export interface UploadAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const refusal = (status: number, code: string, message: string): UploadAnswer => ({
  status,
  body: { error: { code, message } },
});

/**
 * Reading failures that still leave a valid CV to keep (a scanned PDF has no text, a huge one may not be
 * read in time): the document is stored, without suggestions. Every other CvDocumentError refuses it.
 */
const KEPT_UNREAD: readonly CvDocumentErrorCode[] = ['NO_TEXT_FOUND', 'EXTRACTION_TIMEOUT'];

const STATUS_OF: Partial<Record<CvDocumentErrorCode, number>> = {
  DOCUMENT_TOO_LARGE: 413,
  UNSUPPORTED_DOCUMENT_TYPE: 415,
};

/**
 * Receives the bytes PUT to a one-time URL: checks the URL, the type (by content), reads and parses the
 * CV, then in one transaction spends the URL, stores the document encrypted and records
 * `profiles.DocumentUploaded`. A refused file leaves the URL usable until it expires.
 */
export async function receiveUpload(
  em: EntityManager,
  token: string,
  bytes: Uint8Array,
  context: { readonly now: Date; readonly requestId: string },
): Promise<UploadAnswer> {
  const { keyRing } = documentServicesOf(em);
  const ticket = await em.fork().findOne(DocumentUploadSchema, { tokenHash: hashOf(token) });
  if (!ticket)
    return refusal(404, 'UPLOAD_URL_UNKNOWN', 'This upload URL does not exist; ask for a new one.');
  if (ticket.usedAt)
    return refusal(410, 'UPLOAD_URL_USED', 'This upload URL was already used; ask for a new one.');
  // Unused URLs go with the account of the person who asked for them (personal-data/erasure.ts).
  const requestedBy = ticket.requestedBy;
  if (requestedBy == null)
    return refusal(404, 'UPLOAD_URL_UNKNOWN', 'This upload URL does not exist; ask for a new one.');
  if (ticket.expiresAt <= context.now) {
    return refusal(410, 'UPLOAD_URL_EXPIRED', 'This upload URL has expired; ask for a new one.');
  }
  let detected: ReturnType<typeof detectDocumentType>;
  try {
    detected = detectDocumentType(bytes);
  } catch (error) {
    if (!isCvDocumentError(error)) throw error;
    return refusal(STATUS_OF[error.code] ?? 422, error.code, error.message);
  }
  let parsed: Record<string, unknown> | null = null;
  let parseErrorCode: string | null = null;
  let parseWarnings: string[] = [];
  try {
    // A copy: the PDF reader may take the buffer it is given over (transfer it to its worker).
    const extracted = await extractDocumentText(bytes.slice());
    parsed = parseCv(extracted.text) as unknown as Record<string, unknown>;
    parseWarnings = [...extracted.warnings];
  } catch (error) {
    if (!isCvDocumentError(error)) throw error;
    if (!KEPT_UNREAD.includes(error.code))
      return refusal(STATUS_OF[error.code] ?? 422, error.code, error.message);
    parseErrorCode = error.code;
    parseWarnings = [error.message];
  }
  return em.fork().transactional(async (tx): Promise<UploadAnswer> => {
    // Spent atomically: of two uploads to the same URL at once, one finds it unused.
    const spent = await tx.nativeUpdate(
      DocumentUploadSchema,
      { id: ticket.id, usedAt: null },
      { usedAt: context.now },
    );
    if (spent === 0)
      return refusal(410, 'UPLOAD_URL_USED', 'This upload URL was already used; ask for a new one.');
    const profile = await tx.findOne(ProfileSchema, { id: ticket.profile.id });
    if (!profile)
      return refusal(404, 'UPLOAD_URL_UNKNOWN', 'The profile of this upload URL no longer exists.');
    const document: ProfileDocument = tx.create(ProfileDocumentSchema, {
      profile,
      kind: ticket.kind,
      documentType: detected.type,
      mediaType: detected.mediaType,
      fileName: ticket.fileName,
      byteSize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: requestedBy,
      uploadedAt: context.now,
      parsed,
      parseErrorCode,
      parseWarnings,
      decisions: {},
    });
    await tx.flush();
    const sealed = keyRing.seal(document.id, bytes);
    tx.create(ProfileDocumentContentSchema, { document, ...sealed });
    recordEvent(
      tx,
      createEvent({
        type: 'profiles.DocumentUploaded',
        version: 1,
        aggregate: { type: 'Document', id: document.id },
        payload: {
          documentId: document.id,
          profileId: profile.id,
          ownerId: profile.userId,
          kind: document.kind,
          documentType: document.documentType,
          byteSize: document.byteSize,
        },
        actor: { kind: 'USER', id: requestedBy },
        correlationId: context.requestId,
        occurredAt: context.now,
      }),
    );
    return {
      status: 201,
      body: {
        document: {
          id: document.id,
          documentType: document.documentType,
          mediaType: document.mediaType,
          byteSize: document.byteSize,
          read: parsed !== null,
        },
      },
    };
  });
}
