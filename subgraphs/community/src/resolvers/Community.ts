import { raw } from '@mikro-orm/core';
import type { Connection } from '@talentgraph/platform';
import { canReadPosts } from '../domain/visibility.ts';
import { CommunitySchema } from '../entities/Community.ts';
import { CommunityMemberSchema } from '../entities/CommunityMember.ts';
import { PostSchema, type Post } from '../entities/Post.ts';
import type { CommunityResolvers } from '../generated/resolvers-types.ts';

const MEMBER_COUNT_BY_COMMUNITY = Symbol('member count by community');

/** Newest first; `id` breaks ties between posts of the same instant so every post has its own cursor. */
const NEWEST_POSTS_FIRST = { createdAt: 'desc', id: 'desc' } as const;

const NO_POSTS: Connection<Post> = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
};

export const Community: CommunityResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(CommunitySchema).load(reference.id),

  createdBy: (community) => ({ id: community.createdById }),

  memberCount: (community, _args, { em, loaders }) =>
    loaders
      .custom<string, number>(MEMBER_COUNT_BY_COMMUNITY, async (communityIds) => {
        const rows = await em
          .createQueryBuilder(CommunityMemberSchema, 'member')
          .select(['member.community', raw('count(*) as member_count')])
          .where({ community: { $in: [...communityIds] } })
          .groupBy('member.community')
          .execute<{ community: string; member_count: string }[]>();
        const counts = new Map(rows.map((row) => [row.community, Number(row.member_count)]));
        return communityIds.map((communityId) => counts.get(communityId) ?? 0);
      })
      .load(community.id),

  // Hidden posts are not fetched at all, so a private community costs no query and reveals no count.
  posts: (community, { first, after }, { loaders }) =>
    canReadPosts(community.visibility)
      ? loaders
          .pageOfChildren(PostSchema, {
            parentProperty: 'community',
            where: {},
            orderBy: NEWEST_POSTS_FIRST,
            page: { first, after },
          })
          .load(community.id)
      : NO_POSTS,
};
