import { comments, communities, posts } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import type { CommunityMemberRole } from './domain/community.ts';
import { CommentSchema } from './entities/Comment.ts';
import { CommunitySchema } from './entities/Community.ts';
import { CommunityMemberSchema } from './entities/CommunityMember.ts';
import { PostSchema } from './entities/Post.ts';

export async function seedDemoData(em: EntityManager): Promise<void> {
  for (const { memberIds, moderatorIds, createdById, ...community } of communities) {
    const communityPosts = posts.filter((post) => post.communityId === community.id);
    // The demo data dates posts but not communities: a community (and its membership) dates from its
    // first post, so the demo never shows a post older than the community it was published in.
    const createdAt = earliest(communityPosts.map((post) => new Date(post.createdAt))) ?? new Date();
    em.create(CommunitySchema, { ...community, createdById, createdAt, updatedAt: createdAt });
    const roleOf = (userId: string): CommunityMemberRole => {
      if (userId === createdById) return 'OWNER';
      return moderatorIds.includes(userId) ? 'MODERATOR' : 'MEMBER';
    };
    for (const userId of new Set([createdById, ...memberIds])) {
      em.create(CommunityMemberSchema, {
        community: community.id,
        userId,
        role: roleOf(userId),
        joinedAt: createdAt,
      });
    }
  }
  for (const { communityId, ...post } of posts) {
    const createdAt = new Date(post.createdAt);
    em.create(PostSchema, { ...post, community: communityId, createdAt, updatedAt: createdAt });
  }
  // Parents come before their replies in the demo list, so each depth is known when its replies need it.
  const depths = new Map<string, number>();
  for (const { postId, parentId, ...comment } of comments) {
    const depth = parentId === null ? 1 : depths.get(parentId)! + 1;
    depths.set(comment.id, depth);
    em.create(CommentSchema, {
      ...comment,
      post: postId,
      parent: parentId,
      depth,
      createdAt: new Date(comment.createdAt),
    });
  }
  await em.flush();
}

function earliest(dates: readonly Date[]): Date | undefined {
  return dates.reduce<Date | undefined>((first, date) => (first && first <= date ? first : date), undefined);
}
