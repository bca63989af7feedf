import type { EntityManager } from '@talentgraph/platform';
import type { User } from '../entities/User.ts';
import { identityOf } from '../identity/services.ts';
import { ACCOUNT_TOKEN_LIFETIME_HOURS } from './account-token-rules.ts';
import { issueAccountToken } from './account-tokens.ts';
import { enqueueEmail } from './outbox.ts';

/** Pages of the web app the e-mails link to (PUBLIC_APP_URL + path, the token as `?token=`). */
export const APP_PAGES = {
  verifyEmail: '/verify-email',
  resetPassword: '/reset-password',
  forgotPassword: '/forgot-password',
} as const;

function appLink(em: EntityManager, path: string, token?: string): string {
  const url = new URL(path, identityOf(em).config.PUBLIC_APP_URL);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

/**
 * Queues one of the account e-mails for `user`, in their language, with a fresh single-use link where it
 * needs one. Call inside the transaction of the change it announces.
 */
export async function enqueueAccountEmail(
  em: EntityManager,
  user: User,
  kind: 'EMAIL_VERIFICATION' | 'PASSWORD_RESET' | 'PASSWORD_CHANGED',
  now: Date,
): Promise<void> {
  const recipient = { to: user.email, locale: user.locale };
  switch (kind) {
    case 'EMAIL_VERIFICATION': {
      const token = await issueAccountToken(em, user, 'EMAIL_VERIFICATION', now);
      await enqueueEmail(
        em,
        {
          ...recipient,
          template: 'EMAIL_VERIFICATION',
          variables: {
            displayName: user.displayName,
            link: appLink(em, APP_PAGES.verifyEmail, token),
            expiresInHours: ACCOUNT_TOKEN_LIFETIME_HOURS.EMAIL_VERIFICATION,
          },
        },
        now,
      );
      return;
    }
    case 'PASSWORD_RESET': {
      const token = await issueAccountToken(em, user, 'PASSWORD_RESET', now);
      await enqueueEmail(
        em,
        {
          ...recipient,
          template: 'PASSWORD_RESET',
          variables: {
            displayName: user.displayName,
            link: appLink(em, APP_PAGES.resetPassword, token),
            expiresInMinutes: ACCOUNT_TOKEN_LIFETIME_HOURS.PASSWORD_RESET * 60,
          },
        },
        now,
      );
      return;
    }
    case 'PASSWORD_CHANGED':
      await enqueueEmail(
        em,
        {
          ...recipient,
          template: 'PASSWORD_CHANGED',
          variables: {
            displayName: user.displayName,
            forgotPasswordLink: appLink(em, APP_PAGES.forgotPassword),
          },
        },
        now,
      );
  }
}
