import { scalarResolvers } from '@talentgraph/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Account, accountMutations, accountQueries, SessionTokens } from './Account.ts';
import { accountAdministrationMutations } from './AccountAdministration.ts';
import { AuditActor, AuditEntry, auditLogQueries } from './AuditLog.ts';
import { deadLetterMutations, deadLetterQueries } from './DeadLetters.ts';
import { emailFlowMutations } from './EmailFlows.ts';
import { twoFactorMutations } from './TwoFactor.ts';
import { ApiKey, apiKeyMutations } from './ApiKey.ts';
import {
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  organizationMutations,
} from './Organization.ts';
import {
  Notification,
  accountNotificationFields,
  notificationMutations,
  notificationQueries,
} from './Notification.ts';
import { PersonalDataExport, personalDataMutations } from './PersonalData.ts';
import { Query } from './Query.ts';
import { SigningKey, signingKeyMutations } from './SigningKey.ts';
import { socialLoginMutations, socialLoginQueries } from './SocialLogin.ts';
import { Subscription } from './Subscription.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  URL: scalarResolvers.URL,
  EmailAddress: scalarResolvers.EmailAddress,
  CountryCode: scalarResolvers.CountryCode,
  JSONObject: scalarResolvers.JSONObject,
  Query: {
    ...Query,
    ...notificationQueries,
    ...accountQueries,
    ...socialLoginQueries,
    ...auditLogQueries,
    ...deadLetterQueries,
  },
  Mutation: {
    ...signingKeyMutations,
    ...accountMutations,
    ...accountAdministrationMutations,
    ...emailFlowMutations,
    ...twoFactorMutations,
    ...organizationMutations,
    ...apiKeyMutations,
    ...socialLoginMutations,
    ...notificationMutations,
    ...deadLetterMutations,
    ...personalDataMutations,
  },
  Subscription,
  SigningKey,
  Account: { ...Account, ...accountNotificationFields },
  SessionTokens,
  User,
  Organization,
  OrganizationMembership,
  OrganizationInvitation,
  ApiKey,
  Notification,
  AuditEntry,
  AuditActor,
  PersonalDataExport,
};
