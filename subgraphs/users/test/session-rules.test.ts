import { describe, expect, it } from 'vitest';
import { decideRefresh, isSessionLive, sessionExpiry } from '../src/sessions/session-rules.ts';

const now = new Date('2026-11-23T12:00:00Z');
const later = new Date('2026-12-23T12:00:00Z');
const earlier = new Date('2026-11-22T12:00:00Z');
const live = { revokedAt: null, expiresAt: later };
const active = { disabledAt: null };

describe('session rules', () => {
  it('a session lives until revoked, expired, or its account disabled', () => {
    expect(isSessionLive(live, active, now)).toBe(true);
    expect(isSessionLive({ revokedAt: earlier, expiresAt: later }, active, now)).toBe(false);
    expect(isSessionLive({ revokedAt: null, expiresAt: now }, active, now)).toBe(false);
    expect(isSessionLive(live, { disabledAt: earlier }, now)).toBe(false);
  });

  it('each refresh pushes the end of the session', () => {
    expect(sessionExpiry(now, 30)).toEqual(new Date('2026-12-23T12:00:00Z'));
  });

  it('rotates a current token of a live session', () => {
    expect(decideRefresh({ spent: false, session: live, account: active }, now)).toEqual({ kind: 'ROTATE' });
  });

  it('revokes the family when a spent token of a live session comes back', () => {
    expect(decideRefresh({ spent: true, session: live, account: active }, now)).toEqual({
      kind: 'REVOKE_FAMILY',
    });
    // Expired but not revoked: revoking it as well records why the family died.
    expect(
      decideRefresh({ spent: true, session: { revokedAt: null, expiresAt: earlier }, account: active }, now),
    ).toEqual({
      kind: 'REVOKE_FAMILY',
    });
  });

  it('refuses unknown tokens, ended sessions and disabled accounts, changing nothing', () => {
    expect(decideRefresh(null, now)).toEqual({ kind: 'REFUSE', reason: 'UNKNOWN_TOKEN' });
    const ended = { revokedAt: earlier, expiresAt: later };
    expect(decideRefresh({ spent: true, session: ended, account: active }, now)).toEqual({
      kind: 'REFUSE',
      reason: 'SESSION_ENDED',
    });
    expect(decideRefresh({ spent: false, session: ended, account: active }, now).kind).toBe('REFUSE');
    expect(decideRefresh({ spent: false, session: live, account: { disabledAt: earlier } }, now).kind).toBe(
      'REFUSE',
    );
  });
});
