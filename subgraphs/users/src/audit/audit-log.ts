import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import {
  badUserInput,
  isUuid,
  paginate,
  type Connection,
  type EntityManager,
  type PageArguments,
} from '@talentgraph/platform';
import type { JsonObject } from '../domain/json.ts';
import { AuditEntrySchema, type AuditEntry } from '../entities/AuditEntry.ts';
import { currentClient } from '../sessions/client.ts';
import {
  ANONYMOUS_ACTOR,
  InvalidAuditEntryError,
  actionOfEventType,
  auditFilterProblems,
  checkAuditEntry,
  type AuditActor,
  type AuditLogFilter,
  type UsersAuditAction,
} from './audit-rules.ts';

/** What the users subgraph records about one of its own changes. */
export interface AuditRecord {
  readonly occurredAt: Date;
  readonly actor: AuditActor;
  readonly action: UsersAuditAction;
  readonly target?: { readonly type: string; readonly id: string } | null;
  /** Ids and codes only (audit-rules.ts refuses e-mail addresses and secrets). */
  readonly details?: JsonObject;
}

/**
 * Appends an entry with `em`: call it inside the transaction of the change it records, so that the
 * entry exists if and only if the change was committed (a refusal outside any transaction is recorded
 * at once). The request id and the client address are the current request's. The row is inserted
 * directly, never managed by the unit of work, which could only ever try to update it.
 */
export async function recordAudit(em: EntityManager, entry: AuditRecord): Promise<void> {
  const client = currentClient();
  const checked = checkAuditEntry({
    ...entry,
    subgraph: 'users',
    requestId: client.requestId,
    ip: client.ip,
  });
  await em.insert(AuditEntrySchema, { id: randomUUID(), ...checked, eventId: null });
}

/**
 * The fields of a domain event envelope (@talentgraph/events `EventEnvelope`) that the audit log reads.
 */
export interface AuditableEvent {
  readonly id: string;
  /** `<subgraph>.<PastTenseName>`, e.g. `community.PostRemoved`. */
  readonly type: string;
  /** ISO-8601 instant. */
  readonly occurredAt: string;
  readonly actor: { readonly kind: 'USER' | 'PARTNER' | 'SYSTEM'; readonly id: string | null } | null;
  readonly aggregate: { readonly type: string; readonly id: string };
  /** The request id of the operation that caused the event. */
  readonly correlationId: string | null;
}

/** How one kind of event reads in the log; by default its type in snake case, about its aggregate. */
export interface EventAuditMapping {
  /** For example `moderation.post_removed` for `community.PostRemoved`. */
  readonly action?: string;
  readonly target?: { readonly type: string; readonly id: string } | null;
  /** Chosen from the payload by the mapping: ids and codes, never the payload as it is. */
  readonly details?: JsonObject;
}

/**
 * Appends the entry of another subgraph's domain event. Idempotent by the event's id (a unique column,
 * `insert … on conflict do nothing`): a redelivered event, or two consumers racing on it, leave one
 * entry. The payload is not copied: it may name people, and the log keeps ids only; `mapping.details`
 * picks what to keep. Throws InvalidAuditEntryError for an event that cannot make an entry.
 */
export async function recordAuditFromEvent(
  em: EntityManager,
  event: AuditableEvent,
  mapping: EventAuditMapping = {},
): Promise<'RECORDED' | 'ALREADY_RECORDED'> {
  if (!isUuid(event.id)) throw new InvalidAuditEntryError('eventId', 'must be a UUID');
  const occurredAt = new Date(event.occurredAt);
  const checked = checkAuditEntry({
    occurredAt,
    actor: event.actor === null ? ANONYMOUS_ACTOR : { kind: event.actor.kind, id: event.actor.id },
    action: mapping.action ?? actionOfEventType(event.type),
    target: mapping.target === undefined ? event.aggregate : mapping.target,
    subgraph: event.type.split('.', 1)[0]!,
    requestId: event.correlationId,
    ip: null,
    details: { eventType: event.type, ...mapping.details },
  });
  const inserted = await em
    .createQueryBuilder(AuditEntrySchema)
    .insert({ id: randomUUID(), ...checked, eventId: event.id.toLowerCase() })
    .onConflict('eventId')
    .ignore()
    .execute('run');
  return inserted.affectedRows > 0 ? 'RECORDED' : 'ALREADY_RECORDED';
}

/** One page of the log, newest first; a filter that cannot be right is BAD_USER_INPUT. */
export async function auditLogPage(
  em: EntityManager,
  filter: AuditLogFilter,
  page: PageArguments,
): Promise<Connection<AuditEntry>> {
  const [problem] = auditFilterProblems(filter);
  if (problem) throw badUserInput(`"filter.${problem.field}" ${problem.message}`, `filter.${problem.field}`);
  const where: FilterQuery<AuditEntry> = {
    ...(filter.actorId != null ? { actorId: filter.actorId } : {}),
    ...(filter.action != null ? { action: filter.action } : {}),
    ...(filter.targetType != null ? { targetType: filter.targetType } : {}),
    ...(filter.targetId != null ? { targetId: filter.targetId } : {}),
    ...(filter.subgraph != null ? { subgraph: filter.subgraph } : {}),
    ...(filter.from != null || filter.to != null
      ? {
          occurredAt: {
            ...(filter.from != null ? { $gte: filter.from } : {}),
            ...(filter.to != null ? { $lt: filter.to } : {}),
          },
        }
      : {}),
  };
  return paginate(em, AuditEntrySchema, { where, orderBy: { occurredAt: 'desc', id: 'desc' }, page });
}
