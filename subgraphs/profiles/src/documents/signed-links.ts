import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived download links: `/documents/<id>/content?viewer=<user id>&expires=<unix seconds>&signature=…`,
 * an HMAC-SHA256 over the three values with DOCUMENT_LINK_SECRET. The link works for anyone holding it
 * until it expires (so an <a href> or a React Native download manager can use it without headers), it
 * names the person it was made for (the download is audited as theirs), and it cannot be changed to
 * another document, person or expiry without the secret.
 */
export interface DownloadGrant {
  readonly documentId: string;
  /** The person the link was made for. */
  readonly viewerId: string;
  readonly expiresAt: Date;
}

function signatureOf(secret: Buffer, grant: DownloadGrant): Buffer {
  const expires = Math.floor(grant.expiresAt.getTime() / 1000);
  return createHmac('sha256', secret).update(`${grant.documentId}.${grant.viewerId}.${expires}`).digest();
}

export function signedDownloadPath(secret: Buffer, grant: DownloadGrant): string {
  const query = new URLSearchParams({
    viewer: grant.viewerId,
    expires: String(Math.floor(grant.expiresAt.getTime() / 1000)),
    signature: signatureOf(secret, grant).toString('base64url'),
  });
  return `/documents/${grant.documentId}/content?${query.toString()}`;
}

export type LinkCheck =
  | { readonly valid: true; readonly grant: DownloadGrant }
  | { readonly valid: false; readonly reason: 'MALFORMED' | 'EXPIRED' | 'BAD_SIGNATURE' };

/** Checks a download link's parameters at `now`; the signature is compared in constant time. */
export function checkDownloadLink(
  secret: Buffer,
  documentId: string,
  query: { readonly viewer?: unknown; readonly expires?: unknown; readonly signature?: unknown },
  now: Date,
): LinkCheck {
  const { viewer, expires, signature } = query;
  if (typeof viewer !== 'string' || typeof expires !== 'string' || typeof signature !== 'string') {
    return { valid: false, reason: 'MALFORMED' };
  }
  if (!/^\d{1,12}$/.test(expires)) return { valid: false, reason: 'MALFORMED' };
  const grant = { documentId, viewerId: viewer, expiresAt: new Date(Number(expires) * 1000) };
  const expected = signatureOf(secret, grant);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { valid: false, reason: 'BAD_SIGNATURE' };
  }
  if (grant.expiresAt.getTime() <= now.getTime()) return { valid: false, reason: 'EXPIRED' };
  return { valid: true, grant };
}
