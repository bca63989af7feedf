import type { Viewer } from '@talentgraph/auth';
import type { Logger, TraceContext } from '@talentgraph/platform';
import type { PersistedOperation } from './persisted-operations.ts';

/** Per-request context of the gateway; subgraphs receive what they need of it as headers. */
export interface GatewayContext {
  readonly requestId: string;
  /** The W3C trace of the request; each subgraph fetch is a new span of it (`traceparent`). */
  readonly trace: TraceContext;
  readonly logger: Logger;
  readonly viewer: Viewer | null;
  /** Forwarded to subgraphs, which verify it themselves. */
  readonly authorization: string | null;
  /** The caller's address, forwarded as x-forwarded-for for per-IP limits in subgraphs. */
  readonly clientIp: string;
  /** The manifest operation the request runs (its id was sent instead of its text), if any. */
  readonly persistedOperation: PersistedOperation | null;
}
