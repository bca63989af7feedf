import type { CommunityMemberRole, CommunityVisibility } from './community.ts';
import { moderatesEveryCommunity, type PlatformRoles, type ViewerMembership } from './visibility.ts';

/**
 * Who may do what within a community. Pure rules, decided from facts the caller loads (the actor's
 * platform roles and membership, the target's membership), so that every mutation asks the same
 * questions. Reading is `canReadPosts` (visibility.ts).
 *
 * - Anyone signed in joins a public community; a private one is entered only when added by someone who
 *   manages its members. The platform's MODERATORs and ADMINs may also join a private one themselves.
 * - Members (any role) post and comment; so do the platform's MODERATORs and ADMINs, member or not.
 * - An author edits their post while they may still post in the community; nobody else edits it.
 * - A post is deleted by its author, the community's OWNER and MODERATORs, or the platform's MODERATORs
 *   and ADMINs.
 * - Members are managed by the community's OWNER and MODERATORs and by the platform's MODERATORs and
 *   ADMINs. A community MODERATOR adds and removes MEMBERs only; MODERATORs are added and removed by the
 *   OWNER or the platform's staff. OWNER is never granted: it is the creator's.
 * - Anyone leaves, except the OWNER; nobody removes the OWNER.
 */

/** The caller as one community sees them. */
export interface CommunityActor extends PlatformRoles {
  /** The caller's membership of this community, null when they do not belong to it. */
  readonly membership: ViewerMembership | null;
}

export type Denial =
  /** The caller must belong to the community for this. */
  | 'NOT_A_MEMBER'
  /** A private community is entered only when someone who manages its members adds you. */
  | 'PRIVATE_COMMUNITY'
  /** The caller belongs to the community (or moderates), but their role does not allow this. */
  | 'ROLE_TOO_LOW'
  /** The person already belongs to the community. */
  | 'ALREADY_MEMBER'
  /** The OWNER keeps the community they manage. */
  | 'OWNER_CANNOT_LEAVE'
  | 'OWNER_CANNOT_BE_REMOVED'
  /** OWNER is the creator's role, never granted. */
  | 'ROLE_NOT_GRANTABLE'
  /** Only the author does this to a post. */
  | 'NOT_THE_AUTHOR';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: Denial };

const ALLOWED: Decision = { allowed: true };
const deny = (reason: Denial): Decision => ({ allowed: false, reason });

function moderatesThisCommunity(actor: CommunityActor): boolean {
  const role = actor.membership?.role;
  return role === 'OWNER' || role === 'MODERATOR' || moderatesEveryCommunity(actor);
}

export function decideJoin(
  community: { readonly visibility: CommunityVisibility },
  actor: CommunityActor,
): Decision {
  if (actor.membership !== null) return deny('ALREADY_MEMBER');
  if (community.visibility === 'PUBLIC' || moderatesEveryCommunity(actor)) return ALLOWED;
  return deny('PRIVATE_COMMUNITY');
}

export function decideLeave(actor: CommunityActor): Decision {
  if (actor.membership === null) return deny('NOT_A_MEMBER');
  return actor.membership.role === 'OWNER' ? deny('OWNER_CANNOT_LEAVE') : ALLOWED;
}

/**
 * Whether the actor manages the community's members at all. Checked before anything is said about the
 * target, so that someone without the right cannot learn who belongs to a private community.
 */
export function managesMembers(actor: CommunityActor): boolean {
  return moderatesThisCommunity(actor);
}

/** Whether the actor may hand `role` to someone, or take it away from them. */
function managesRole(actor: CommunityActor, role: CommunityMemberRole): boolean {
  if (role === 'MEMBER') return managesMembers(actor);
  if (role === 'MODERATOR') return actor.membership?.role === 'OWNER' || moderatesEveryCommunity(actor);
  return false;
}

export function decideAddMember(
  actor: CommunityActor,
  addition: { readonly role: CommunityMemberRole; readonly target: ViewerMembership | null },
): Decision {
  if (!managesMembers(actor)) return deny('ROLE_TOO_LOW');
  if (addition.role === 'OWNER') return deny('ROLE_NOT_GRANTABLE');
  if (!managesRole(actor, addition.role)) return deny('ROLE_TOO_LOW');
  return addition.target === null ? ALLOWED : deny('ALREADY_MEMBER');
}

/** Removing a member; removing oneself is leaving, which every member but the OWNER may do. */
export function decideRemoveMember(
  actor: CommunityActor,
  removal: { readonly self: boolean; readonly target: ViewerMembership },
): Decision {
  if (removal.target.role === 'OWNER') return deny('OWNER_CANNOT_BE_REMOVED');
  if (removal.self) return ALLOWED;
  if (!managesMembers(actor)) return deny('ROLE_TOO_LOW');
  return managesRole(actor, removal.target.role) ? ALLOWED : deny('ROLE_TOO_LOW');
}

/** Publishing a post or a comment. */
export function decideContribution(actor: CommunityActor): Decision {
  return actor.membership !== null || moderatesEveryCommunity(actor) ? ALLOWED : deny('NOT_A_MEMBER');
}

export function decidePostEdit(actor: CommunityActor, post: { readonly isAuthor: boolean }): Decision {
  if (!post.isAuthor) return deny('NOT_THE_AUTHOR');
  return decideContribution(actor);
}

export function decidePostDeletion(actor: CommunityActor, post: { readonly isAuthor: boolean }): Decision {
  return post.isAuthor || moderatesThisCommunity(actor) ? ALLOWED : deny('NOT_THE_AUTHOR');
}
