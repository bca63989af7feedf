import { forbidden, unauthenticated, type Viewer } from '@talentgraph/auth';
import { accountOf, changePassword, login, register, updateMe } from '../accounts/accounts.ts';
import { isSelfServiceRole } from '../accounts/account-rules.ts';
import { logOut, logOutEverywhere, refreshSession } from '../sessions/sessions.ts';
import type {
  AccountResolvers,
  MutationResolvers,
  QueryResolvers,
  SessionTokensResolvers,
} from '../generated/resolvers-types.ts';

/** The signed-in person (not a partner key), or the matching GraphQL error. */
export function personOf(viewer: Viewer | null): Extract<Viewer, { kind: 'USER' }> {
  if (viewer === null) throw unauthenticated();
  if (viewer.kind !== 'USER') throw forbidden('A partner key has no account of its own.');
  return viewer;
}

export const accountQueries: Pick<QueryResolvers, 'me'> = {
  me: async (_parent, _args, { em, viewer }) => {
    const account = await accountOf(em, personOf(viewer));
    if (!account) throw unauthenticated('This account no longer exists.');
    return account;
  },
};

export const accountMutations: Pick<
  MutationResolvers,
  'register' | 'login' | 'refreshToken' | 'logout' | 'logoutEverywhere' | 'changePassword' | 'updateMe'
> = {
  register: async (_parent, { input }, { em, now }) => {
    if (!isSelfServiceRole(input.role)) {
      throw forbidden('Only CANDIDATE, RECRUITER or MENTOR can be chosen when signing up.');
    }
    const outcome = await register(
      em,
      {
        email: input.email,
        password: input.password,
        displayName: input.displayName,
        role: input.role,
        locale: input.locale ?? 'EN',
      },
      now,
    );
    return outcome.ok ? { session: outcome.tokens, errors: [] } : { session: null, errors: outcome.errors };
  },

  login: async (_parent, { input }, { em, now }) => {
    const outcome = await login(
      em,
      {
        email: input.email,
        password: input.password,
        secondFactor: { totpCode: input.totpCode, recoveryCode: input.recoveryCode },
      },
      now,
    );
    return outcome.ok ? { session: outcome.tokens, errors: [] } : { session: null, errors: outcome.errors };
  },

  refreshToken: async (_parent, { input }, { em, now, logger }) => {
    const result = await refreshSession(em, input.refreshToken, now);
    if (result.kind === 'REUSE_DETECTED') {
      logger.warn(
        { sessionId: result.sessionId, userId: result.userId },
        'refresh token reused: session revoked',
      );
      throw unauthenticated(
        'This refresh token was already used, so its session was ended for safety. Sign in again.',
      );
    }
    if (result.kind === 'REFUSED')
      throw unauthenticated('This refresh token does not work any more. Sign in again.');
    return { session: result.tokens, errors: [] };
  },

  logout: async (_parent, _args, { em, now, viewer }) => ({
    ended: await logOut(em, personOf(viewer), now),
    errors: [],
  }),

  logoutEverywhere: async (_parent, _args, { em, now, viewer }) => ({
    endedSessionCount: await logOutEverywhere(em, personOf(viewer).userId, now),
    errors: [],
  }),

  changePassword: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await changePassword(em, personOf(viewer), input, now);
    return outcome.ok
      ? { endedSessionCount: outcome.endedSessionCount, errors: [] }
      : { endedSessionCount: 0, errors: outcome.errors };
  },

  updateMe: async (_parent, { input }, { em, viewer }) => {
    const outcome = await updateMe(em, personOf(viewer), input);
    return outcome.ok ? { account: outcome.account, errors: [] } : { account: null, errors: outcome.errors };
  },
};

export const Account: AccountResolvers = {
  emailVerified: (account) => account.emailVerifiedAt != null,
  twoFactorEnabled: (account) => account.totpEnabledAt != null,
  user: (account) => account,
};

export const SessionTokens: SessionTokensResolvers = {
  account: (tokens) => tokens.user,
};
