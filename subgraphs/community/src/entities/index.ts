import { CommentSchema } from './Comment.ts';
import { CommunitySchema } from './Community.ts';
import { CommunityMemberSchema } from './CommunityMember.ts';
import { PostSchema } from './Post.ts';

export const entities = [CommunitySchema, CommunityMemberSchema, PostSchema, CommentSchema];
