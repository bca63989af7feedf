import { raw } from '@mikro-orm/core';
import { isUuid, type Connection, type SubgraphContext } from '@talentgraph/platform';
import { canReadPosts } from '../domain/visibility.ts';
import { CommunitySchema, type Community as CommunityEntity } from '../entities/Community.ts';
import { CommunityMemberSchema, type CommunityMember } from '../entities/CommunityMember.ts';
import { PostSchema, type Post } from '../entities/Post.ts';
import type { CommunityResolvers } from '../generated/resolvers-types.ts';

const MEMBER_COUNT_BY_COMMUNITY = Symbol('member count by community');
const VIEWER_MEMBERSHIP_BY_COMMUNITY = Symbol('viewer membership by community');

/**
 * The viewer's membership of a community, null when they do not belong to it. Only a person can be a
 * member: anonymous callers and partner keys cost no query. The viewer is the same for the whole
 * request, so the memberships of every community of the request are read in one query.
 */
export async function viewerMembershipOf(
  communityId: string,
  context: SubgraphContext,
): Promise<CommunityMember | null> {
  const { viewer } = context;
  if (viewer?.kind !== 'USER' || !isUuid(viewer.userId)) return null;
  return viewerMemberships(context, viewer.userId).load(communityId);
}

function viewerMemberships({ em, loaders }: SubgraphContext, userId: string) {
  return loaders.custom<string, CommunityMember | null>(
    VIEWER_MEMBERSHIP_BY_COMMUNITY,
    async (communityIds) => {
      const memberships = await em.find(CommunityMemberSchema, {
        userId,
        community: { $in: [...communityIds] },
      });
      const byCommunity = new Map(memberships.map((membership) => [membership.community.id, membership]));
      return communityIds.map((id) => byCommunity.get(id) ?? null);
    },
  );
}

function memberCounts({ em, loaders }: SubgraphContext) {
  return loaders.custom<string, number>(MEMBER_COUNT_BY_COMMUNITY, async (communityIds) => {
    const rows = await em
      .createQueryBuilder(CommunityMemberSchema, 'member')
      .select(['member.community', raw('count(*) as member_count')])
      .where({ community: { $in: [...communityIds] } })
      .groupBy('member.community')
      .execute<{ community: string; member_count: string }[]>();
    const counts = new Map(rows.map((row) => [row.community, Number(row.member_count)]));
    return communityIds.map((communityId) => counts.get(communityId) ?? 0);
  });
}

/**
 * After a membership mutation: what the request's loaders remember of memberships (the member counts,
 * the viewer's own memberships) predates it, and the payload must show the community as it is now.
 */
export function forgetMemberships(context: SubgraphContext): void {
  memberCounts(context).clearAll();
  const { viewer } = context;
  if (viewer?.kind === 'USER' && isUuid(viewer.userId)) viewerMemberships(context, viewer.userId).clearAll();
}

/**
 * Whether the request's viewer reads the community's posts. A membership can only grant access, so it is
 * looked up only when the rule says no without it: reading a public community costs no lookup.
 */
export async function mayReadPosts(community: CommunityEntity, context: SubgraphContext): Promise<boolean> {
  if (canReadPosts(community, context.viewer, null)) return true;
  return canReadPosts(community, context.viewer, await viewerMembershipOf(community.id, context));
}

/** Newest first; `id` breaks ties between posts of the same instant so every post has its own cursor. */
const NEWEST_POSTS_FIRST = { createdAt: 'desc', id: 'desc' } as const;

const NO_POSTS: Connection<Post> = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
};

export const Community: CommunityResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(CommunitySchema).load(reference.id),

  createdBy: (community) => (community.createdById == null ? null : { id: community.createdById }),

  memberCount: (community, _args, context) => memberCounts(context).load(community.id),

  // Hidden posts are not fetched at all, so a hidden community's posts cost no query and reveal no count.
  posts: async (community, { first, after }, context) => {
    if (!(await mayReadPosts(community, context))) return NO_POSTS;
    // The posts' own fields (community, comments) look their community up by id: it is already here.
    context.loaders.byId(CommunitySchema).prime(community.id, community);
    return context.loaders
      .pageOfChildren(PostSchema, {
        parentProperty: 'community',
        where: {},
        orderBy: NEWEST_POSTS_FIRST,
        page: { first, after },
      })
      .load(community.id);
  },

  viewerMembership: (community, _args, context) => viewerMembershipOf(community.id, context),
};
