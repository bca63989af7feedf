/**
 * A map of at most `capacity` entries that drops the least recently used one first: the caches keyed by
 * what callers send (access tokens, API keys, session ids) stay bounded whatever a flood of distinct
 * values, while the entries in use stay.
 */
export class LruMap<Key, Value> {
  readonly #capacity: number;
  /** In order of use, least recent first (a Map iterates in insertion order). */
  readonly #entries = new Map<Key, Value>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: Key): Value | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key)!;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: Key, value: Value): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  delete(key: Key): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
