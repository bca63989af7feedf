import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { socialLoginSetup } from '../social-login/runtime.ts';
import { completeSocialLogin, startSocialLogin } from '../social-login/service.ts';

export const socialLoginQueries: Pick<QueryResolvers, 'socialLoginProviders'> = {
  socialLoginProviders: () => [...socialLoginSetup().providerNames],
};

export const socialLoginMutations: Pick<MutationResolvers, 'startSocialLogin' | 'completeSocialLogin'> = {
  startSocialLogin: async (_parent, { input }, context) => {
    const outcome = await startSocialLogin(socialLoginSetup(), context, input);
    return outcome.ok
      ? { authorizationUrl: outcome.authorizationUrl, expiresAt: outcome.expiresAt, errors: [] }
      : { authorizationUrl: null, expiresAt: null, errors: [outcome.error] };
  },

  completeSocialLogin: async (_parent, { input }, context) => {
    const outcome = await completeSocialLogin(socialLoginSetup(), context, input);
    return outcome.ok ? { session: outcome.tokens, errors: [] } : { session: null, errors: [outcome.error] };
  },
};
