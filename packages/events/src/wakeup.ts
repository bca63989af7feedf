/**
 * Wakes waiting consumers when new events may be there. Each wake-up bumps a generation number; a
 * consumer notes the generation before looking for events and waits only if it has not changed since,
 * so a wake-up arriving while it was looking is never missed.
 */
export class Wakeup {
  #generation = 0;
  readonly #waiters = new Set<() => void>();

  get generation(): number {
    return this.#generation;
  }

  wake(): void {
    this.#generation += 1;
    for (const resolve of this.#waiters) resolve();
    this.#waiters.clear();
  }

  /** Resolves at the first wake-up after `sinceGeneration` (at once if there was one), after `timeoutMs`, or on abort. */
  wait(sinceGeneration: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.#generation !== sinceGeneration || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.#waiters.add(done);
    });
  }
}
