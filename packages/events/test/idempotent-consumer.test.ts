import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  idempotentHandler,
  NonRetryableEventError,
  UnsupportedEventVersionError,
  type EventHandlerDefinition,
} from '../src/index.ts';
import { thingHappened } from './support/events.ts';

/** Any use of the database fails the test: these cases must be settled before touching it. */
const untouchable = new Proxy({} as EntityManager, {
  get(_target, property) {
    throw new Error(`the database was used (${String(property)})`);
  },
});
const context = { attempt: 1, signal: new AbortController().signal };
const noop: EventHandlerDefinition = { versions: [1, 2], async handle() {} };

describe('idempotentHandler', () => {
  it('acknowledges event types the group does not handle, without touching the database', async () => {
    const handle = idempotentHandler({
      group: 'search',
      em: untouchable,
      handlers: { 'contract.ThingHappened': noop },
    });
    await expect(
      handle(thingHappened(1, { type: 'contract.SomethingElse' }), context),
    ).resolves.toBeUndefined();
  });

  it('refuses a version it does not understand for good, naming the group, type and versions', async () => {
    const handle = idempotentHandler({
      group: 'search',
      em: untouchable,
      handlers: { 'contract.ThingHappened': noop },
    });
    const event = thingHappened(1, { version: 3 });
    const refusal = handle(event, context);
    await expect(refusal).rejects.toThrow(UnsupportedEventVersionError);
    await expect(refusal).rejects.toThrow(NonRetryableEventError);
    await expect(refusal).rejects.toThrow(
      `Consumer group "search" understands contract.ThingHappened versions 1, 2, not version 3 (event ${event.id}).`,
    );
  });

  it('refuses handlers that do not say which versions they understand, and bad group names', () => {
    for (const versions of [[], [0], [1.5]]) {
      expect(() =>
        idempotentHandler({
          group: 'search',
          em: untouchable,
          handlers: { 'contract.ThingHappened': { ...noop, versions } },
        }),
      ).toThrow(RangeError);
    }
    expect(() => idempotentHandler({ group: 'Search', em: untouchable, handlers: {} })).toThrow(RangeError);
  });
});
