import { ROLES, isRole } from '@talentgraph/auth';
import { isUuid } from '@talentgraph/platform';
import type { Subscriber } from '../domain/visibility.ts';

/** Most subscribers one call may ask about; the gateway splits larger audiences into several calls. */
export const MAX_VIEWERS_PER_CALL = 5_000;

/** Whose content the subscribers want: a community's posts, or a post's comments (its community's rule). */
export type ReadTarget = { readonly kind: 'COMMUNITY' | 'POST'; readonly id: string };

export interface ReadersRequest {
  readonly target: ReadTarget;
  readonly viewers: readonly Subscriber[];
}

export type ParsedReadersRequest =
  | { readonly valid: true; readonly request: ReadersRequest }
  | { readonly valid: false; readonly message: string };

const invalid = (message: string): ParsedReadersRequest => ({ valid: false, message });

/**
 * Checks the body of `POST /internal/community-readers`:
 * `{ "communityId" | "postId": "<uuid>", "viewers": [{ "userId": "<uuid>", "roles": ["MODERATOR", …] }] }`.
 * Each problem gets a message naming the exact place to fix.
 */
export function parseReadersRequest(body: unknown): ParsedReadersRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('The body must be a JSON object (Content-Type: application/json).');
  }
  const { communityId, postId, viewers } = body as Record<string, unknown>;
  if ((communityId === undefined) === (postId === undefined)) {
    return invalid('Give exactly one of "communityId" or "postId".');
  }
  const target: ReadTarget =
    communityId !== undefined
      ? { kind: 'COMMUNITY', id: communityId as string }
      : { kind: 'POST', id: postId as string };
  if (typeof target.id !== 'string' || !isUuid(target.id)) {
    return invalid(`"${target.kind === 'COMMUNITY' ? 'communityId' : 'postId'}" must be an id (a UUID).`);
  }
  if ('userIds' in body && viewers === undefined) {
    return invalid(
      'Send "viewers": [{ "userId", "roles" }] rather than "userIds": the platform roles of each subscriber decide too.',
    );
  }
  if (!Array.isArray(viewers)) return invalid('"viewers" must be an array of { "userId", "roles" }.');
  if (viewers.length > MAX_VIEWERS_PER_CALL) {
    return invalid(
      `At most ${MAX_VIEWERS_PER_CALL} viewers per call (got ${viewers.length}): split the list.`,
    );
  }
  const parsed: Subscriber[] = [];
  for (const [index, viewer] of viewers.entries()) {
    const place = `viewers[${index}]`;
    if (typeof viewer !== 'object' || viewer === null) return invalid(`${place} must be an object.`);
    const { userId, roles } = viewer as Record<string, unknown>;
    if (typeof userId !== 'string' || !isUuid(userId))
      return invalid(`${place}.userId must be an id (a UUID).`);
    if (!Array.isArray(roles)) return invalid(`${place}.roles must be an array of platform roles.`);
    const unknown = roles.findIndex((role) => !isRole(role));
    if (unknown !== -1) {
      return invalid(`${place}.roles[${unknown}] must be one of ${ROLES.join(', ')}.`);
    }
    parsed.push({ userId, roles: roles as Subscriber['roles'] });
  }
  return { valid: true, request: { target, viewers: parsed } };
}
