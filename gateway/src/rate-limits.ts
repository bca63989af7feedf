import { createRateLimiter, rateLimited, type RateLimiter, type Viewer } from '@talentgraph/auth';
import { consumeOrganizationQuota, type Logger } from '@talentgraph/platform';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import type { GatewayConfig } from './config.ts';

/**
 * Requests per client address, per signed-in person and per partner API key: token buckets of
 * packages/auth, in Redis when `REDIS_URL` is set (shared by every replica), in-process otherwise. Every
 * request takes a token from its address's bucket (before authentication, so floods of bad credentials
 * are limited too) and one from its caller's. When Redis cannot be reached the request is let through and
 * the failure logged: the limits protect the service, they must not be what takes it down.
 */
export class RequestRateLimits {
  readonly #perAddress: RateLimiter;
  readonly #perUser: RateLimiter;
  readonly #perPartnerKey: RateLimiter;
  readonly #logger: Logger;

  constructor(config: GatewayConfig, redis: Redis | undefined, logger: Logger) {
    const bucket = (perMinute: number, name: string) =>
      createRateLimiter({
        capacity: perMinute,
        refillPerSecond: perMinute / 60,
        redis,
        // The bucket size is in the key: a changed limit starts fresh buckets instead of misreading old ones.
        keyPrefix: `${config.EVENTS_KEY_PREFIX}rate:${name}:${perMinute}:`,
      });
    this.#perAddress = bucket(config.IP_REQUESTS_PER_MINUTE, 'ip');
    this.#perUser = bucket(config.USER_REQUESTS_PER_MINUTE, 'user');
    this.#perPartnerKey = bucket(config.PARTNER_REQUESTS_PER_MINUTE, 'partner');
    this.#logger = logger;
  }

  /** Throws RATE_LIMITED (with the seconds to wait) when the address has no request left. */
  async admitAddress(clientIp: string): Promise<void> {
    await this.#take(this.#perAddress, clientIp);
  }

  /** Throws RATE_LIMITED when the signed-in person or the partner key has no request left. */
  async admitCaller(viewer: Viewer | null): Promise<void> {
    if (viewer?.kind === 'USER') await this.#take(this.#perUser, viewer.userId);
    if (viewer?.kind === 'PARTNER') await this.#take(this.#perPartnerKey, viewer.apiKeyId);
  }

  async close(): Promise<void> {
    await Promise.all([this.#perAddress.close(), this.#perUser.close(), this.#perPartnerKey.close()]);
  }

  async #take(limiter: RateLimiter, key: string): Promise<void> {
    let decision;
    try {
      decision = await limiter.consume(key);
    } catch (error) {
      this.#logger.warn({ err: error }, 'rate limit unavailable; request let through');
      return;
    }
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }
}

interface Lease {
  /** API calls taken from the plan's quota and not yet used by this gateway. */
  units: number;
  /** When the quota was found exhausted: refused until then, without asking again. */
  exhaustedUntil: number;
  /** The one call to the users subgraph in flight for this organization, which others wait for. */
  refill: Promise<void> | null;
}

/**
 * The monthly API_CALLS quota of a partner's plan (FREE 1,000, PRO 100,000, ENTERPRISE 2,000,000 a month;
 * subgraphs/users/src/quotas/plans.ts), counted by the users subgraph, which owns plans and usage.
 * Asking it once per request would double the cost of a partner request, so each gateway takes calls
 * in leases of `API_CALL_QUOTA_LEASE` (one atomic consume of that many units, with the partner's own
 * token, through the platform's quota client, as the profiles subgraph takes unlocks) and spends them
 * locally. When fewer remain than a lease, it takes what
 * remains; when none remain, requests are refused with QUOTA_EXCEEDED until the month resets (rechecked
 * every minute, so that a plan upgrade takes effect). Units leased but unused when a gateway stops are
 * counted as used: at most one lease per gateway replica and organization.
 */
export class ApiCallQuota {
  readonly #usersUrl: string;
  readonly #leaseSize: number;
  readonly #timeoutMs: number;
  readonly #leases = new Map<string, Lease>();

  constructor(config: GatewayConfig) {
    this.#usersUrl = config.USERS_URL;
    this.#leaseSize = config.API_CALL_QUOTA_LEASE;
    this.#timeoutMs = config.SUBGRAPH_TIMEOUT_MS;
  }

  /** Spends one API call of the partner's organization, or throws QUOTA_EXCEEDED. */
  async spend(viewer: Extract<Viewer, { kind: 'PARTNER' }>, authorization: string): Promise<void> {
    const lease = this.#leaseOf(viewer.organizationId);
    while (lease.units === 0) {
      const now = Date.now();
      if (lease.exhaustedUntil > now) throw quotaExceeded(Math.ceil((lease.exhaustedUntil - now) / 1000));
      lease.refill ??= this.#refill(viewer.organizationId, authorization, lease).finally(() => {
        lease.refill = null;
      });
      await lease.refill;
    }
    lease.units -= 1;
  }

  #leaseOf(organizationId: string): Lease {
    let lease = this.#leases.get(organizationId);
    if (!lease) {
      lease = { units: 0, exhaustedUntil: 0, refill: null };
      this.#leases.set(organizationId, lease);
      if (this.#leases.size > 10_000) this.#leases.delete(this.#leases.keys().next().value!);
    }
    return lease;
  }

  async #refill(organizationId: string, authorization: string, lease: Lease): Promise<void> {
    let amount = this.#leaseSize;
    for (;;) {
      const answer = await consumeOrganizationQuota({
        usersUrl: this.#usersUrl,
        organizationId,
        metric: 'API_CALLS',
        amount,
        authorization,
        timeoutMs: this.#timeoutMs,
      });
      if (answer.outcome === 'CONSUMED') {
        lease.units += amount;
        return;
      }
      if (answer.outcome === 'REFUSED') throw new Error(`the API call quota answered ${answer.status}`);
      if (answer.remaining > 0 && answer.remaining < amount) {
        amount = answer.remaining;
        continue;
      }
      const resetsAt = answer.resetsAt === null ? Number.NaN : Date.parse(answer.resetsAt);
      // Asked again after a minute at most: an upgraded plan or a new month frees calls.
      lease.exhaustedUntil = Math.min(Number.isNaN(resetsAt) ? Infinity : resetsAt, Date.now() + 60_000);
      throw quotaExceeded(
        Number.isNaN(resetsAt) ? 60 : Math.max(1, Math.ceil((resetsAt - Date.now()) / 1000)),
      );
    }
  }
}

/**
 * The plan's monthly API calls are used up: 429 with the seconds until the quota resets (the admission
 * sets `Retry-After` from `retryAfterSeconds`).
 */
export function quotaExceeded(retryAfterSeconds: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(
    "The organization's plan has no API calls left this month; upgrade the plan or wait for the reset.",
    {
      extensions: {
        code: 'QUOTA_EXCEEDED',
        retryAfterSeconds: seconds,
        http: { status: 429 },
      },
    },
  );
}
