import type { FormattedExecutionResult } from 'graphql';
import type { LiveSubscriber, SubscriptionHub } from './hub.ts';

/**
 * The stream of one subscription: registered with the hub while it is consumed, unregistered when the
 * client completes it or the socket closes (graphql-ws then calls `return`). Results wait in a queue of
 * at most `queueLimit`; graphql-ws pulls the next one only once the previous one was written to the
 * socket, so a client that reads too slowly fills the queue, and is then cut off instead of growing the
 * gateway's memory.
 */
export function liveStream(
  subscription: Omit<LiveSubscriber, 'deliver' | 'end'>,
  hub: SubscriptionHub,
  queueLimit: number,
): AsyncGenerator<FormattedExecutionResult> {
  const queue: FormattedExecutionResult[] = [];
  let waiting: ((result: IteratorResult<FormattedExecutionResult>) => void) | null = null;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    unregister();
    if (waiting && queue.length === 0) {
      waiting({ value: undefined, done: true });
      waiting = null;
    }
  };

  const push = (result: FormattedExecutionResult) => {
    if (waiting) {
      waiting({ value: result, done: false });
      waiting = null;
    } else {
      queue.push(result);
    }
  };

  const unregister = hub.add({
    ...subscription,
    deliver(result) {
      if (finished) return true;
      if (queue.length >= queueLimit) return false;
      push(result);
      return true;
    },
    end(result) {
      if (finished) return;
      if (result) push(result);
      finish();
    },
  });

  const stream: AsyncGenerator<FormattedExecutionResult> = {
    next() {
      const result = queue.shift();
      if (result) return Promise.resolve({ value: result, done: false });
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return() {
      queue.length = 0;
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error: unknown) {
      queue.length = 0;
      finish();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
    [Symbol.asyncDispose]() {
      finish();
      return Promise.resolve();
    },
  };
  return stream;
}
