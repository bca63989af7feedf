import {
  DeadLetterNotFoundError,
  type DeadLetter,
  type DeadLetterStore,
  type ReplayedDeadLetter,
} from '@talentgraph/events';
import { badUserInput, type Connection, type EntityManager } from '@talentgraph/platform';
import type { Outcome } from '../accounts/accounts.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import { userError } from '../domain/user-error.ts';

/**
 * The admin side of the event backbone's dead letters: events some consumer group failed to handle after
 * its retries. The store is the transport's, shared by every service, so the users subgraph, which owns
 * the admin features, serves the dead letters of all of them.
 */

/** One page, oldest first; the cursor of a dead letter is its id. */
export async function deadLetterPage(
  store: DeadLetterStore,
  page: { readonly group?: string | null; readonly first?: number | null; readonly after?: string | null },
): Promise<Omit<Connection<DeadLetter>, 'totalCount'>> {
  let found;
  try {
    found = await store.list({
      ...(page.group != null ? { group: page.group } : {}),
      ...(page.first != null ? { first: page.first } : {}),
      ...(page.after != null ? { after: page.after } : {}),
    });
  } catch (error) {
    // The store checks the group name, the page size and the cursor, and names the one that is wrong.
    if (error instanceof RangeError) throw badUserInput(error.message);
    throw error;
  }
  return {
    edges: found.deadLetters.map((deadLetter) => ({ cursor: deadLetter.id, node: deadLetter })),
    pageInfo: {
      hasNextPage: found.hasNextPage,
      hasPreviousPage: page.after != null,
      startCursor: found.deadLetters[0]?.id ?? null,
      endCursor: found.endCursor,
    },
  };
}

/**
 * Replays a dead letter to its group and audits it with the admin as actor. The entry is written in a
 * transaction around the replay, with what the replay returned (the group and the event), so it exists
 * only for a replay that happened: an unknown or already replayed id records nothing. The two stores
 * cannot commit together; should the entry fail after the replay, the mutation fails and says so.
 */
export async function replayDeadLetter(
  em: EntityManager,
  store: DeadLetterStore,
  adminId: string,
  deadLetterId: string,
  now: Date,
): Promise<Outcome<{ replayed: ReplayedDeadLetter }>> {
  return em.transactional(async (tx) => {
    let replayed: ReplayedDeadLetter;
    try {
      replayed = await store.replay(deadLetterId);
    } catch (error) {
      if (!(error instanceof DeadLetterNotFoundError)) throw error;
      return {
        ok: false as const,
        errors: [
          userError(
            'DEAD_LETTER_NOT_FOUND',
            'No dead letter has this id: it is unknown, or was replayed already.',
            'deadLetterId',
          ),
        ],
      };
    }
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(adminId),
      action: 'events.dead_letter_replayed',
      target: { type: 'DeadLetter', id: replayed.id },
      details: { group: replayed.group, eventId: replayed.event.id, eventType: replayed.event.type },
    });
    return { ok: true as const, replayed };
  });
}
