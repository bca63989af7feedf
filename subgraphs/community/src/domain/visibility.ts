import { hasRole, type Viewer } from '@talentgraph/auth';
import type { CommunityMemberRole, CommunityVisibility } from './community.ts';

/** The viewer's place in the community, known only when the viewer is a person who belongs to it. */
export interface ViewerMembership {
  readonly role: CommunityMemberRole;
}

/**
 * The one rule deciding who reads a community's posts, on every path that returns a post
 * (`Community.posts`, `post(id)`, `_entities`): anyone for a public community; for a private one, its
 * members and the platform's moderators and admins, who moderate every community. A private community
 * stays listed (name, description, member count) so people can find it; only its conversation is kept
 * inside.
 */
export function canReadPosts(
  community: { readonly visibility: CommunityVisibility },
  viewer: Viewer | null,
  viewerMembership: ViewerMembership | null,
): boolean {
  if (community.visibility === 'PUBLIC') return true;
  return viewerMembership !== null || hasRole(viewer, 'MODERATOR', 'ADMIN');
}
