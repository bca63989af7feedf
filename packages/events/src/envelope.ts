import { randomUUID } from 'node:crypto';

/**
 * The envelope every domain event travels in, whatever the transport. Plain data (JSON), so that it
 * survives the outbox table, Redis and PostgreSQL unchanged and any service can read it.
 */
export const ACTOR_KINDS = ['USER', 'PARTNER', 'SYSTEM'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who caused the change: a signed-in user, a partner's API key, or the platform itself. */
export interface EventActor {
  readonly kind: ActorKind;
  /** The user's or partner's id; null only for SYSTEM. */
  readonly id: string | null;
}

/** The entity whose state changed, e.g. `{ type: 'Post', id: '…' }`. */
export interface AggregateReference {
  readonly type: string;
  readonly id: string;
}

export interface EventEnvelope<Payload extends object = Record<string, unknown>> {
  /** A UUID, unique per event: consumers use it to recognise a redelivery. */
  readonly id: string;
  /** `<owning subgraph>.<PastTenseName>`, e.g. `community.PostAdded`. */
  readonly type: string;
  /** Version of the payload's shape for this type, from 1; a consumer refuses versions it does not know. */
  readonly version: number;
  /** When the change happened, ISO-8601 in UTC with milliseconds. */
  readonly occurredAt: string;
  readonly actor: EventActor | null;
  readonly aggregate: AggregateReference;
  /** A JSON object. */
  readonly payload: Payload;
  /** The request id of the operation that caused the change, to follow it across services. */
  readonly correlationId: string | null;
}

export interface NewEvent<Payload extends object> {
  readonly type: string;
  readonly version: number;
  readonly aggregate: AggregateReference;
  readonly payload: Payload;
  readonly actor?: EventActor | null;
  readonly correlationId?: string | null;
  /** Defaults to now; pass the timestamp written with the state change so both agree. */
  readonly occurredAt?: Date;
}

/** Bad input for an event: `field` is the path of the offending value, e.g. `payload.tags[2]`. */
export class InvalidEventError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`Invalid event ${field}: ${message}`);
    this.name = 'InvalidEventError';
    this.field = field;
  }
}

const EVENT_TYPE = /^[a-z][a-zA-Z0-9]*\.[A-Z][a-zA-Z0-9]*$/;
const AGGREGATE_TYPE = /^[A-Z][a-zA-Z0-9]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_UTC_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_TYPE_LENGTH = 120;
const MAX_IDENTIFIER_LENGTH = 200;
/** Events announce changes, they do not carry documents: consumers load what they need by id. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** Builds a validated envelope with a fresh id; the payload is copied, so later changes to it do not leak in. */
export function createEvent<Payload extends object>(event: NewEvent<Payload>): EventEnvelope<Payload> {
  const occurredAt = event.occurredAt ?? new Date();
  if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime())) {
    throw new InvalidEventError('occurredAt', 'must be a valid Date');
  }
  return {
    id: randomUUID(),
    type: checkType(event.type),
    version: checkVersion(event.version),
    occurredAt: occurredAt.toISOString(),
    actor: checkActor(event.actor ?? null),
    aggregate: checkAggregate(event.aggregate),
    payload: checkPayload(event.payload) as Payload,
    correlationId: checkCorrelationId(event.correlationId ?? null),
  };
}

/**
 * Reads an envelope that arrived from storage or a transport, checking every field; unknown extra fields
 * (written by a newer producer) are dropped.
 */
export function parseEvent(value: unknown): EventEnvelope {
  if (!isPlainObject(value)) throw new InvalidEventError('envelope', 'must be an object');
  const { id, occurredAt } = value;
  if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidEventError('id', 'must be a UUID');
  if (
    typeof occurredAt !== 'string' ||
    !ISO_UTC_MILLISECONDS.test(occurredAt) ||
    Number.isNaN(Date.parse(occurredAt))
  ) {
    throw new InvalidEventError(
      'occurredAt',
      'must be an ISO-8601 UTC timestamp like 2026-11-23T09:00:00.000Z',
    );
  }
  return {
    id: id.toLowerCase(),
    type: checkType(value['type']),
    version: checkVersion(value['version']),
    occurredAt,
    actor: checkActor(value['actor'] ?? null),
    aggregate: checkAggregate(value['aggregate']),
    payload: checkPayload(value['payload']),
    correlationId: checkCorrelationId(value['correlationId'] ?? null),
  };
}

