import { ApiKeySchema } from './ApiKey.ts';
import { InvitationSchema } from './Invitation.ts';
import { MembershipSchema } from './Membership.ts';
import { NotificationSchema } from './Notification.ts';
import { NotificationPreferenceSchema } from './NotificationPreference.ts';
import { OrganizationSchema } from './Organization.ts';
import { QuotaUsageSchema } from './QuotaUsage.ts';
import { AccountTokenSchema } from './AccountToken.ts';
import { AuditEntrySchema } from './AuditEntry.ts';
import { EmailMessageSchema } from './EmailMessage.ts';
import { RecoveryCodeSchema } from './RecoveryCode.ts';
import { RefreshTokenSchema } from './RefreshToken.ts';
import { SessionSchema } from './Session.ts';
import { SigningKeySchema } from './SigningKey.ts';
import { SocialIdentitySchema } from './SocialIdentity.ts';
import { SocialLoginAttemptSchema } from './SocialLoginAttempt.ts';
import { UserSchema } from './User.ts';

export const entities = [
  UserSchema,
  SigningKeySchema,
  SessionSchema,
  RefreshTokenSchema,
  AccountTokenSchema,
  EmailMessageSchema,
  RecoveryCodeSchema,
  OrganizationSchema,
  MembershipSchema,
  InvitationSchema,
  QuotaUsageSchema,
  ApiKeySchema,
  SocialLoginAttemptSchema,
  SocialIdentitySchema,
  NotificationSchema,
  NotificationPreferenceSchema,
  AuditEntrySchema,
];
