import type { MembershipRole } from '../domain/organization.ts';

/**
 * Rules of deleting one's own account that need no storage: how the person proves it is them, and
 * what happens to the organizations they belong to.
 */

/**
 * How long after signing in a person without a password may delete their account. Such an account
 * signs in only through an OpenID provider, which is then the proof: the session that asks must have
 * been opened by the provider a few minutes ago, not merely refreshed for weeks on a device.
 */
export const RECENT_SIGN_IN_MINUTES = 10;

/** What proves that the person asking is the account holder, beyond the access token. */
export type Reauthentication =
  /** The current password; plus a code when two-factor is on. */
  | { readonly kind: 'PASSWORD'; readonly secondFactor: boolean }
  /** A sign-in through the OpenID provider within RECENT_SIGN_IN_MINUTES; plus a code when two-factor is on. */
  | { readonly kind: 'RECENT_SIGN_IN'; readonly secondFactor: boolean };

export function reauthenticationOf(account: {
  readonly hasPassword: boolean;
  readonly twoFactorEnabled: boolean;
}): Reauthentication {
  return {
    kind: account.hasPassword ? 'PASSWORD' : 'RECENT_SIGN_IN',
    secondFactor: account.twoFactorEnabled,
  };
}

/** Whether a session opened at `signedInAt` is recent enough to stand for a fresh sign-in at `now`. */
export function isRecentSignIn(signedInAt: Date, now: Date): boolean {
  const age = now.getTime() - signedInAt.getTime();
  return age >= 0 && age <= RECENT_SIGN_IN_MINUTES * 60_000;
}

/** One organization the person belongs to, as the deletion sees it. */
export interface OrganizationStanding {
  readonly organizationId: string;
  readonly organizationName: string;
  /** The person's role in it. */
  readonly role: MembershipRole;
  /** Its OWNERs, the person included when they are one. */
  readonly ownerCount: number;
  /** Its members, the person included. */
  readonly memberCount: number;
}

export interface OrganizationFates {
  /** Organizations the person simply leaves: others, among them an OWNER, carry on. */
  readonly left: readonly string[];
  /** Organizations whose only member is the person: deleted with the account, with what belongs to them. */
  readonly deleted: readonly string[];
  /**
   * Organizations the person is the only OWNER of while others belong to them: the deletion is refused
   * until the person makes someone else OWNER (or removes the others), since an organization always
   * keeps an OWNER and nobody else could manage it.
   */
  readonly blocking: readonly Pick<OrganizationStanding, 'organizationId' | 'organizationName'>[];
}

export function organizationFates(standings: readonly OrganizationStanding[]): OrganizationFates {
  const left: string[] = [];
  const deleted: string[] = [];
  const blocking: Pick<OrganizationStanding, 'organizationId' | 'organizationName'>[] = [];
  for (const standing of standings) {
    if (standing.memberCount <= 1) deleted.push(standing.organizationId);
    else if (standing.role === 'OWNER' && standing.ownerCount <= 1) {
      blocking.push({ organizationId: standing.organizationId, organizationName: standing.organizationName });
    } else left.push(standing.organizationId);
  }
  return { left, deleted, blocking };
}
