import { communities, posts } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import { CommunitySchema } from './entities/Community.ts';
import { CommunityMemberSchema } from './entities/CommunityMember.ts';
import { PostSchema } from './entities/Post.ts';

export async function seedDemoData(em: EntityManager): Promise<void> {
  for (const { memberIds, createdById, ...community } of communities) {
    const communityPosts = posts.filter((post) => post.communityId === community.id);
    // The demo data dates posts but not communities: a community (and its membership) dates from its
    // first post, so the demo never shows a post older than the community it was published in.
    const createdAt = earliest(communityPosts.map((post) => new Date(post.createdAt))) ?? new Date();
    em.create(CommunitySchema, { ...community, createdById, createdAt, updatedAt: createdAt });
    for (const userId of new Set([createdById, ...memberIds])) {
      em.create(CommunityMemberSchema, {
        community: community.id,
        userId,
        role: userId === createdById ? 'OWNER' : 'MEMBER',
        joinedAt: createdAt,
      });
    }
  }
  for (const { communityId, ...post } of posts) {
    const createdAt = new Date(post.createdAt);
    em.create(PostSchema, { ...post, community: communityId, createdAt, updatedAt: createdAt });
  }
  await em.flush();
}

function earliest(dates: readonly Date[]): Date | undefined {
  return dates.reduce<Date | undefined>((first, date) => (first && first <= date ? first : date), undefined);
}
