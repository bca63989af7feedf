import { NonRetryableEventError, type EventHandlerDefinition } from '@talentgraph/events';
import { recordAuditFromEvent } from './audit-log.ts';
import { InvalidAuditEntryError } from './audit-rules.ts';
import { AUDITED_EVENTS, auditMappingOf } from './audited-events.ts';

/** The consumer group of the users subgraph that writes other subgraphs' sensitive actions into the log. */
export const AUDIT_GROUP = 'users-audit';

/**
 * One handler per audited event type (audited-events.ts); other types are acknowledged and ignored. The
 * entry is dated and attributed as the event says (its time, actor and request id), and recorded once per
 * event id however often the event is delivered. An event that cannot make a valid entry is a producer's
 * bug no retry can fix: it becomes a dead letter at once, for an admin to replay once a fix is deployed.
 */
export const auditHandlers: Readonly<Record<string, EventHandlerDefinition>> = Object.fromEntries(
  Object.entries(AUDITED_EVENTS).map(([type, row]) => [
    type,
    {
      versions: row.versions,
      async handle(event, em) {
        try {
          const mapping = auditMappingOf(event);
          if (mapping) await recordAuditFromEvent(em, event, mapping);
        } catch (error) {
          if (error instanceof InvalidAuditEntryError) throw new NonRetryableEventError(error.message);
          throw error;
        }
      },
    } satisfies EventHandlerDefinition,
  ]),
);
