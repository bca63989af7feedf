import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AUDIT_ACTOR_KINDS } from '../audit/audit-rules.ts';
import type { JsonObject } from '../domain/json.ts';

/**
 * One entry of the audit log: who did what to what, when, from where. Append-only in the database
 * itself: the trigger below refuses UPDATE and DELETE of any row, and one written in the migration
 * (Migration…_notifications_audit_log) refuses TRUNCATE. Actors and targets are kept as ids without
 * foreign keys, so that erasing an account never reaches this table (see the README). Indexed for the
 * filters of `auditLog`, each index ending with the listing order.
 */
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_log',
  indexes: [
    { properties: ['occurredAt', 'id'] },
    { properties: ['actorId', 'occurredAt', 'id'] },
    { properties: ['action', 'occurredAt', 'id'] },
    { properties: ['targetType', 'targetId', 'occurredAt', 'id'] },
    { properties: ['subgraph', 'occurredAt', 'id'] },
  ],
  triggers: [
    {
      name: 'audit_log_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: `raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    occurredAt: p.datetime(),
    actorKind: p.enum(AUDIT_ACTOR_KINDS),
    /** The user id, or the partner's API key id; null for SYSTEM and ANONYMOUS. */
    actorId: p.string().length(200).nullable(),
    /** `<area>.<what_happened>`, e.g. `auth.login_failed`. */
    action: p.string().length(100),
    targetType: p.string().length(64).nullable(),
    targetId: p.string().length(200).nullable(),
    /** The subgraph that recorded it. */
    subgraph: p.string().length(32),
    requestId: p.string().length(128).nullable(),
    ip: p.string().length(64).nullable(),
    /** Ids and codes only, never names, e-mail addresses or secrets. */
    details: p.json<JsonObject>(),
    /** The domain event it was recorded from (recordAuditFromEvent): recorded once per event. */
    eventId: p.uuid().nullable().unique(),
  },
});

export type AuditEntry = InferEntity<typeof AuditEntrySchema>;
