import type { JsonObject } from '../domain/json.ts';

/**
 * Rules of the audit log that need no storage: what an entry may contain and how the log is filtered.
 *
 * An entry names people by id only. Names, e-mail addresses and anything typed as a secret stay out,
 * so that erasing an account (GDPR art. 17) can leave the log untouched: once the account is gone, its
 * id no longer leads to a person, and the log, which nobody may rewrite, needs no rewriting.
 */

/** Who acted: a signed-in person, a partner's API key, the platform itself, or someone not signed in. */
export const AUDIT_ACTOR_KINDS = ['USER', 'PARTNER', 'SYSTEM', 'ANONYMOUS'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export interface AuditActor {
  readonly kind: AuditActorKind;
  /** The user id (USER) or the API key id (PARTNER); null for SYSTEM and ANONYMOUS. */
  readonly id: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'SYSTEM', id: null };
export const ANONYMOUS_ACTOR: AuditActor = { kind: 'ANONYMOUS', id: null };

export function userActor(userId: string): AuditActor {
  return { kind: 'USER', id: userId };
}

/** The caller of a request as the log names it. */
export function actorOf(
  viewer:
    | { readonly kind: 'USER'; readonly userId: string }
    | { readonly kind: 'PARTNER'; readonly apiKeyId: string }
    | null,
): AuditActor {
  if (viewer === null) return ANONYMOUS_ACTOR;
  return viewer.kind === 'USER' ? userActor(viewer.userId) : { kind: 'PARTNER', id: viewer.apiKeyId };
}

/** What the users subgraph records itself; other subgraphs' actions arrive as domain events. */
export const USERS_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_everywhere',
  'auth.password_changed',
  'auth.password_reset',
  'auth.two_factor_enabled',
  'auth.two_factor_disabled',
  'user.role_granted',
  'user.role_revoked',
  'user.disabled',
  'user.enabled',
  'organization.member_role_changed',
  'organization.member_removed',
  'organization.member_left',
  'api_key.created',
  'api_key.revoked',
  'signing_key.rotated',
  'events.dead_letter_replayed',
  'gdpr.data_exported',
  'gdpr.account_deleted',
] as const;
export type UsersAuditAction = (typeof USERS_AUDIT_ACTIONS)[number];

/** Services that record entries (the source of an entry). */
export const AUDIT_SOURCES = [
  'users',
  'profiles',
  'offers',
  'matching',
  'community',
  'events',
  'gateway',
] as const;

/** `<area>.<what_happened>` in snake case, e.g. `profile.viewed_by_recruiter`. */
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
export const ACTION_MAX_LENGTH = 100;
/** An entity name, e.g. `User`, `ApiKey` (as in domain events' aggregates). */
const TARGET_TYPE = /^[A-Z][A-Za-z0-9]*$/;
export const TARGET_TYPE_MAX_LENGTH = 64;
export const IDENTIFIER_MAX_LENGTH = 200;
export const DETAILS_MAX_BYTES = 4 * 1024;
const REQUEST_ID_MAX_LENGTH = 128;
const IP_MAX_LENGTH = 64;

export function isAuditAction(action: string): boolean {
  return action.length <= ACTION_MAX_LENGTH && ACTION.test(action);
}

export function isTargetType(type: string): boolean {
  return type.length <= TARGET_TYPE_MAX_LENGTH && TARGET_TYPE.test(type);
}

function isIdentifier(value: string): boolean {
  return value.trim() !== '' && value.length <= IDENTIFIER_MAX_LENGTH;
}

/** `community.PostRemoved` → `community.post_removed`: the default action of a domain event. */
export function actionOfEventType(eventType: string): string {
  const [area, name = ''] = eventType.split('.', 2);
  const snake = name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
  return `${area}.${snake}`;
}

/** An entry that cannot be recorded: a bug of its producer, never a reason to record something else. */
export class InvalidAuditEntryError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`Invalid audit entry ${field}: ${message}`);
    this.name = 'InvalidAuditEntryError';
    this.field = field;
  }
}

export interface AuditEntryInput {
  readonly occurredAt: Date;
  readonly actor: AuditActor;
  readonly action: string;
  readonly target?: { readonly type: string; readonly id: string } | null;
  readonly subgraph: string;
  readonly requestId?: string | null;
  readonly ip?: string | null;
  readonly details?: JsonObject;
}

export interface CheckedAuditEntry {
  readonly occurredAt: Date;
  readonly actorKind: AuditActorKind;
  readonly actorId: string | null;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly subgraph: string;
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly details: JsonObject;
}

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const SECRET_KEY = /password|secret|passphrase/i;

/**
 * Refuses details that carry what the log must not keep: e-mail addresses (in values) and secrets (by
 * their key). A recorder that needs to say which account was concerned gives its id, as the target.
 */
