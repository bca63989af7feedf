import { describe, expect, it } from 'vitest';
import { Wakeup } from '../src/wakeup.ts';

const never = new AbortController().signal;

describe('Wakeup', () => {
  it('wakes waiters at the next wake-up', async () => {
    const wakeup = new Wakeup();
    let woken = false;
    const waiting = wakeup.wait(wakeup.generation, 60_000, never).then(() => {
      woken = true;
    });
    await Promise.resolve();
    expect(woken).toBe(false);
    wakeup.wake();
    await waiting;
    expect(woken).toBe(true);
  });

  it('does not wait when a wake-up came since the generation was noted', async () => {
    const wakeup = new Wakeup();
    const noted = wakeup.generation;
    wakeup.wake();
    await wakeup.wait(noted, 60_000, never);
    expect(wakeup.generation).toBe(noted + 1);
  });

  it('gives up waiting after the timeout, or at once on abort', async () => {
    const wakeup = new Wakeup();
    await wakeup.wait(wakeup.generation, 5, never);
    const controller = new AbortController();
    const waiting = wakeup.wait(wakeup.generation, 60_000, controller.signal);
    controller.abort();
    await waiting;
  });
});
