import { confirmTotp, disableTotp, enrollTotp } from '../two-factor/two-factor.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { personOf } from './Account.ts';

export const twoFactorMutations: Pick<MutationResolvers, 'enrollTotp' | 'confirmTotp' | 'disableTotp'> = {
  enrollTotp: async (_parent, _args, { em, viewer }) => {
    const outcome = await enrollTotp(em, personOf(viewer));
    return outcome.ok
      ? { secret: outcome.secret, otpauthUri: outcome.otpauthUri, errors: [] }
      : { secret: null, otpauthUri: null, errors: outcome.errors };
  },

  confirmTotp: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await confirmTotp(em, personOf(viewer), input.code, now);
    return outcome.ok
      ? { recoveryCodes: outcome.recoveryCodes, account: outcome.account, errors: [] }
      : { recoveryCodes: null, account: null, errors: outcome.errors };
  },

  disableTotp: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await disableTotp(em, personOf(viewer), input, now);
    return outcome.ok ? { account: outcome.account, errors: [] } : { account: null, errors: outcome.errors };
  },
};
