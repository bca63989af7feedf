import { Redis } from 'ioredis';
import type { EventLogger } from './logger.ts';
import { PostgresEventTransport } from './postgres-transport.ts';
import { RedisEventTransport } from './redis-transport.ts';
import type { EventTransport } from './transport.ts';

export interface EventTransportSettings {
  /** Redis Streams when set (`REDIS_URL`). */
  readonly redisUrl?: string | undefined;
  /** Otherwise the PostgreSQL events database: one for all services, not a subgraph's own. */
  readonly eventsDatabaseUrl: string;
  /** Redis key prefix (default `talentgraph:events:`). */
  readonly keyPrefix?: string;
  /** PostgreSQL schema (default `event_bus`). */
  readonly schema?: string;
  readonly maxLength?: number;
  readonly logger?: EventLogger;
}

export async function createEventTransport(settings: EventTransportSettings): Promise<EventTransport> {
  const { redisUrl, eventsDatabaseUrl, keyPrefix, schema, maxLength, logger } = settings;
  if (redisUrl) {
    // Fail fast while Redis is unreachable: the relay and the consumers retry on their own, and a relay
    // must not hold its database transaction open on a queued command.
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    return new RedisEventTransport({ redis, ownsConnection: true, keyPrefix, maxLength, logger });
  }
  return PostgresEventTransport.connect({ connectionString: eventsDatabaseUrl, schema, maxLength, logger });
}
