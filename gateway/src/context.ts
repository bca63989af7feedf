import type { Viewer } from '@talentgraph/auth';
import type { Logger } from '@talentgraph/platform';

/** Per-request context of the gateway; subgraphs receive what they need of it as headers. */
export interface GatewayContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly viewer: Viewer | null;
  /** Forwarded to subgraphs, which verify it themselves. */
  readonly authorization: string | null;
  /** The caller's address, forwarded as x-forwarded-for for per-IP limits in subgraphs. */
  readonly clientIp: string;
}
