import { requestPasswordReset, resetPassword } from '../accounts/password-reset.ts';
import { requestEmailVerification, verifyEmail } from '../email/email-verification.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { personOf } from './Account.ts';

export const emailFlowMutations: Pick<
  MutationResolvers,
  'requestEmailVerification' | 'verifyEmail' | 'requestPasswordReset' | 'resetPassword'
> = {
  requestEmailVerification: async (_parent, _args, { em, now, viewer }) => {
    const outcome = await requestEmailVerification(em, personOf(viewer), now);
    return { errors: outcome.ok ? [] : outcome.errors };
  },

  verifyEmail: async (_parent, { input }, { em, now }) => {
    const outcome = await verifyEmail(em, input.token, now);
    return outcome.ok ? { account: outcome.account, errors: [] } : { account: null, errors: outcome.errors };
  },

  requestPasswordReset: async (_parent, { input }, { em, now }) => {
    await requestPasswordReset(em, input.email, now);
    return { errors: [] };
  },

  resetPassword: async (_parent, { input }, { em, now }) => {
    const outcome = await resetPassword(em, input, now);
    return outcome.ok
      ? { endedSessionCount: outcome.endedSessionCount, errors: [] }
      : { endedSessionCount: 0, errors: outcome.errors };
  },
};
