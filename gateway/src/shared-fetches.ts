import type { SubgraphAnswer } from './subgraph-http.ts';

/** A request that received the answer of a fetch another request made. */
export interface Sharer {
  readonly requestId: string;
  readonly traceId: string;
}

interface InFlight {
  readonly answer: Promise<SubgraphAnswer>;
  readonly sharers: Sharer[];
}

/**
 * Identical subgraph queries in flight at the same time share one fetch (SUBGRAPH_FETCH_SHARING, on by
 * default), as Hive Gateway does by default and Apollo Router as an option. Under load many requests run
 * the same operation with the same variables (a public list, a partner polling its offers), and every one
 * of them would otherwise cost each subgraph a full execution. The trade-offs:
 *
 * - **What is identical**: same subgraph URL, same body (operation text, variables — entity
 *   representations included — and operation name) and same `Authorization`, the credential the subgraphs
 *   answer by (a person's access token, a partner's exchanged token; anonymous requests share with
 *   anonymous ones only). Fetches the executor adds headers to (Apollo's federated traces, per request)
 *   are never shared.
 * - **Queries only**: a fetch of an incoming mutation is never shared, and a mutation ends the sharing of
 *   its credentials' queries in flight: a query sent after it starts its own fetch instead of joining one
 *   that started before, so a client reads its own writes. A query may still receive an answer computed
 *   up to one fetch earlier than it was sent, relative to other callers' writes, as if sent that much
 *   earlier.
 * - **No caching**: a fetch is forgotten the moment its answer arrives; only requests that arrived while
 *   it was on its way receive it.
 * - **What is shared is the HTTP answer** (status, content type, body text). Each request parses its own
 *   copy, because the gateway's executor writes into the objects it receives.
 * - **The first request's headers are sent**: its request id, its `traceparent` (the fetch is a span of
 *   its trace), its `x-forwarded-for` (the subgraph sees the first caller's address: subgraphs use it for
 *   per-address limits of sign-in, sign-up and reset mutations, which are never shared, and to record
 *   who did a change, also a mutation; the gateway has applied its own per-address limit to every
 *   request). So that each request's subgraph call can still be followed, the first request logs one line
 *   per shared fetch, `subgraph fetch shared`, with the request and trace ids of the others (a span link,
 *   in the logs). An audited read (a recruiter viewing a profile) made by identical requests of the same
 *   caller in flight together is recorded once, under the first request's id.
 * - **Its deadline and failures are everyone's**: the first request's deadline applies (same subgraph,
 *   same deadline, so a request that joins later waits less than its own), and when the fetch fails or
 *   times out every sharer gets its own SUBGRAPH_UNAVAILABLE naming the subgraph.
 * - **Metrics**: `subgraph_fetch_duration_seconds` counts the fetches made, `subgraph_fetches_shared_total`
 *   the queries answered by a fetch of another request.
 */
export class InFlightQueries {
  /** By credentials (`Authorization`, or '' for none), then by subgraph URL and body. */
  readonly #groups = new Map<string, Map<string, InFlight>>();

  /** The answer of the identical query in flight, which `sharer` now waits for too; undefined if none. */
  join(credentials: string, key: string, sharer: Sharer): Promise<SubgraphAnswer> | undefined {
    const inFlight = this.#groups.get(credentials)?.get(key);
    if (!inFlight) return undefined;
    inFlight.sharers.push(sharer);
    return inFlight.answer;
  }

  /**
   * Makes `answer` the fetch identical queries join until it settles; `settled` is then told who joined
   * (if anyone did).
   */
  lead(
    credentials: string,
    key: string,
    answer: Promise<SubgraphAnswer>,
    settled: (sharers: readonly Sharer[]) => void,
  ): Promise<SubgraphAnswer> {
    let group = this.#groups.get(credentials);
    if (!group) {
      group = new Map();
      this.#groups.set(credentials, group);
    }
    const sharers: Sharer[] = [];
    const inFlight: InFlight = {
      sharers,
      answer: answer.finally(() => {
        // A mutation may have replaced the group meanwhile; only this fetch's own entry goes.
        if (group.get(key) === inFlight) group.delete(key);
        if (group.size === 0 && this.#groups.get(credentials) === group) this.#groups.delete(credentials);
        if (sharers.length > 0) settled(sharers);
      }),
    };
    group.set(key, inFlight);
    return inFlight.answer;
  }

  /** A mutation with these credentials: queries sent from now on do not join fetches already in flight. */
  forget(credentials: string): void {
    this.#groups.delete(credentials);
  }
}
