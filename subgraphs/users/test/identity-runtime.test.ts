import { describe, expect, it, vi } from 'vitest';
import { SignJWT, errors, importJWK } from 'jose';
import { generateSigningKey, verifyAccessToken, type SigningKey } from '@talentgraph/auth';
import { createLogger } from '@talentgraph/platform';
import { capturingLogger } from '@talentgraph/testing';
import { BackgroundTasks } from '../src/identity/background-tasks.ts';
import { RATE_LIMITS, RateLimits } from '../src/identity/rate-limits.ts';
import { SigningKeyRing } from '../src/signing-keys/key-ring.ts';

describe('BackgroundTasks', () => {
  it('runs a task at once, never twice at the same time, and stop waits for the run in flight', async () => {
    const tasks = new BackgroundTasks(createLogger('test', 'silent'));
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release!: () => void;
    const firstRun = tasks.every('slow', 1, async () => {
      running += 1;
      runs += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    });
    expect(runs).toBe(1);
    const again = tasks.runNow('slow');
    expect(runs).toBe(1);
    release();
    await Promise.all([firstRun, again]);
    await tasks.stop();
    const runsAtStop = runs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(runsAtStop);
    expect(maxRunning).toBe(1);
  });

  it('logs a failed run and keeps the schedule', async () => {
    const { logger, lines } = capturingLogger('test');
    const tasks = new BackgroundTasks(logger);
    let runs = 0;
    await tasks.every('flaky', 5, async () => {
      runs += 1;
      throw new Error('database unreachable');
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThan(1));
    await tasks.stop();
    expect(lines[0]).toMatchObject({ msg: 'background task failed', task: 'flaky' });
  });
});

describe('SigningKeyRing', () => {
  const audience = { issuer: 'talentgraph', audience: 'talentgraph-api' };
  async function tokenOf(key: SigningKey): Promise<string> {
    return new SignJWT({ kind: 'USER', roles: ['CANDIDATE'], orgs: [], sid: 'session' })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setIssuer(audience.issuer)
      .setAudience(audience.audience)
      .setSubject('user')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(key.privateJwk, 'EdDSA'));
  }

  it('loads the keys on first use and again when a token names a key rotated in elsewhere', async () => {
    const [first, second] = [await generateSigningKey(), await generateSigningKey()];
    let published = [first.publicJwk];
    const load = vi.fn(async () => published);
    const ring = new SigningKeyRing(load);
    await verifyAccessToken(await tokenOf(first), ring.keySource, audience);
    expect(load).toHaveBeenCalledTimes(1);
    published = [second.publicJwk, first.publicJwk];
    await ring.reload();
    await verifyAccessToken(await tokenOf(second), ring.keySource, audience);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reloads at most every few seconds for unknown kids, so forged kids cost little', async () => {
    const known = await generateSigningKey();
    const stranger = await generateSigningKey();
    const load = vi.fn(async () => [known.publicJwk]);
    const ring = new SigningKeyRing(load);
    await ring.reload();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(ring.keySource({ alg: 'EdDSA', kid: stranger.kid }, {} as never)).rejects.toBeInstanceOf(
        errors.JWKSNoMatchingKey,
      );
    }
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('RateLimits', () => {
  it('refuses past the capacity with RATE_LIMITED and a wait, per subject', async () => {
    const limits = new RateLimits({ redisUrl: '', namespace: 'unit' });
    const { capacity } = RATE_LIMITS.signInPerAccount;
    for (let attempt = 0; attempt < capacity; attempt += 1)
      await limits.enforce('signInPerAccount', 'a@example.com');
    await expect(limits.enforce('signInPerAccount', 'a@example.com')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 60 },
    });
    await limits.enforce('signInPerAccount', 'b@example.com');
    await limits.enforce('signInPerAddress', 'a@example.com');
    await limits.reset('signInPerAccount', 'a@example.com');
    await limits.enforce('signInPerAccount', 'a@example.com');
    await limits.close();
  });
});
