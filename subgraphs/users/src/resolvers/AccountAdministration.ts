import { disableAccount, enableAccount, grantRole, revokeRole } from '../accounts/account-administration.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { personOf } from './Account.ts';

export const accountAdministrationMutations: Pick<
  MutationResolvers,
  'disableUser' | 'enableUser' | 'grantRole' | 'revokeRole'
> = {
  disableUser: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await disableAccount(em, personOf(viewer).userId, input.userId, now);
    return outcome.ok
      ? { account: outcome.account, endedSessionCount: outcome.endedSessionCount, errors: [] }
      : { account: null, endedSessionCount: 0, errors: outcome.errors };
  },

  enableUser: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await enableAccount(em, personOf(viewer).userId, input.userId, now);
    return outcome.ok ? { account: outcome.account, errors: [] } : { account: null, errors: outcome.errors };
  },

  grantRole: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await grantRole(em, personOf(viewer).userId, input.userId, input.role, now);
    return outcome.ok ? { account: outcome.account, errors: [] } : { account: null, errors: outcome.errors };
  },

  revokeRole: async (_parent, { input }, { em, now, viewer }) => {
    const outcome = await revokeRole(em, personOf(viewer).userId, input.userId, input.role, now);
    return outcome.ok
      ? { account: outcome.account, endedSessionCount: outcome.endedSessionCount, errors: [] }
      : { account: null, endedSessionCount: 0, errors: outcome.errors };
  },
};
