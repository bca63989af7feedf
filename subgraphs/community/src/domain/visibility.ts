import type { CommunityMemberRole, CommunityVisibility } from './community.ts';

/** The viewer's place in the community, known only when the viewer is identified and belongs to it. */
export interface ViewerMembership {
  readonly role: CommunityMemberRole;
}

/**
 * The one rule deciding who reads a community's posts: anyone for a public community, members only for
 * a private one. A private community stays listed (name, description, member count) so people can find
 * it; only its conversation is kept inside.
 */
export function canReadPosts(
  visibility: CommunityVisibility,
  viewerMembership?: ViewerMembership | null,
): boolean {
  if (visibility === 'PUBLIC') return true;
  return viewerMembership != null;
}
