import type { EventEnvelope } from './envelope.ts';
import { deliverWithRetries, describeError, sleep } from './delivery.ts';
import type { EventLogger } from './logger.ts';
import type { EventConsumer, EventHandler, ResolvedConsumeOptions } from './transport.ts';

export interface Delivery {
  readonly event: EventEnvelope;
}

/** What a transport provides for one consumer; the loop around it (retries, dead letters, stop) is shared. */
export interface DeliverySource<Item extends Delivery> {
  /**
   * The next deliveries for this consumer: those abandoned by dead or stopped consumers of the group,
   * then new ones. Waits up to the poll interval when there are none; returns early, possibly empty,
   * once `signal` aborts.
   */
  next(signal: AbortSignal): Promise<readonly Item[]>;
  acknowledge(delivery: Item): Promise<void>;
  /** Records the dead letter and acknowledges the delivery, atomically. */
  deadLetter(delivery: Item, failure: { readonly error: string; readonly attempts: number }): Promise<void>;
  /** Hands deliveries taken but not handled back to the group, so another consumer takes them at once. */
  release(deliveries: readonly Item[]): Promise<void>;
  /** Frees what the source holds; called once, after the last call to the others. */
  close(): Promise<void>;
}

/**
 * Runs one consumer: takes deliveries from `source`, handles them one at a time in order, acknowledges
 * or dead-letters each. Errors of the source (a lost connection) are logged and retried after the poll
 * interval: the events stay in the group, nothing is lost.
 */
export function startConsumerLoop<Item extends Delivery>(settings: {
  readonly group: string;
  readonly source: DeliverySource<Item>;
  readonly handler: EventHandler;
  readonly options: ResolvedConsumeOptions;
  readonly logger: EventLogger;
  readonly onStopped: () => void;
}): EventConsumer {
  const { group, source, handler, options, logger } = settings;
  const consumer = options.consumerName;
  const controller = new AbortController();
  const { signal } = controller;

  const handBack = async (deliveries: readonly Item[]) => {
    if (deliveries.length === 0) return;
    try {
      await source.release(deliveries);
    } catch (error) {
      // They are then taken over once idle for claimIdleMs, like those of a crashed consumer.
      logger.warn({ group, consumer, err: error }, 'could not hand unhandled events back to the group');
    }
  };

  const run = async () => {
    while (!signal.aborted) {
      let batch: readonly Item[];
      try {
        batch = await source.next(signal);
      } catch (error) {
        if (signal.aborted) break;
        logger.warn({ group, consumer, err: error }, 'reading events failed, retrying');
        await sleep(options.pollIntervalMs, signal);
        continue;
      }
      for (const [index, delivery] of batch.entries()) {
        const { event } = delivery;
        const outcome = await deliverWithRetries(event, handler, {
          policy: options.retry,
          signal,
          onRetry: (attempt, error, delayMs) =>
            logger.warn(
              { group, consumer, eventId: event.id, eventType: event.type, attempt, delayMs, err: error },
              'event handler failed, retrying',
            ),
        });
        if (outcome.status === 'INTERRUPTED') {
          await handBack(batch.slice(index));
          break;
        }
        try {
          if (outcome.status === 'HANDLED') {
            await source.acknowledge(delivery);
          } else {
            await source.deadLetter(delivery, outcome);
            logger.error(
              { group, consumer, eventId: event.id, eventType: event.type, attempts: outcome.attempts },
              `event dead-lettered: ${outcome.error}`,
            );
          }
        } catch (error) {
          logger.warn(
            { group, consumer, eventId: event.id, err: error },
            'could not acknowledge the event; it will be delivered again',
          );
        }
        if (signal.aborted) {
          await handBack(batch.slice(index + 1));
          break;
        }
      }
    }
  };

  const running = run().catch((error: unknown) => {
    logger.error({ group, consumer, err: describeError(error) }, 'event consumer stopped unexpectedly');
  });
  let stopping: Promise<void> | undefined;
  return {
    group,
    name: consumer,
    stop() {
      stopping ??= (async () => {
        controller.abort();
        await running;
        await source.close();
        settings.onStopped();
      })();
      return stopping;
    },
  };
}