function checkType(type: unknown): string {
  if (typeof type !== 'string' || type.length > MAX_TYPE_LENGTH || !EVENT_TYPE.test(type)) {
    throw new InvalidEventError(
      'type',
      `must look like "community.PostAdded" (subgraph, dot, PascalCase name), got ${JSON.stringify(type)}`,
    );
  }
  return type;
}

function checkVersion(version: unknown): number {
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new InvalidEventError('version', `must be an integer from 1, got ${JSON.stringify(version)}`);
  }
  return version;
}

function checkIdentifier(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_IDENTIFIER_LENGTH) {
    throw new InvalidEventError(
      field,
      `must be a non-empty string of at most ${MAX_IDENTIFIER_LENGTH} characters`,
    );
  }
  return value;
}

function checkActor(actor: unknown): EventActor | null {
  if (actor === null) return null;
  if (!isPlainObject(actor)) throw new InvalidEventError('actor', 'must be an object or null');
  const { kind, id } = actor;
  if (!ACTOR_KINDS.includes(kind as ActorKind)) {
    throw new InvalidEventError('actor.kind', `must be one of ${ACTOR_KINDS.join(', ')}`);
  }
  if (id === null || id === undefined) {
    if (kind !== 'SYSTEM') throw new InvalidEventError('actor.id', `is required for a ${String(kind)} actor`);
    return { kind: 'SYSTEM', id: null };
  }
  return { kind: kind as ActorKind, id: checkIdentifier('actor.id', id) };
}

function checkAggregate(aggregate: unknown): AggregateReference {
  if (!isPlainObject(aggregate)) throw new InvalidEventError('aggregate', 'must be an object { type, id }');
  const { type, id } = aggregate;
  if (typeof type !== 'string' || type.length > MAX_TYPE_LENGTH || !AGGREGATE_TYPE.test(type)) {
    throw new InvalidEventError(
      'aggregate.type',
      `must be a PascalCase entity name, got ${JSON.stringify(type)}`,
    );
  }
  return { type, id: checkIdentifier('aggregate.id', id) };
}

function checkCorrelationId(correlationId: unknown): string | null {
  return correlationId === null ? null : checkIdentifier('correlationId', correlationId);
}

function checkPayload(payload: unknown): Record<string, unknown> {
  if (!isPlainObject(payload)) throw new InvalidEventError('payload', 'must be a plain object');
  checkJson(payload, 'payload', new Set());
  const serialized = JSON.stringify(payload);
  if (Buffer.byteLength(serialized) > MAX_PAYLOAD_BYTES) {
    throw new InvalidEventError('payload', `must be at most ${MAX_PAYLOAD_BYTES} bytes as JSON`);
  }
  return JSON.parse(serialized) as Record<string, unknown>;
}

/**
 * Only values that come back identical from JSON: a Date, undefined or NaN would reach consumers as
 * something else (a string, a missing key, null) than what the producer held.
 */
function checkJson(value: unknown, path: string, ancestors: Set<object>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidEventError(path, 'must be a finite number');
    return;
  }
  if (value === undefined)
    throw new InvalidEventError(path, 'cannot be undefined (omit the key or use null)');
  if (typeof value !== 'object') {
    throw new InvalidEventError(path, `cannot be a ${typeof value} (only JSON values are allowed)`);
  }
  if (ancestors.has(value)) throw new InvalidEventError(path, 'refers back to itself');
  ancestors.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJson(item, `${path}[${index}]`, ancestors));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) checkJson(item, `${path}.${key}`, ancestors);
  } else {
    throw new InvalidEventError(
      path,
      `cannot be a ${value.constructor?.name ?? 'class instance'} (convert it, e.g. a Date to an ISO string)`,
    );
  }
  ancestors.delete(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
