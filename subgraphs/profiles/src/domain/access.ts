import { hasRole, membershipRoleIn, isSelf, type Viewer } from '@talentgraph/auth';
import type { ProfileKind } from './profile.ts';

/** What the editing rules need to know about a profile. */
export interface ProfileOwnership {
  readonly userId: string;
  readonly kind: ProfileKind;
  /** A consultant's IT-services firm; null (or absent) for the other kinds. */
  readonly organizationId?: string | null;
}

/**
 * Whether the organization's owners and admins manage this profile: a consultant's firm staffs them on
 * missions, so it keeps their rate, availability and profile up to date with them.
 */
export function managesConsultant(viewer: Viewer | null, profile: ProfileOwnership): boolean {
  if (profile.kind !== 'CONSULTANT' || profile.organizationId == null) return false;
  const role = membershipRoleIn(viewer, profile.organizationId);
  return role === 'OWNER' || role === 'ADMIN';
}

/**
 * Who edits a profile: the person it belongs to, and for a consultant the owners and admins of their firm.
 * Nobody else — not moderators, who review without rewriting, and not partner keys.
 */
export function canEditProfile(viewer: Viewer | null, profile: ProfileOwnership): boolean {
  return isSelf(viewer, profile.userId) || managesConsultant(viewer, profile);
}

/** Moderators and admins review profiles; nobody reviews their own. */
export function canReviewProfile(viewer: Viewer | null, profile: Pick<ProfileOwnership, 'userId'>): boolean {
  return hasRole(viewer, 'MODERATOR', 'ADMIN') && !isSelf(viewer, profile.userId);
}

export type CreationRefusal = { readonly code: string; readonly message: string; readonly field: string };

/**
 * Whether the signed-in person may create this profile. For themselves: a candidate profile is open to
 * everyone; a mentor profile needs the MENTOR role (granted at sign-up or by an admin); a consultant
 * profile names the IT-services firm the person belongs to (a membership in their token). For someone
 * else (`userId`): only a consultant profile, by an owner or admin of the firm it names — firms onboard
 * their consultants; the consultant, being the profile's owner, edits it and may delete it.
 */
export function creationRefusal(
  viewer: Extract<Viewer, { kind: 'USER' }>,
  request: { readonly kind: ProfileKind; readonly organizationId: string | null; readonly userId: string },
): CreationRefusal | null {
  const forSelf = request.userId === viewer.userId;
  if (request.kind === 'CONSULTANT') {
    if (request.organizationId === null) {
      return {
        code: 'ORGANIZATION_REQUIRED',
        message: 'a consultant profile names the IT-services firm the consultant belongs to',
        field: 'organizationId',
      };
    }
    const role = membershipRoleIn(viewer, request.organizationId);
    if (forSelf ? role === null : role !== 'OWNER' && role !== 'ADMIN') {
      return {
        code: 'NOT_A_MEMBER',
        message: forSelf
          ? 'a consultant profile is created by a member of the firm it names'
          : "a consultant's profile is created for them by an owner or admin of the firm it names",
        field: 'organizationId',
      };
    }
    return null;
  }
  if (!forSelf) {
    return {
      code: 'NOT_YOUR_PROFILE',
      message: 'only consultant profiles are created for someone else, by their firm',
      field: 'userId',
    };
  }
  if (request.organizationId !== null) {
    return {
      code: 'ORGANIZATION_NOT_ALLOWED',
      message: 'only consultant profiles belong to an organization',
      field: 'organizationId',
    };
  }
  if (request.kind === 'MENTOR' && !hasRole(viewer, 'MENTOR')) {
    return { code: 'MENTOR_ROLE_REQUIRED', message: 'a mentor profile needs the MENTOR role', field: 'kind' };
  }
  return null;
}
