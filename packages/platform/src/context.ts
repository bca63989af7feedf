import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '@talentgraph/auth';
import type { DeadLetterStore } from '@talentgraph/events';
import type { LoaderRegistry } from './loaders.ts';
import type { Logger } from './logger.ts';

/** What every subgraph resolver receives: a request-scoped unit of work, loaders and logger. */
export interface SubgraphContext {
  readonly em: EntityManager;
  readonly loaders: LoaderRegistry;
  readonly logger: Logger;
  readonly requestId: string;
  /** The verified caller, or null for an anonymous request. */
  readonly viewer: Viewer | null;
  /**
   * The request's Authorization header (its token verified as `viewer`), for a call made on the caller's
   * behalf to another service that checks the caller itself (organization quotas); null when anonymous.
   */
  readonly authorization: string | null;
  /**
   * The request's one "now": every field of a response judges time (expiry, upcoming, status) at the
   * same instant, and time-based filters stay identical across sibling fields so their loaders batch.
   */
  readonly now: Date;
  /**
   * The dead letters of the event transport this process is connected to (the one its relay and consumers
   * use): events that failed in some consumer group, for admins to list and replay. The users subgraph
   * serves them; nothing else should need it.
   */
  readonly deadLetters: DeadLetterStore;
}
