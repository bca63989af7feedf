/** Who may read a community's posts: anyone (PUBLIC) or its members only (PRIVATE). */
export const COMMUNITY_VISIBILITIES = ['PUBLIC', 'PRIVATE'] as const;
export type CommunityVisibility = (typeof COMMUNITY_VISIBILITIES)[number];

/** What a member may do within a community; the creator is its OWNER. */
export const COMMUNITY_MEMBER_ROLES = ['MEMBER', 'MODERATOR', 'OWNER'] as const;
export type CommunityMemberRole = (typeof COMMUNITY_MEMBER_ROLES)[number];
