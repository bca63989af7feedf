import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@talentgraph/platform';
import type { Redis } from 'ioredis';

/**
 * Apollo Server's APQ cache (query text by SHA-256) in Redis, shared by every gateway replica, so a
 * client registers an operation once for all of them. A Redis failure reads as a miss (the client then
 * sends the text again) and a failed write is only logged: APQ saves bandwidth, it must not fail requests.
 */
export class RedisApqCache implements KeyValueCache<string> {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #logger: Logger;

  constructor(redis: Redis, prefix: string, logger: Logger) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#logger = logger;
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.#redis.get(this.#prefix + key)) ?? undefined;
    } catch (error) {
      this.#logger.warn({ err: error }, 'APQ cache unavailable; answered as a miss');
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      if (options?.ttl) await this.#redis.set(this.#prefix + key, value, 'EX', Math.ceil(options.ttl));
      else await this.#redis.set(this.#prefix + key, value);
    } catch (error) {
      this.#logger.warn({ err: error }, 'APQ cache unavailable; operation not remembered');
    }
  }

  async delete(key: string): Promise<boolean> {
    return (await this.#redis.del(this.#prefix + key)) > 0;
  }
}
