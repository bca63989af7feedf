import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Account, accountMutations, accountQueries, SessionTokens } from './Account.ts';
import { accountAdministrationMutations } from './AccountAdministration.ts';
import { emailFlowMutations } from './EmailFlows.ts';
import { twoFactorMutations } from './TwoFactor.ts';
import { ApiKey, apiKeyMutations } from './ApiKey.ts';
import {
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  organizationMutations,
} from './Organization.ts';
import { Query } from './Query.ts';
import { SigningKey, signingKeyMutations } from './SigningKey.ts';
import { socialLoginMutations, socialLoginQueries } from './SocialLogin.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  URL: scalarResolvers.URL,
  EmailAddress: scalarResolvers.EmailAddress,
  CountryCode: scalarResolvers.CountryCode,
  Query: { ...Query, ...accountQueries, ...socialLoginQueries },
  Mutation: {
    ...signingKeyMutations,
    ...accountMutations,
    ...accountAdministrationMutations,
    ...emailFlowMutations,
    ...twoFactorMutations,
    ...organizationMutations,
    ...apiKeyMutations,
    ...socialLoginMutations,
  },
  SigningKey,
  Account,
  SessionTokens,
  User,
  Organization,
  OrganizationMembership,
  OrganizationInvitation,
  ApiKey,
};
