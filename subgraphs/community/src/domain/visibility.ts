import type { Role } from '@talentgraph/auth';
import type { CommunityMemberRole, CommunityVisibility } from './community.ts';

/** The viewer's place in the community, known only when the viewer is a person who belongs to it. */
export interface ViewerMembership {
  readonly role: CommunityMemberRole;
}

/** What the rules need to know of a caller beyond their membership: their platform roles. */
export interface PlatformRoles {
  readonly roles: readonly Role[];
}

/** The platform's MODERATORs and ADMINs moderate every community, member or not. */
export function moderatesEveryCommunity(viewer: PlatformRoles | null): boolean {
  return viewer !== null && viewer.roles.some((role) => role === 'MODERATOR' || role === 'ADMIN');
}

/**
 * The one rule deciding who reads a community's posts and their comments, on every path that returns
 * one (`Community.posts`, `post(id)`, `Post.comments`, `_entities`, the subscription readers route):
 * anyone for a public community; for a private one, its members and the platform's moderators and
 * admins, who moderate every community. A private community stays listed (name, description, member
 * count) so people can find it; only its conversation is kept inside.
 */
export function canReadPosts(
  community: { readonly visibility: CommunityVisibility },
  viewer: PlatformRoles | null,
  viewerMembership: ViewerMembership | null,
): boolean {
  if (community.visibility === 'PUBLIC') return true;
  return viewerMembership !== null || moderatesEveryCommunity(viewer);
}

/** A person who may be told about a new post or comment, with the platform roles of their session. */
export interface Subscriber extends PlatformRoles {
  readonly userId: string;
}

/**
 * `canReadPosts` for many people at once: the subscribers (in their order, each once) who read the
 * community's posts, given which of them are members right now.
 */
export function readersAmong(
  community: { readonly visibility: CommunityVisibility },
  subscribers: readonly Subscriber[],
  memberIds: ReadonlySet<string>,
): string[] {
  const readers = new Set<string>();
  for (const subscriber of subscribers) {
    const membership = memberIds.has(subscriber.userId) ? { role: 'MEMBER' as const } : null;
    if (canReadPosts(community, subscriber, membership)) readers.add(subscriber.userId);
  }
  return [...readers];
}
