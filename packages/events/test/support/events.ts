import { createEvent, type EventEnvelope } from '../../src/index.ts';

/** A valid event numbered `n` (in its payload and aggregate id), for tests. */
export function thingHappened(n: number, overrides: { type?: string; version?: number } = {}): EventEnvelope {
  return createEvent({
    type: overrides.type ?? 'contract.ThingHappened',
    version: overrides.version ?? 1,
    aggregate: { type: 'Thing', id: `thing-${n}` },
    payload: { n },
    actor: { kind: 'USER', id: `user-${n}` },
    correlationId: `request-${n}`,
  });
}

export function numbered(count: number, from = 1): EventEnvelope[] {
  return Array.from({ length: count }, (_, index) => thingHappened(from + index));
}

/** Resolves once `signal` aborts: a handler awaiting it hangs until its consumer is stopped. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
