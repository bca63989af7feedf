import type { EventEnvelope } from './envelope.ts';
import type { EventHandler } from './transport.ts';

/** Attempts of one delivery: `maxAttempts` in all, waiting initialDelayMs, 2×, 4×… (at most maxDelayMs) between. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** 5 attempts over 200 + 400 + 800 + 1600 ms: a few seconds for a deadlock or a restarting dependency. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 30_000 };

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1 || policy.maxAttempts > 100) {
    throw new RangeError(`"retry.maxAttempts" must be an integer from 1 to 100; got ${policy.maxAttempts}.`);
  }
  for (const name of ['initialDelayMs', 'maxDelayMs'] as const) {
    if (!Number.isSafeInteger(policy[name]) || policy[name] < 0) {
      throw new RangeError(`"retry.${name}" must be a whole number of milliseconds; got ${policy[name]}.`);
    }
  }
  if (policy.maxDelayMs < policy.initialDelayMs) {
    throw new RangeError('"retry.maxDelayMs" must be at least "retry.initialDelayMs".');
  }
  return policy;
}

/** The wait after the `failedAttempts`-th failure. */
export function retryDelayMs(policy: RetryPolicy, failedAttempts: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failedAttempts - 1));
}

/** Thrown by a handler for an event that no retry can fix: it becomes a dead letter at once. */
export class NonRetryableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableEventError';
  }
}

export type DeliveryOutcome =
  | { readonly status: 'HANDLED' }
  /** The consumer stopped before the event was handled: it must be handed back, not acknowledged. */
  | { readonly status: 'INTERRUPTED' }
  | { readonly status: 'FAILED'; readonly error: string; readonly attempts: number };

const MAX_ERROR_LENGTH = 2_000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** Runs `handler` until it succeeds, fails for good, or `signal` (the consumer stopping) interrupts it. */
export async function deliverWithRetries(
  event: EventEnvelope,
  handler: EventHandler,
  options: {
    readonly policy: RetryPolicy;
    readonly signal: AbortSignal;
    readonly onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
  },
): Promise<DeliveryOutcome> {
  const { policy, signal } = options;
  for (let attempt = 1; ; attempt += 1) {
    if (signal.aborted) return { status: 'INTERRUPTED' };
    try {
      await handler(event, { attempt, signal });
      return { status: 'HANDLED' };
    } catch (error) {
      if (signal.aborted) return { status: 'INTERRUPTED' };
      if (error instanceof NonRetryableEventError || attempt >= policy.maxAttempts) {
        return { status: 'FAILED', error: describeError(error), attempts: attempt };
      }
      const delayMs = retryDelayMs(policy, attempt);
      options.onRetry?.(attempt, error, delayMs);
      if (!(await sleep(delayMs, signal))) return { status: 'INTERRUPTED' };
    }
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
