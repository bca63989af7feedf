/**
 * Whether the gateway can serve the supergraph: the schema is loaded (the caller checks that) and at least
 * one subgraph answers its own readiness probe. A partial outage keeps the gateway ready, since it still
 * answers with what the other subgraphs give (and names the missing one); when no subgraph answers, the
 * gateway is taken out of the load balancer until one comes back. Probes run at most once per
 * `cacheMs`, however often `/ready` is asked, so the probe itself cannot load the subgraphs.
 */
export class SubgraphReachability {
  readonly #probeUrls: readonly string[];
  readonly #timeoutMs: number;
  readonly #cacheMs: number;
  #last: { reachable: boolean; at: number } | null = null;
  #inFlight: Promise<boolean> | null = null;

  constructor(subgraphUrls: readonly string[], options: { timeoutMs: number; cacheMs: number }) {
    this.#probeUrls = subgraphUrls.map((url) => new URL('/ready', url).toString());
    this.#timeoutMs = options.timeoutMs;
    this.#cacheMs = options.cacheMs;
  }

  async anyReachable(): Promise<boolean> {
    if (this.#last && Date.now() - this.#last.at < this.#cacheMs) return this.#last.reachable;
    this.#inFlight ??= this.#probe().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #probe(): Promise<boolean> {
    const answers = await Promise.all(
      this.#probeUrls.map((url) =>
        fetch(url, { signal: AbortSignal.timeout(this.#timeoutMs) }).then(
          async (response) => {
            await response.body?.cancel();
            return response.ok;
          },
          () => false,
        ),
      ),
    );
    const reachable = answers.some(Boolean);
    this.#last = { reachable, at: Date.now() };
    return reachable;
  }
}
