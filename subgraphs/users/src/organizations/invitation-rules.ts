/**
 * Invitations last a week. Their tokens are opaque tokens (encryption/opaque-tokens.ts): sent by email,
 * stored only as their SHA-256, so a leaked table cannot be used to join an organization.
 */
export const INVITATION_TTL_DAYS = 7;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}

export type InvitationState = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

export function invitationState(
  invitation: {
    readonly acceptedAt?: Date | null;
    readonly revokedAt?: Date | null;
    readonly expiresAt: Date;
  },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'PENDING';
}
