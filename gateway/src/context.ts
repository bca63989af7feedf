import type { Logger } from '@talentgraph/platform';

/** Per-request context of the gateway; subgraphs receive what they need of it as headers. */
export interface GatewayContext {
  readonly requestId: string;
  readonly logger: Logger;
}