function checkDetails(details: JsonObject): JsonObject {
  const serialized = JSON.stringify(details);
  if (Buffer.byteLength(serialized) > DETAILS_MAX_BYTES) {
    throw new InvalidAuditEntryError('details', `must be at most ${DETAILS_MAX_BYTES} bytes as JSON`);
  }
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string' && EMAIL_LIKE.test(value)) {
      throw new InvalidAuditEntryError(path, 'looks like an e-mail address: record ids, not contact data');
    }
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (SECRET_KEY.test(key)) {
          throw new InvalidAuditEntryError(`${path}.${key}`, 'names a secret: the log never holds one');
        }
        visit(item, `${path}.${key}`);
      }
    }
  };
  visit(details, 'details');
  return JSON.parse(serialized) as JsonObject;
}

/** The entry as stored, or InvalidAuditEntryError naming the first field that cannot be. */
export function checkAuditEntry(entry: AuditEntryInput): CheckedAuditEntry {
  if (!(entry.occurredAt instanceof Date) || Number.isNaN(entry.occurredAt.getTime())) {
    throw new InvalidAuditEntryError('occurredAt', 'must be a valid Date');
  }
  if (!(AUDIT_ACTOR_KINDS as readonly string[]).includes(entry.actor.kind)) {
    throw new InvalidAuditEntryError('actor.kind', `must be one of ${AUDIT_ACTOR_KINDS.join(', ')}`);
  }
  const anonymous = entry.actor.kind === 'SYSTEM' || entry.actor.kind === 'ANONYMOUS';
  if (anonymous !== (entry.actor.id === null)) {
    throw new InvalidAuditEntryError(
      'actor.id',
      anonymous ? `must be null for ${entry.actor.kind}` : `is required for ${entry.actor.kind}`,
    );
  }
  if (entry.actor.id !== null && !isIdentifier(entry.actor.id)) {
    throw new InvalidAuditEntryError('actor.id', `must be 1 to ${IDENTIFIER_MAX_LENGTH} characters`);
  }
  if (!isAuditAction(entry.action)) {
    throw new InvalidAuditEntryError('action', 'must look like "auth.login_failed" (area, dot, snake_case)');
  }
  const target = entry.target ?? null;
  if (target !== null && !isTargetType(target.type)) {
    throw new InvalidAuditEntryError('target.type', 'must be an entity name like "User"');
  }
  if (target !== null && !isIdentifier(target.id)) {
    throw new InvalidAuditEntryError('target.id', `must be 1 to ${IDENTIFIER_MAX_LENGTH} characters`);
  }
  if (!(AUDIT_SOURCES as readonly string[]).includes(entry.subgraph)) {
    throw new InvalidAuditEntryError('subgraph', `must be one of ${AUDIT_SOURCES.join(', ')}`);
  }
  return {
    occurredAt: entry.occurredAt,
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    action: entry.action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    subgraph: entry.subgraph,
    // Both come from the request: cut rather than refused, the entry matters more than its context.
    requestId: entry.requestId?.slice(0, REQUEST_ID_MAX_LENGTH) ?? null,
    ip: entry.ip?.slice(0, IP_MAX_LENGTH) ?? null,
    details: checkDetails(entry.details ?? {}),
  };
}

export interface AuditLogFilter {
  readonly actorId?: string | null;
  readonly action?: string | null;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly subgraph?: string | null;
  /** Entries at or after this instant. */
  readonly from?: Date | null;
  /** Entries before this instant. */
  readonly to?: Date | null;
}

export interface FilterProblem {
  /** The filter field, e.g. `from`. */
  readonly field: keyof AuditLogFilter;
  readonly message: string;
}

/** Problems of an `auditLog` filter: a filter that can match nothing by construction is a mistake. */
export function auditFilterProblems(filter: AuditLogFilter): FilterProblem[] {
  const problems: FilterProblem[] = [];
  if (filter.actorId != null && !isIdentifier(filter.actorId)) {
    problems.push({ field: 'actorId', message: `must be 1 to ${IDENTIFIER_MAX_LENGTH} characters` });
  }
  if (filter.action != null && !isAuditAction(filter.action)) {
    problems.push({ field: 'action', message: 'must be an action like "auth.login_failed"' });
  }
  if (filter.targetType != null && !isTargetType(filter.targetType)) {
    problems.push({ field: 'targetType', message: 'must be an entity name like "User"' });
  }
  if (filter.targetId != null) {
    if (!isIdentifier(filter.targetId)) {
      problems.push({ field: 'targetId', message: `must be 1 to ${IDENTIFIER_MAX_LENGTH} characters` });
    } else if (filter.targetType == null) {
      problems.push({ field: 'targetId', message: 'needs targetType too (ids are unique per type only)' });
    }
  }
  if (filter.subgraph != null && !(AUDIT_SOURCES as readonly string[]).includes(filter.subgraph)) {
    problems.push({ field: 'subgraph', message: `must be one of ${AUDIT_SOURCES.join(', ')}` });
  }
  if (filter.from != null && filter.to != null && filter.from.getTime() >= filter.to.getTime()) {
    problems.push({ field: 'to', message: 'must be after "from"' });
  }
  return problems;
}
