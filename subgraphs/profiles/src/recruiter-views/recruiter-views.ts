import type { Viewer } from '@talentgraph/auth';
import { recordDomainEvent, type EntityManager, type SubgraphContext } from '@talentgraph/platform';
import { isRecruiterAccess, viewerOrganizationIds } from './recruiter-view-rules.ts';

/**
 * Recruiters' accesses to people's profiles, recorded as domain events that the users subgraph writes into
 * the audit log: a profile read (`profiles.ProfileViewed`), a profile unlocked in search
 * (`profiles.ProfileUnlocked`, recorded with the unlock by `recordRecruiterAccessWith`); a document
 * downloaded is an access of the same kind, under its own type.
 *
 * Reads stay cheap: accesses are gathered per request like a DataLoader's keys, so every access resolved
 * in the same tick (a list of 50 candidates' profiles) costs one transaction with one multi-row insert into
 * the outbox, and the same access twice in a request is recorded once. The data is returned only once its
 * access is recorded: a read that cannot be recorded fails rather than going unaudited.
 */
export interface RecruiterAccess {
  /** `profiles.<PastTenseName>`, e.g. `profiles.ProfileViewed`. */
  readonly type: string;
  readonly version: number;
  /** What was accessed, e.g. `{ type: 'Profile', id }`. */
  readonly aggregate: { readonly type: string; readonly id: string };
  /** The account whose data was accessed. */
  readonly ownerId: string;
  /** Ids and codes naming what was accessed, e.g. `{ profileId }`: never the data itself. */
  readonly payload: Readonly<Record<string, string>>;
}

const RECRUITER_ACCESSES = Symbol('recruiter accesses');

function accessEvent(access: RecruiterAccess, viewerOrganizationIds: readonly string[]) {
  const { type, version, aggregate, ownerId, payload } = access;
  return { type, version, aggregate, payload: { ...payload, ownerId, viewerOrganizationIds } };
}

/**
 * Records an access in the caller's transaction, when it goes with a change committed there (a profile
 * unlocked): both are written, or neither.
 */
export function recordRecruiterAccessWith(
  tx: EntityManager,
  cause: { readonly viewer: Viewer | null; readonly now: Date },
  access: RecruiterAccess,
): void {
  const { viewer } = cause;
  if (viewer === null || !isRecruiterAccess(viewer, access.ownerId)) return;
  recordDomainEvent(tx, cause, accessEvent(access, viewerOrganizationIds(viewer)));
}

/** Records the access when the request's viewer is a recruiter reading someone else's data (see the rules). */
export async function recordRecruiterAccess(
  context: SubgraphContext,
  access: RecruiterAccess,
): Promise<void> {
  const { viewer } = context;
  if (viewer === null || !isRecruiterAccess(viewer, access.ownerId)) return;
  const organizationIds = viewerOrganizationIds(viewer);
  await context.loaders
    .custom<RecruiterAccess, void, string>(
      RECRUITER_ACCESSES,
      async (accesses) => {
        await context.em.fork().transactional(async (tx) => {
          for (const access of accesses) recordDomainEvent(tx, context, accessEvent(access, organizationIds));
        });
        return accesses.map(() => undefined);
      },
      { cacheKeyFn: ({ type, aggregate }) => `${type} ${aggregate.type} ${aggregate.id}` },
    )
    .load(access);
}
