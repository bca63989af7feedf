import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, Logger } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { ANONYMOUS_ACTOR, userActor } from '../audit/audit-rules.ts';
import { SocialIdentitySchema } from '../entities/SocialIdentity.ts';
import { SocialLoginAttemptSchema } from '../entities/SocialLoginAttempt.ts';
import { UserSchema, type User } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import type { UserError } from '../domain/user-error.ts';
import { currentClient } from '../sessions/client.ts';
import { openSession, type SessionTokens } from '../sessions/sessions.ts';
import {
  attemptExpiresAt,
  hashState,
  isAttemptExpired,
  newAttemptSecrets,
  openSecrets,
  sealSecrets,
} from './attempt.ts';
import { SOCIAL_LOGIN_ERRORS, unknownProvider } from './errors.ts';
import {
  decideSocialLogin,
  displayNameForNewAccount,
  identityFromClaims,
  type ProviderIdentity,
} from './identity.ts';
import { AuthorizationRejectedError, ProviderUnavailableError } from './providers.ts';
import type { SocialLoginSetup } from './runtime.ts';

export interface SocialLoginRequest {
  readonly em: EntityManager;
  readonly now: Date;
  readonly logger: Logger;
}

export type Outcome<Success> =
  ({ readonly ok: true } & Success) | { readonly ok: false; readonly error: UserError };

function refused(error: UserError): { ok: false; error: UserError } {
  return { ok: false, error };
}

function normalizedUri(raw: string): string | null {
  try {
    return new URL(raw).href;
  } catch {
    return null;
  }
}

/**
 * Begins a sign-in at an OpenID provider: fresh state, nonce and PKCE verifier, kept server-side for ten
 * minutes (the state hashed, the others sealed), and the provider's authorization URL to send the person
 * to. Counts as a sign-in attempt of the client address, since it writes a row for an anonymous caller.
 */
export async function startSocialLogin(
  setup: SocialLoginSetup,
  { em, now, logger }: SocialLoginRequest,
  input: { readonly provider: string; readonly redirectUri: string },
): Promise<Outcome<{ authorizationUrl: string; expiresAt: Date }>> {
  const provider = setup.providers.get(input.provider);
  if (provider === null) return refused(unknownProvider(input.provider, setup.providerNames));
  const redirectUri = normalizedUri(input.redirectUri);
  if (redirectUri === null || !setup.redirectUris.includes(redirectUri)) {
    return refused(SOCIAL_LOGIN_ERRORS.REDIRECT_URI_NOT_ALLOWED);
  }
  await identityOf(em).rateLimits.enforce('signInPerAddress', currentClient().ip ?? 'unknown');
  const secrets = newAttemptSecrets();
  let authorizationUrl: string;
  try {
    authorizationUrl = await provider.authorizationUrl(redirectUri, secrets);
  } catch (error) {
    if (!(error instanceof ProviderUnavailableError)) throw error;
    logger.warn({ provider: provider.name, reason: error.reason }, 'social login provider unavailable');
    return refused(SOCIAL_LOGIN_ERRORS.PROVIDER_UNAVAILABLE);
  }
  const expiresAt = attemptExpiresAt(now);
  await em.transactional(async (tx) => {
    await tx.nativeDelete(SocialLoginAttemptSchema, { expiresAt: { $lte: now } });
    tx.create(SocialLoginAttemptSchema, {
      provider: provider.name,
      stateHash: hashState(secrets.state),
      sealedSecrets: sealSecrets(secrets),
      redirectUri,
      createdAt: now,
      expiresAt,
    });
  });
  return { ok: true, authorizationUrl, expiresAt };
}

