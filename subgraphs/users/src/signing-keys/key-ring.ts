import { localKeySource, type KeySource } from '@talentgraph/auth';
import type { JSONWebKey } from './rotation.ts';

/** A token naming a kid we do not know reloads the keys at most this often (forged kids cost little). */
const UNKNOWN_KID_RELOAD_COOLDOWN_MS = 5_000;

/**
 * The public keys this subgraph verifies its own tokens with, read from its database and kept in
 * memory: reloaded on rotation, periodically, and when a token names a key rotated in by another replica.
 */
export class SigningKeyRing {
  readonly #load: () => Promise<readonly JSONWebKey[]>;
  #verifyWith: KeySource = localKeySource({ keys: [] });
  #kids = new Set<string>();
  #loadedAt: number | null = null;
  #loading: Promise<void> | null = null;

  constructor(load: () => Promise<readonly JSONWebKey[]>) {
    this.#load = load;
  }

  /** Reads the published keys again; concurrent callers share one read. */
  reload(): Promise<void> {
    this.#loading ??= this.#load()
      .then((keys) => {
        this.#verifyWith = localKeySource({ keys: keys.map((key) => ({ ...key })) });
        this.#kids = new Set(keys.map((key) => String(key.kid)));
        this.#loadedAt = performance.now();
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  readonly keySource: KeySource = async (header, token) => {
    const kid = header.kid;
    const unknown = typeof kid === 'string' && !this.#kids.has(kid);
    if (
      this.#loadedAt === null ||
      (unknown && performance.now() - this.#loadedAt >= UNKNOWN_KID_RELOAD_COOLDOWN_MS)
    ) {
      await this.reload();
    }
    return this.#verifyWith(header, token);
  };
}
