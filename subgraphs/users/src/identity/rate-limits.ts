import { createHash } from 'node:crypto';
import { createRateLimiter, rateLimited, type RateLimiter, type TokenBucketOptions } from '@talentgraph/auth';

const PER_MINUTE = 1 / 60;

/**
 * Attempts that could be used to guess a secret (a password, a TOTP code) or to flood someone's
 * mailbox, limited per account and per client address. Token buckets: `capacity` attempts at once,
 * then `refillPerSecond`. Account limits stop a slow distributed guess of one password; address limits
 * stop one machine from trying many accounts.
 */
export const RATE_LIMITS = {
  /** 5 wrong passwords, then one a minute; a successful sign-in refills it. */
  signInPerAccount: { capacity: 5, refillPerSecond: PER_MINUTE },
  signInPerAddress: { capacity: 30, refillPerSecond: 6 * PER_MINUTE },
  /** TOTP and recovery codes: 5 tries, then one a minute (a 6-digit code allows 3 live values per try). */
  twoFactorPerAccount: { capacity: 5, refillPerSecond: PER_MINUTE },
  /** Reset and verification e-mails: 3, then one every 10 minutes per address; 10 per client. */
  emailPerAccount: { capacity: 3, refillPerSecond: PER_MINUTE / 10 },
  emailPerAddress: { capacity: 10, refillPerSecond: PER_MINUTE },
  /** Redeeming reset links and signing up. */
  tokenRedemptionPerAddress: { capacity: 10, refillPerSecond: PER_MINUTE },
  signUpPerAddress: { capacity: 10, refillPerSecond: PER_MINUTE },
  /** Exports of one's personal data (each reads every subgraph): 3, then one every 10 minutes per account. */
  dataExportPerAccount: { capacity: 3, refillPerSecond: PER_MINUTE / 10 },
} as const satisfies Record<string, TokenBucketOptions>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * The buckets of one deployment: in Redis when REDIS_URL is set (shared by every replica), in process
 * memory otherwise. Keys are namespaced by `namespace` (the deployment's database), and the subject
 * (an e-mail, an address) is hashed, so Redis holds no personal data.
 */
export class RateLimits {
  readonly #redisUrl: string;
  readonly #namespace: string;
  readonly #limiters = new Map<RateLimitName, RateLimiter>();

  constructor(options: { readonly redisUrl: string; readonly namespace: string }) {
    this.#redisUrl = options.redisUrl;
    this.#namespace = options.namespace;
  }

  /** Takes one attempt from the bucket of `subject`, or throws RATE_LIMITED with the wait. */
  async enforce(name: RateLimitName, subject: string): Promise<void> {
    const decision = await this.#limiter(name).consume(keyOf(subject));
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }

  async reset(name: RateLimitName, subject: string): Promise<void> {
    await this.#limiter(name).reset(keyOf(subject));
  }

  async close(): Promise<void> {
    await Promise.all([...this.#limiters.values()].map((limiter) => limiter.close()));
    this.#limiters.clear();
  }

  // Created on first use, so that a replica opens Redis connections only for the limits it enforces.
  #limiter(name: RateLimitName): RateLimiter {
    let limiter = this.#limiters.get(name);
    if (!limiter) {
      limiter = createRateLimiter({
        ...RATE_LIMITS[name],
        ...(this.#redisUrl ? { redisUrl: this.#redisUrl } : {}),
        keyPrefix: `rate-limit:${this.#namespace}:${name}:`,
      });
      this.#limiters.set(name, limiter);
    }
    return limiter;
  }
}

function keyOf(subject: string): string {
  return createHash('sha256').update(subject, 'utf8').digest('base64url').slice(0, 32);
}
