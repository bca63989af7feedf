import { randomUUID } from 'node:crypto';

/** Header that carries one request's id from the client, through the gateway, to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Keeps a caller-supplied id when it is safe to log (bounded, no spaces or control characters, so it
 * cannot forge log lines), otherwise issues a fresh one.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && ACCEPTABLE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}
