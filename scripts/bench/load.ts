/**
 * Closed-loop HTTP load with autocannon: a fixed number of connections, each sending the same GraphQL
 * request again as soon as its previous answer arrived, for a fixed time. Every answer is checked: a
 * status other than 200 or a body other than the expected one counts as a failure.
 */
import autocannon from 'autocannon';

export interface GraphQLRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface LoadResult {
  /** Answers that were 200 with exactly the expected body. */
  readonly succeeded: number;
  /** Wrong status, wrong body, socket errors and timeouts. */
  readonly failed: number;
  /** The first wrong answer, to say what went wrong. */
  readonly firstFailure: string | null;
  /** Latency of every answer, in milliseconds. */
  readonly latenciesMs: number[];
  readonly seconds: number;
}

export async function runLoad(
  url: string,
  request: GraphQLRequest,
  options: {
    readonly connections: number;
    /** For this long; or, with `requests`, until exactly that many answers arrived. */
    readonly seconds?: number;
    readonly requests?: number;
    readonly expectedBody: string;
  },
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let firstFailure: string | null = null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        ...(options.requests ? { amount: options.requests } : { duration: options.seconds ?? 10 }),
        method: 'POST',
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
        timeout: 30,
        verifyBody: (body) => {
          const text = String(body);
          const expected = text === options.expectedBody;
          if (!expected) firstFailure ??= text.slice(0, 500);
          return expected;
        },
      },
      (error, finished) => (error ? reject(error as Error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      latenciesMs.push(responseTimeMs);
      if (statusCode !== 200) firstFailure ??= `HTTP ${statusCode}`;
    });
  });
  // autocannon's errors include its timeouts.
  const failed = result.non2xx + result.mismatches + result.errors;
  return {
    // autocannon counts a mismatching 2xx answer among 2xx too.
    succeeded: result['2xx'] - result.mismatches,
    failed,
    firstFailure,
    latenciesMs,
    seconds: result.duration,
  };
}

/** The p-th percentile (0–100) of sorted values, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
