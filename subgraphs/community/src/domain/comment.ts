import { characterCount, hasControlCharacter, normalizeMultiline } from '@talentgraph/vocabulary';

export const COMMENT_BODY_MAX_LENGTH = 10_000;

/**
 * Deepest level of a thread. A comment on the post is at depth 1 and a reply one level below its parent,
 * so a comment at depth 5 takes no replies: deeper threads no longer fit a phone screen and usually
 * mean two people arguing, better continued one level up.
 */
export const MAX_COMMENT_DEPTH = 5;

export type CommentProblemCode = 'REQUIRED' | 'TOO_LONG' | 'CONTROL_CHARACTER';

/** One reason a comment cannot be published; comments have one field the author writes, the body. */
export interface CommentProblem {
  readonly field: 'body';
  readonly code: CommentProblemCode;
  readonly message: string;
}

export type CommentValidation =
  | { readonly valid: true; readonly body: string }
  | { readonly valid: false; readonly problems: readonly CommentProblem[] };

/** The body as it will be stored (trimmed, NFC, LF line breaks), or every problem found. */
export function validateNewComment(input: { readonly body: string }): CommentValidation {
  const body = normalizeMultiline(input.body);
  if (body === '') {
    return { valid: false, problems: [{ field: 'body', code: 'REQUIRED', message: 'Write something.' }] };
  }
  const problems: CommentProblem[] = [];
  const length = characterCount(body);
  if (length > COMMENT_BODY_MAX_LENGTH) {
    problems.push({
      field: 'body',
      code: 'TOO_LONG',
      message: `A comment may have at most ${COMMENT_BODY_MAX_LENGTH} characters (it has ${length}).`,
    });
  }
  if (hasControlCharacter(body, 'MULTILINE')) {
    problems.push({
      field: 'body',
      code: 'CONTROL_CHARACTER',
      message: 'A comment may contain line breaks and tabs but no other control characters.',
    });
  }
  return problems.length === 0 ? { valid: true, body } : { valid: false, problems };
}

/**
 * Depth of a new comment: 1 on the post itself, one below its parent for a reply; null when the parent
 * already sits at the deepest level.
 */
export function depthOfNewComment(parent: { readonly depth: number } | null): number | null {
  if (parent === null) return 1;
  return parent.depth < MAX_COMMENT_DEPTH ? parent.depth + 1 : null;
}
