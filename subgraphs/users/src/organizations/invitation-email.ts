import type { EntityManager } from '@talentgraph/platform';
import type { Locale } from '../domain/roles.ts';
import { enqueueEmail } from '../email/outbox.ts';
import { identityOf } from '../identity/services.ts';
import { INVITATION_TTL_DAYS } from './invitation-rules.ts';
import type { InvitableRole } from './permissions.ts';

/** The web app's page that accepts an invitation (PUBLIC_APP_URL + path, the token as `?token=`). */
export const ACCEPT_INVITATION_PAGE = '/invitations/accept';

/**
 * Queues the invitation e-mail in the outbox, in the transaction that creates the invitation: the
 * message exists if and only if the invitation does. The token appears only in this e-mail.
 */
export async function announceInvitation(
  em: EntityManager,
  invitation: {
    readonly to: string;
    readonly locale: Locale;
    readonly organizationName: string;
    readonly inviterId: string;
    readonly inviterName: string;
    readonly role: InvitableRole;
    readonly token: string;
  },
  now: Date,
): Promise<void> {
  const link = new URL(ACCEPT_INVITATION_PAGE, identityOf(em).config.PUBLIC_APP_URL);
  link.searchParams.set('token', invitation.token);
  await enqueueEmail(
    em,
    {
      to: invitation.to,
      locale: invitation.locale,
      template: 'ORGANIZATION_INVITATION',
      actorId: invitation.inviterId,
      variables: {
        inviterName: invitation.inviterName,
        organizationName: invitation.organizationName,
        role: invitation.role,
        link: link.toString(),
        expiresInDays: INVITATION_TTL_DAYS,
      },
    },
    now,
  );
}