/** Takes the attempt of this state out of the table: whatever happens next, it cannot be used again. */
async function consumeAttempt(
  em: EntityManager,
  provider: string,
  state: string,
): Promise<{ redirectUri: string; sealedSecrets: string; expiresAt: Date } | null> {
  return em.transactional(async (tx) => {
    const attempt = await tx.findOne(
      SocialLoginAttemptSchema,
      { stateHash: hashState(state), provider },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (attempt === null) return null;
    tx.remove(attempt);
    return {
      redirectUri: attempt.redirectUri,
      sealedSecrets: attempt.sealedSecrets,
      expiresAt: attempt.expiresAt,
    };
  });
}

function existing(user: User): { id: string; disabled: boolean } {
  return { id: user.id, disabled: user.disabledAt != null };
}

/** Signs the identity in (linking or creating its account) and opens the session, in one transaction. */
async function signIn(
  em: EntityManager,
  provider: string,
  identity: ProviderIdentity,
  now: Date,
): Promise<Outcome<{ tokens: SessionTokens }>> {
  return em.transactional(async (tx) => {
    const linked = await tx.findOne(
      SocialIdentitySchema,
      { provider, subject: identity.subject },
      { populate: ['user'] },
    );
    const accountWithEmail =
      linked === null && identity.email !== null
        ? await tx.findOne(UserSchema, { email: identity.email })
        : null;
    const linkAtProvider =
      accountWithEmail === null
        ? null
        : await tx.findOne(SocialIdentitySchema, { user: accountWithEmail.id, provider });
    const decision = decideSocialLogin({
      identity,
      linkedAccount: linked === null ? null : existing(linked.user),
      accountWithEmail:
        accountWithEmail === null
          ? null
          : {
              ...existing(accountWithEmail),
              emailVerified: accountWithEmail.emailVerifiedAt != null,
              subjectAtProvider: linkAtProvider?.subject ?? null,
            },
    });
    let user: User;
    switch (decision.kind) {
      case 'REFUSE': {
        const concerned = linked?.user ?? accountWithEmail;
        await recordAudit(tx, {
          occurredAt: now,
          actor: ANONYMOUS_ACTOR,
          action: 'auth.login_failed',
          target: concerned ? { type: 'User', id: concerned.id } : null,
          details: { method: 'OIDC', provider, reason: decision.reason },
        });
        return refused(SOCIAL_LOGIN_ERRORS[decision.reason]);
      }
      case 'SIGN_IN':
        linked!.lastSignInAt = now;
        user = linked!.user;
        break;
      case 'LINK_ACCOUNT':
        user = accountWithEmail!;
        tx.create(SocialIdentitySchema, {
          provider,
          subject: identity.subject,
          user,
          email: identity.email!,
          linkedAt: now,
          lastSignInAt: now,
        });
        break;
      case 'CREATE_ACCOUNT':
        user = tx.create(UserSchema, {
          email: decision.email,
          displayName: displayNameForNewAccount({ ...identity, email: decision.email }),
          roles: ['CANDIDATE'],
          locale: identity.locale ?? 'EN',
          avatarUrl: identity.avatarUrl,
          passwordHash: null,
          emailVerifiedAt: now,
          disabledAt: null,
          createdAt: now,
          updatedAt: now,
        });
        tx.create(SocialIdentitySchema, {
          provider,
          subject: identity.subject,
          user,
          email: decision.email,
          linkedAt: now,
          lastSignInAt: now,
        });
        break;
    }
    await tx.flush();
    const tokens = await openSession(tx, user, now);
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(user.id),
      action: 'auth.login',
      target: { type: 'User', id: user.id },
      details: {
        method: 'OIDC',
        provider,
        sessionId: tokens.sessionId,
        accountCreated: decision.kind === 'CREATE_ACCOUNT',
      },
    });
    return { ok: true, tokens };
  });
}

/**
 * Completes a sign-in with the provider's redirect: the state must name a live attempt of this provider
 * (single use), the code is redeemed with its PKCE verifier and the ID token checked (signature, issuer,
 * audience, expiry, nonce); then the person signs in to the linked account, is linked to the account of
 * the same verified email, or gets a new candidate account, and a session either way.
 */
export async function completeSocialLogin(
  setup: SocialLoginSetup,
  { em, now, logger }: SocialLoginRequest,
  input: {
    readonly provider: string;
    readonly state: string;
    readonly code: string;
    readonly issuer?: string | null;
  },
): Promise<Outcome<{ tokens: SessionTokens }>> {
  const provider = setup.providers.get(input.provider);
  if (provider === null) return refused(unknownProvider(input.provider, setup.providerNames));
  const attempt = await consumeAttempt(em, provider.name, input.state);
  if (attempt === null) return refused(SOCIAL_LOGIN_ERRORS.INVALID_STATE);
  if (isAttemptExpired(attempt.expiresAt, now)) return refused(SOCIAL_LOGIN_ERRORS.ATTEMPT_EXPIRED);
  let claims: Record<string, unknown>;
  try {
    claims = await provider.redeemCode({
      redirectUri: attempt.redirectUri,
      code: input.code,
      issuer: input.issuer ?? null,
      secrets: openSecrets(input.state, attempt.sealedSecrets),
    });
  } catch (error) {
    if (error instanceof AuthorizationRejectedError) {
      logger.info({ provider: provider.name, reason: error.reason }, 'social login authorization rejected');
      return refused(SOCIAL_LOGIN_ERRORS.AUTHORIZATION_FAILED);
    }
    if (error instanceof ProviderUnavailableError) {
      logger.warn({ provider: provider.name, reason: error.reason }, 'social login provider unavailable');
      return refused(SOCIAL_LOGIN_ERRORS.PROVIDER_UNAVAILABLE);
    }
    throw error;
  }
  const identity = identityFromClaims(claims);
  try {
    return await signIn(em, provider.name, identity, now);
  } catch (error) {
    // Two first sign-ins of one person at once: the unique indexes let one win; the other, retried,
    // then finds the account and identity the winner created.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear();
    return signIn(em, provider.name, identity, now);
  }
}
