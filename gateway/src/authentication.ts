import { hash } from 'node:crypto';
import {
  InvalidTokenError,
  bearerToken,
  remoteKeySource,
  unauthenticated,
  verifyAccessToken,
  type KeySource,
  type TokenAudience,
  type Viewer,
} from '@talentgraph/auth';
import { decodeJwt } from 'jose';
import type { GatewayConfig } from './config.ts';
import { LruMap } from './lru-map.ts';

/** What the gateway knows of a caller, and the credential it passes on to the subgraphs. */
export interface Caller {
  readonly viewer: Viewer | null;
  /** `Bearer <access token>` forwarded to every subgraph, which verifies it again itself. */
  readonly authorization: string | null;
}

const ANONYMOUS: Caller = { viewer: null, authorization: null };

interface CachedPartnerToken {
  readonly token: string;
  readonly viewer: Viewer;
  readonly expiresAt: number;
  readonly exchangedAt: number;
}

/** Entries of each cache of the authenticator, at most. */
const CACHE_CAPACITY = 10_000;

/**
 * Authenticates each request once at the edge: a bearer access token (verified against the issuer's
 * JWKS, and its sign-in session checked as still active, so a logout or a disabled account takes effect
 * within seconds), or a partner API key (exchanged at the users subgraph for a short-lived partner token,
 * exchanged again after the same few seconds, so a revoked key stops working as fast). Anything else is
 * refused before any subgraph is called.
 *
 * One session check and one key exchange at a time: when the cached answer is missing or stale, the
 * concurrent requests of the same session or key wait for the one call in flight instead of each making
 * its own (at 50 requests in flight, 50 key look-ups and EdDSA signatures at the users subgraph, and 50
 * different partner tokens sent on to the subgraphs).
 *
 * An access token's signature is checked once: a verified token is remembered (by its text) until it
 * expires, at most 15 minutes. The session check still runs as often as SESSION_CHECK_CACHE_MS says, so a
 * logout or a disabled account takes effect as fast as before. What the memory lets through longer is a
 * token signed by a key the issuer has since withdrawn from its JWKS: accepted until the token's own
 * expiry, much as the JWKS itself is cached for up to 10 minutes (remoteKeySource).
 */
export class Authenticator {
  readonly #keys: KeySource;
  readonly #audience: TokenAudience;
  readonly #usersBaseUrl: string;
  readonly #sessionCacheMs: number;
  readonly #sessions = new LruMap<string, { active: boolean; checkedAt: number }>(CACHE_CAPACITY);
  readonly #partnerTokens = new LruMap<string, CachedPartnerToken>(CACHE_CAPACITY);
  /** Access tokens whose signature and claims were verified, until their expiry (ms). */
  readonly #verifiedTokens = new LruMap<string, { viewer: Viewer; expiresAt: number }>(CACHE_CAPACITY);
  /** The session check or key exchange in flight, by `session:<id>` or `partner:<key hash>`. */
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(config: GatewayConfig, keys: KeySource = remoteKeySource(config.AUTH_JWKS_URL)) {
    this.#keys = keys;
    this.#audience = { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
    this.#usersBaseUrl = new URL('/', config.USERS_URL).toString();
    this.#sessionCacheMs = config.SESSION_CHECK_CACHE_MS;
  }

