import { isRole, type Viewer } from '@talentgraph/auth';
import { isUuid, type EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import { hashOpaqueToken, newOpaqueToken } from '../encryption/opaque-tokens.ts';
import { MembershipSchema } from '../entities/Membership.ts';
import { RefreshTokenSchema } from '../entities/RefreshToken.ts';
import { SessionSchema, type Session } from '../entities/Session.ts';
import type { User } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { issueAccessToken } from '../signing-keys/access-tokens.ts';
import { currentClient } from './client.ts';
import { decideRefresh, sessionExpiry, type SessionEndReason } from './session-rules.ts';

/** What a client keeps after signing in or refreshing. */
export interface SessionTokens {
  readonly sessionId: string;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  readonly user: User;
}

/** The identity an access token of `user` carries: roles and organization memberships as they are now. */
export async function viewerFor(em: EntityManager, user: User, sessionId: string): Promise<Viewer> {
  const memberships = await em.find(MembershipSchema, { user: user.id }, { orderBy: { joinedAt: 'asc' } });
  return {
    kind: 'USER',
    userId: user.id,
    roles: user.roles.filter(isRole),
    memberships: memberships.map((membership) => ({
      organizationId: membership.organization.id,
      role: membership.role,
    })),
    sessionId,
  };
}

async function tokensFor(
  em: EntityManager,
  user: User,
  session: Session,
  refreshToken: string,
  now: Date,
): Promise<SessionTokens> {
  const access = await issueAccessToken(em, await viewerFor(em, user, session.id), now);
  return {
    sessionId: session.id,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt: session.expiresAt,
    user,
  };
}

/**
 * Opens a session for `user` (who has just proven who they are) on the current client. Password login,
 * sign-up and social login all end here; call it inside the transaction that made the sign-in.
 */
export async function openSession(em: EntityManager, user: User, now: Date): Promise<SessionTokens> {
  const client = currentClient();
  const session = em.create(SessionSchema, {
    user,
    createdAt: now,
    lastRefreshedAt: null,
    expiresAt: sessionExpiry(now, identityOf(em).config.AUTH_REFRESH_TOKEN_DAYS),
    revokedAt: null,
    endReason: null,
    userAgent: client.userAgent,
    ipAddress: client.ip,
  });
  const { token, tokenHash } = newOpaqueToken();
  em.create(RefreshTokenSchema, { session, tokenHash, issuedAt: now, spentAt: null });
  await em.flush();
  return tokensFor(em, user, session, token, now);
}

export type RefreshResult =
  | { readonly kind: 'REFRESHED'; readonly tokens: SessionTokens }
  | { readonly kind: 'REUSE_DETECTED'; readonly sessionId: string; readonly userId: string }
  | { readonly kind: 'REFUSED' };

/**
 * Exchanges a refresh token for a new access token and the next refresh token. The token is claimed
 * by a conditional update, so of two concurrent exchanges of one token only one wins; the other is
 * treated as reuse and revokes the family.
 */
export async function refreshSession(
  em: EntityManager,
  presented: string,
  now: Date,
): Promise<RefreshResult> {
  const tokenHash = hashOpaqueToken(presented);
  return em.transactional(async (tx) => {
    const claimed = await tx.nativeUpdate(RefreshTokenSchema, { tokenHash, spentAt: null }, { spentAt: now });
    const token = await tx.findOne(RefreshTokenSchema, { tokenHash }, { populate: ['session.user'] });
    const decision = decideRefresh(
      token ? { spent: claimed === 0, session: token.session, account: token.session.user } : null,
      now,
    );
    switch (decision.kind) {
      case 'REFUSE':
        return { kind: 'REFUSED' };
      case 'REVOKE_FAMILY': {
        const session = token!.session;
        session.revokedAt = now;
        session.endReason = 'REFRESH_TOKEN_REUSE';
        await tx.flush();
        return { kind: 'REUSE_DETECTED', sessionId: session.id, userId: session.user.id };
      }
      case 'ROTATE': {
        const session = token!.session;
        session.lastRefreshedAt = now;
        session.expiresAt = sessionExpiry(now, identityOf(tx).config.AUTH_REFRESH_TOKEN_DAYS);
        const next = newOpaqueToken();
        tx.create(RefreshTokenSchema, { session, tokenHash: next.tokenHash, issuedAt: now, spentAt: null });
        await tx.flush();
        return { kind: 'REFRESHED', tokens: await tokensFor(tx, session.user, session, next.token, now) };
      }
    }
  });
}

/** Ends sessions of `userId` still live (all, or all but `except`); returns how many were ended. */
export async function endSessionsOf(
  em: EntityManager,
  userId: string,
  reason: SessionEndReason,
  now: Date,
  options: { readonly except?: string } = {},
): Promise<number> {
  return em.nativeUpdate(
    SessionSchema,
    {
      user: userId,
      revokedAt: null,
      ...(options.except ? { id: { $ne: options.except } } : {}),
    },
    { revokedAt: now, endReason: reason },
  );
}

export async function endSession(
  em: EntityManager,
  sessionId: string,
  reason: SessionEndReason,
  now: Date,
): Promise<boolean> {
  return (
    (await em.nativeUpdate(
      SessionSchema,
      { id: sessionId, revokedAt: null },
      { revokedAt: now, endReason: reason },
    )) > 0
  );
}

/** Logout: ends the caller's own session, and audits it when it was still live. */
export async function logOut(
  em: EntityManager,
  person: { readonly userId: string; readonly sessionId: string },
  now: Date,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const ended = await endSession(tx, person.sessionId, 'LOGOUT', now);
    if (ended) {
      await recordAudit(tx, {
        occurredAt: now,
        actor: userActor(person.userId),
        action: 'auth.logout',
        target: { type: 'User', id: person.userId },
        details: { sessionId: person.sessionId },
      });
    }
    return ended;
  });
}

/** Ends every session of the caller's account, this one included, and audits it. */
export async function logOutEverywhere(em: EntityManager, userId: string, now: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const endedSessionCount = await endSessionsOf(tx, userId, 'LOGOUT_EVERYWHERE', now);
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(userId),
      action: 'auth.logout_everywhere',
      target: { type: 'User', id: userId },
      details: { endedSessionCount },
    });
    return endedSessionCount;
  });
}

/**
 * Which of these sessions are live: not revoked, not expired, and their account not disabled (nor
 * deleted, which deletes its sessions). One query for any number of sessions.
 */
export async function liveSessionIds(
  em: EntityManager,
  sessions: readonly { readonly sessionId: string; readonly userId?: string }[],
  now: Date,
): Promise<Set<string>> {
  const wellFormed = sessions.filter(
    ({ sessionId, userId }) => isUuid(sessionId) && (userId === undefined || isUuid(userId)),
  );
  if (wellFormed.length === 0) return new Set();
  const rows = await em.getConnection().execute<{ id: string; user_id: string }[]>(
    `select s.id, s.user_id from sessions s join users u on u.id = s.user_id
     where s.id in (${wellFormed.map(() => '?').join(', ')})
       and s.revoked_at is null and s.expires_at > ? and u.disabled_at is null`,
    [...wellFormed.map(({ sessionId }) => sessionId), now],
  );
  const owners = new Map(rows.map((row) => [row.id, row.user_id]));
  return new Set(
    wellFormed
      .filter(
        ({ sessionId, userId }) =>
          owners.has(sessionId) && (userId === undefined || owners.get(sessionId) === userId),
      )
      .map(({ sessionId }) => sessionId),
  );
}
