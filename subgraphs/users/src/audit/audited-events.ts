import type { JsonObject, JsonValue } from '../domain/json.ts';
import { InvalidAuditEntryError } from './audit-rules.ts';

/**
 * Which other subgraphs' domain events are sensitive actions, and how each reads in the audit log.
 *
 * One mapping per event type, rather than a generic "auditable action" event that every subgraph would
 * emit: each sensitive action there is already (or deserves to be) a domain fact of its own, versioned,
 * that other consumers read too (a member removed ends their live feeds, a deleted post leaves the read
 * models, a recruiter's views feed "who viewed my profile" and plan quotas). A generic event would mean two
 * events for one action, or facts only the audit log could read. Auditing a new action is therefore: the
 * owning subgraph records its event with `recordDomainEvent` in the transaction of the action, and one row
 * is added below.
 *
 * The payload is never copied: an entry keeps the fields a row names, which must hold ids or codes
 * (`pickedValue` refuses anything else), so a payload that also carries names, titles or excerpts for
 * other consumers leaves them out of the log.
 */
export interface AuditedEventType {
  /** The versions of the payload's shape this row reads; another version becomes a dead letter. */
  readonly versions: readonly number[];
  readonly action: string;
  /** What the entry is about: an entity type, and the payload field holding its id. */
  readonly target: { readonly type: string; readonly idField: string };
  /** Payload fields kept as the entry's details, under the same names. */
  readonly details: readonly string[];
  /** When only some events of the type are sensitive, which ones (the others record nothing). */
  readonly onlyWhen?: (payload: Readonly<Record<string, unknown>>) => boolean;
}

/** Keeps the events where someone acted on another person's membership or post: the two fields differ. */
const fieldsDiffer =
  (actorField: string, subjectField: string) =>
  (payload: Readonly<Record<string, unknown>>): boolean =>
    payload[actorField] !== payload[subjectField];

export const AUDITED_EVENTS: Readonly<Record<string, AuditedEventType>> = {
  // Removing oneself is leaving, not moderation.
  'community.MemberRemoved': {
    versions: [1],
    action: 'moderation.member_removed',
    target: { type: 'Community', idField: 'communityId' },
    details: ['userId', 'role'],
    onlyWhen: fieldsDiffer('removedBy', 'userId'),
  },
  // Authors deleting their own post is not moderation.
  'community.PostDeleted': {
    versions: [1],
    action: 'moderation.post_deleted',
    target: { type: 'Post', idField: 'postId' },
    details: ['communityId', 'authorId'],
    onlyWhen: fieldsDiffer('deletedBy', 'authorId'),
  },
  // A moderator's decision on someone's profile.
  'profiles.ProfileValidated': {
    versions: [1],
    action: 'moderation.profile_validated',
    target: { type: 'Profile', idField: 'profileId' },
    details: ['userId', 'reviewId'],
  },
  'profiles.ProfileRejected': {
    versions: [1],
    action: 'moderation.profile_rejected',
    target: { type: 'Profile', idField: 'profileId' },
    details: ['userId', 'reviewId', 'reasons'],
  },
  // Every download of a CV, by whoever made it (the owner, their firm, a moderator, a recruiter).
  'profiles.DocumentDownloaded': {
    versions: [1],
    action: 'document.downloaded',
    target: { type: 'Document', idField: 'documentId' },
    details: ['profileId', 'ownerId', 'downloadedBy'],
  },
  'profiles.ProfileViewed': {
    versions: [1],
    action: 'profile.viewed_by_recruiter',
    target: { type: 'Profile', idField: 'profileId' },
    details: ['ownerId', 'viewerOrganizationIds'],
  },
  // A recruiter unlocked a profile found in search, for their organization (one unit of its quota).
  'profiles.ProfileUnlocked': {
    versions: [1],
    action: 'profile.unlocked_by_recruiter',
    target: { type: 'Profile', idField: 'profileId' },
    details: ['ownerId', 'organizationId'],
  },
};

/** What recordAuditFromEvent needs beyond the envelope. */
export interface AuditMapping {
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string };
  readonly details: JsonObject;
}

/**
 * The entry an event makes, or null when it makes none (a type not audited, or an event the row's
 * `onlyWhen` leaves out). Throws InvalidAuditEntryError when a field the row names is missing or is not
 * an id or a code: the producer broke its contract, and the event must not be recorded as something else.
 */
export function auditMappingOf(
  event: { readonly type: string; readonly payload: Readonly<Record<string, unknown>> },
  table: Readonly<Record<string, AuditedEventType>> = AUDITED_EVENTS,
): AuditMapping | null {
  if (!Object.hasOwn(table, event.type)) return null;
  const row = table[event.type]!;
  if (row.onlyWhen && !row.onlyWhen(event.payload)) return null;
  const targetId = pickedValue(event.payload, row.target.idField);
  if (typeof targetId !== 'string') {
    throw new InvalidAuditEntryError(`payload.${row.target.idField}`, 'must be the id of the target');
  }
  const details: Record<string, JsonValue> = {};
  for (const field of row.details) details[field] = pickedValue(event.payload, field);
  return { action: row.action, target: { type: row.target.type, id: targetId }, details };
}

/** An id (a UUID) or a code (`MODERATOR`, `PDF`): no spaces, no `@`, nothing free-form. */
const ID_OR_CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

function pickedValue(payload: Readonly<Record<string, unknown>>, field: string): JsonValue {
  if (!Object.hasOwn(payload, field)) {
    throw new InvalidAuditEntryError(`payload.${field}`, 'is missing');
  }
  const value = payload[field];
  const scalar = (item: unknown): item is string | number | boolean | null =>
    item === null ||
    typeof item === 'boolean' ||
    (typeof item === 'number' && Number.isFinite(item)) ||
    (typeof item === 'string' && ID_OR_CODE.test(item));
  if (scalar(value)) return value;
  if (Array.isArray(value) && value.every(scalar)) return value;
  throw new InvalidAuditEntryError(`payload.${field}`, 'must hold ids or codes only');
}