  async authenticate(headers: { authorization?: string; 'x-api-key'?: string | string[] }): Promise<Caller> {
    const apiKey = Array.isArray(headers['x-api-key']) ? headers['x-api-key'][0] : headers['x-api-key'];
    if (headers.authorization && apiKey) {
      throw unauthenticated('Send either an Authorization header or an x-api-key header, not both.');
    }
    if (apiKey) return this.#partner(apiKey);
    let token: string | null;
    let viewer: Viewer;
    try {
      token = bearerToken(headers.authorization);
      if (token === null) return ANONYMOUS;
      viewer = await this.#verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
      throw error;
    }
    if (viewer.kind === 'USER' && !(await this.#isSessionActive(viewer.sessionId))) {
      throw unauthenticated('This session has ended; sign in again.');
    }
    return { viewer, authorization: `Bearer ${token}` };
  }

  /** The token's viewer, verified once per token (until its expiry); throws InvalidTokenError. */
  async #verify(token: string): Promise<Viewer> {
    const verified = this.#verifiedTokens.get(token);
    if (verified && verified.expiresAt > Date.now()) return verified.viewer;
    const viewer = await verifyAccessToken(token, this.#keys, this.#audience);
    // Verification requires `exp`.
    this.#verifiedTokens.set(token, { viewer, expiresAt: decodeJwt(token).exp! * 1000 });
    return viewer;
  }

  async #isSessionActive(sessionId: string): Promise<boolean> {
    const cached = this.#sessions.get(sessionId);
    const now = Date.now();
    if (cached && now - cached.checkedAt < this.#sessionCacheMs) return cached.active;
    return this.#once(`session:${sessionId}`, () => this.#checkSession(sessionId, now));
  }

  async #checkSession(sessionId: string, now: number): Promise<boolean> {
    const response = await fetch(
      new URL(`internal/sessions/${encodeURIComponent(sessionId)}`, this.#usersBaseUrl),
      {
        signal: AbortSignal.timeout(3_000),
      },
    );
    if (!response.ok) throw new Error(`session check answered ${response.status}`);
    const { active } = (await response.json()) as { active: boolean };
    this.#sessions.set(sessionId, { active, checkedAt: now });
    return active;
  }

  /**
   * Which of these sign-in sessions are still live, in one call (chunks of 10,000): a gateway checks all
   * of its WebSocket connections this way and closes those whose session ended.
   */
  async liveSessions(sessionIds: readonly string[]): Promise<Set<string>> {
    const live = new Set<string>();
    for (let start = 0; start < sessionIds.length; start += 10_000) {
      const response = await fetch(new URL('internal/live-sessions', this.#usersBaseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionIds: sessionIds.slice(start, start + 10_000) }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`live sessions check answered ${response.status}`);
      for (const sessionId of ((await response.json()) as { live: string[] }).live) live.add(sessionId);
    }
    return live;
  }

  async #partner(apiKey: string): Promise<Caller> {
    // Keyed by the key's hash, so the cache holds no secret; `hash` is Node's one-shot digest.
    const cacheKey = hash('sha256', apiKey, 'hex');
    const cached = this.#partnerTokens.get(cacheKey);
    const now = Date.now();
    if (cached && now - cached.exchangedAt < this.#sessionCacheMs && cached.expiresAt - 60_000 > now) {
      return { viewer: cached.viewer, authorization: `Bearer ${cached.token}` };
    }
    return this.#once(`partner:${cacheKey}`, () => this.#exchange(apiKey, cacheKey, now));
  }

  async #exchange(apiKey: string, cacheKey: string, now: number): Promise<Caller> {
    const response = await fetch(new URL('auth/partner-token', this.#usersBaseUrl), {
      method: 'POST',
      headers: { 'x-api-key': apiKey },
      signal: AbortSignal.timeout(3_000),
    });
    if (response.status === 401) {
      this.#partnerTokens.delete(cacheKey);
      throw unauthenticated('Unknown or revoked API key.');
    }
    if (!response.ok) throw new Error(`partner token exchange answered ${response.status}`);
    const { accessToken, expiresAt } = (await response.json()) as { accessToken: string; expiresAt: string };
    const viewer = await this.#verify(accessToken);
    this.#partnerTokens.set(cacheKey, {
      token: accessToken,
      viewer,
      expiresAt: new Date(expiresAt).getTime(),
      exchangedAt: now,
    });
    return { viewer, authorization: `Bearer ${accessToken}` };
  }

  /** The call in flight under `key`, or `work` started as that call; it is forgotten once settled. */
  #once<Result>(key: string, work: () => Promise<Result>): Promise<Result> {
    let pending = this.#inFlight.get(key) as Promise<Result> | undefined;
    if (!pending) {
      pending = work().finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return pending;
  }
}
