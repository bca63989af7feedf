import { emailVerification } from './email-verification.ts';
import type { EmailTemplate } from './layout.ts';
import { notification } from './notification.ts';
import { organizationInvitation } from './organization-invitation.ts';
import { passwordChanged } from './password-changed.ts';
import { passwordReset } from './password-reset.ts';

/**
 * Every e-mail the platform sends, by name; each in English and French. To add one, write its template
 * in this folder (see password-reset.ts) and register it here: `enqueueEmail` then accepts its name and
 * type-checks its variables.
 */
export const EMAIL_TEMPLATES = {
  EMAIL_VERIFICATION: emailVerification,
  PASSWORD_RESET: passwordReset,
  PASSWORD_CHANGED: passwordChanged,
  ORGANIZATION_INVITATION: organizationInvitation,
  NOTIFICATION: notification,
} as const;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;

export type EmailVariables<Name extends EmailTemplateName> =
  (typeof EMAIL_TEMPLATES)[Name] extends EmailTemplate<infer Variables> ? Variables : never;
