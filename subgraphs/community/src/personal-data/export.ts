import { exportSection, type EntityManager } from '@talentgraph/platform';
import { CommentSchema } from '../entities/Comment.ts';
import { CommunitySchema } from '../entities/Community.ts';
import { CommunityMemberSchema } from '../entities/CommunityMember.ts';
import { PostSchema } from '../entities/Post.ts';

/**
 * The community section of a person's export: the communities they belong to (with their role) and
 * created, the posts and comments they wrote, with their text.
 */
export async function communitySectionOf(
  em: EntityManager,
  userId: string,
): Promise<Record<string, unknown>> {
  const memberships = await em.find(
    CommunityMemberSchema,
    { userId },
    { populate: ['community'], orderBy: { joinedAt: 'asc', id: 'asc' } },
  );
  const created = await em.find(CommunitySchema, { createdById: userId }, { orderBy: { createdAt: 'asc' } });
  const posts = await em.find(PostSchema, { authorId: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const comments = await em.find(
    CommentSchema,
    { authorId: userId },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return exportSection({
    memberships: memberships.map((membership) => ({
      communityId: membership.community.id,
      communityName: membership.community.name,
      role: membership.role,
      joinedAt: membership.joinedAt,
    })),
    communitiesCreated: created.map((community) => ({
      id: community.id,
      name: community.name,
      createdAt: community.createdAt,
    })),
    posts: posts.map((post) => ({
      id: post.id,
      communityId: post.community.id,
      title: post.title,
      body: post.body,
      createdAt: post.createdAt,
      updatedAt: post.updatedAt,
    })),
    comments: comments.map((comment) => ({
      id: comment.id,
      postId: comment.post.id,
      parentCommentId: comment.parent?.id ?? null,
      body: comment.body,
      createdAt: comment.createdAt,
    })),
  });
}
