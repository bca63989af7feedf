import type { MembershipRole, Role } from './roles.ts';

export interface OrganizationMembershipClaim {
  readonly organizationId: string;
  readonly role: MembershipRole;
}

/**
 * Who is calling, as every service sees it once the access token is verified: a signed-in person, or a
 * partner calling with an API key on behalf of one organization.
 */
export type Viewer =
  | {
      readonly kind: 'USER';
      readonly userId: string;
      readonly roles: readonly Role[];
      readonly memberships: readonly OrganizationMembershipClaim[];
      /** The sign-in session (refresh-token family) the token belongs to; logout ends it. */
      readonly sessionId: string;
    }
  | {
      readonly kind: 'PARTNER';
      readonly apiKeyId: string;
      readonly organizationId: string;
      readonly roles: readonly Role[];
    };

export function hasRole(viewer: Viewer | null, ...roles: readonly Role[]): boolean {
  return viewer !== null && viewer.roles.some((role) => roles.includes(role));
}

/** The viewer's role in an organization, or null when not a member (partners act for their own only). */
export function membershipRoleIn(viewer: Viewer | null, organizationId: string): MembershipRole | null {
  if (viewer === null) return null;
  if (viewer.kind === 'PARTNER') return null;
  return viewer.memberships.find((membership) => membership.organizationId === organizationId)?.role ?? null;
}

/** Whether the viewer is the person `userId` (their own private data). */
export function isSelf(viewer: Viewer | null, userId: string): boolean {
  return viewer?.kind === 'USER' && viewer.userId === userId;
}
