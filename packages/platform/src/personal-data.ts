import { forbidden, unauthenticated, type Viewer } from '@talentgraph/auth';
import {
  NonRetryableEventError,
  purgePublishedEventsMentioning,
  type EventEnvelope,
  type EventHandlerDefinition,
} from '@talentgraph/events';
import { isUuid } from './errors.ts';
import type { EntityManager } from './orm.ts';

/**
 * The personal data of one person across the subgraphs (GDPR articles 15, 17 and 20), one way for all
 * of them. The users subgraph owns both requests: `exportMyData` returns a `PersonalDataExport` entity
 * to which every subgraph adds its section (resolved through the gateway, never by reading another
 * subgraph's database), and `deleteMyAccount` erases the account and announces it with the events
 * below, which every subgraph handles in its own erasure consumer group.
 */

/** The account was erased in the users subgraph: every other subgraph erases what it holds about the person. */
export const ACCOUNT_DELETED = 'users.AccountDeleted';
export interface AccountDeletedPayload extends Record<string, unknown> {
  readonly userId: string;
}

/** An organization was deleted with the account of its only member: what belongs to it goes too. */
export const ORGANIZATION_DELETED = 'users.OrganizationDeleted';
export interface OrganizationDeletedPayload extends Record<string, unknown> {
  readonly organizationId: string;
}

/**
 * The id of the person whose data is asked for, once the caller is proven to be that person: anyone
 * else, partner keys included, is FORBIDDEN (an anonymous caller UNAUTHENTICATED). Every section of an
 * export checks it, since `_entities` can be called on a subgraph directly with any subject id.
 */
export function requireDataSubject(viewer: Viewer | null, subjectId: string): string {
  if (viewer === null) throw unauthenticated();
  if (viewer.kind !== 'USER' || viewer.userId !== subjectId) {
    throw forbidden('Only the person themselves may read their personal data.');
  }
  return viewer.userId;
}

/**
 * A section of an export as plain JSON (dates become ISO-8601 strings, undefined values are left out,
 * nulls stay), so that the downloaded document holds exactly what the GraphQL answer holds.
 */
export function exportSection(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** The person's events are still waiting in the outbox: retried (with back-off) until the relay published them. */
export class UnpublishedEventsError extends Error {
  constructor(userId: string, unpublished: number) {
    super(
      `${unpublished} event${unpublished === 1 ? '' : 's'} about ${userId} still wait in the outbox; ` +
        'the erasure is retried once they are published.',
    );
    this.name = 'UnpublishedEventsError';
  }
}

/** The consumer group that erases a subgraph's personal data, e.g. `profiles-erasure`. */
export function erasureGroupOf(subgraph: string): string {
  return `${subgraph}-erasure`;
}

/** What one subgraph erases; each runs in the transaction that records the event as handled. */
export interface PersonalDataErasure {
  /** Deletes or anonymizes everything this subgraph holds about the person. */
  readonly eraseAccount?: (userId: string, em: EntityManager) => Promise<void>;
  /** Deletes or detaches what belonged to an organization deleted with its only member's account. */
  readonly eraseOrganization?: (organizationId: string, em: EntityManager) => Promise<void>;
}

function idIn(event: EventEnvelope<Record<string, unknown>>, field: string): string {
  const id = event.payload[field];
  if (typeof id !== 'string' || !isUuid(id)) {
    throw new NonRetryableEventError(`${event.type} ${event.id} has no valid payload.${field}`);
  }
  return id.toLowerCase();
}

/**
 * The handlers of a subgraph's erasure consumer group. After the subgraph's own erasure, the events of
 * its outbox that mention the person are deleted too (once published; published rows are otherwise kept
 * a day): an event still unpublished makes the handling fail and retry, so the erasure completes only
 * when nothing about the person is left in this database.
 */
export function personalDataErasureHandlers(
  erasure: PersonalDataErasure,
): Record<string, EventHandlerDefinition<never>> {
  const accountDeleted: EventHandlerDefinition<AccountDeletedPayload> = {
    versions: [1],
    async handle(event, em) {
      const userId = idIn(event, 'userId');
      await erasure.eraseAccount?.(userId, em);
      const { unpublished } = await purgePublishedEventsMentioning(em, userId);
      if (unpublished > 0) throw new UnpublishedEventsError(userId, unpublished);
    },
  };
  const handlers: Record<string, EventHandlerDefinition<never>> = {
    [ACCOUNT_DELETED]: accountDeleted as EventHandlerDefinition<never>,
  };
  const { eraseOrganization } = erasure;
  if (eraseOrganization) {
    const organizationDeleted: EventHandlerDefinition<OrganizationDeletedPayload> = {
      versions: [1],
      async handle(event, em) {
        await eraseOrganization(idIn(event, 'organizationId'), em);
      },
    };
    handlers[ORGANIZATION_DELETED] = organizationDeleted as EventHandlerDefinition<never>;
  }
  return handlers;
}

/** What a subgraph receives to add its section to an export (the key of `PersonalDataExport`). */
export interface PersonalDataExportReference {
  readonly id: string;
  readonly subjectId: string;
}
