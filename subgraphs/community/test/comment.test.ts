import { describe, expect, it } from 'vitest';
import { comments } from '@talentgraph/demo-data';
import {
  COMMENT_BODY_MAX_LENGTH,
  MAX_COMMENT_DEPTH,
  depthOfNewComment,
  validateNewComment,
  type CommentValidation,
} from '../src/domain/comment.ts';

const codesOf = (validation: CommentValidation) =>
  validation.valid ? [] : validation.problems.map(({ field, code }) => ({ field, code }));

describe('validateNewComment', () => {
  it('accepts every demo comment as it is', () => {
    for (const { body } of comments) expect(validateNewComment({ body })).toEqual({ valid: true, body });
  });

  it('trims, normalizes to NFC and turns Windows line breaks into \\n, keeping inner tabs', () => {
    expect(validateNewComment({ body: '  \r\nCafe\u0301\r\n\tsecond line \n' })).toEqual({
      valid: true,
      body: 'Café\n\tsecond line',
    });
  });

  it('needs something besides white space', () => {
    for (const body of ['', '  \n\t\r\n ']) {
      expect(codesOf(validateNewComment({ body }))).toEqual([{ field: 'body', code: 'REQUIRED' }]);
    }
    expect(validateNewComment({ body: '+1' }).valid).toBe(true);
  });

  it(`accepts ${COMMENT_BODY_MAX_LENGTH} characters as people count them and rejects one more`, () => {
    expect(validateNewComment({ body: '🚀'.repeat(COMMENT_BODY_MAX_LENGTH) }).valid).toBe(true);
    const tooLong = validateNewComment({ body: 'a'.repeat(COMMENT_BODY_MAX_LENGTH + 1) });
    expect(codesOf(tooLong)).toEqual([{ field: 'body', code: 'TOO_LONG' }]);
    expect(tooLong.valid ? '' : tooLong.problems[0]!.message).toBe(
      `A comment may have at most ${COMMENT_BODY_MAX_LENGTH} characters (it has ${COMMENT_BODY_MAX_LENGTH + 1}).`,
    );
  });

  it.each([
    ['a NUL character', 'Nul\u0000here'],
    ['an escape sequence', 'Red \u001b[31mtext'],
    ['a DEL character', 'Delete\u007fme'],
  ])('rejects %s', (_case, body) => {
    expect(codesOf(validateNewComment({ body }))).toEqual([{ field: 'body', code: 'CONTROL_CHARACTER' }]);
  });

  it('reports a body both too long and with control characters at once', () => {
    expect(codesOf(validateNewComment({ body: `\u0000${'a'.repeat(COMMENT_BODY_MAX_LENGTH)}` }))).toEqual([
      { field: 'body', code: 'TOO_LONG' },
      { field: 'body', code: 'CONTROL_CHARACTER' },
    ]);
  });
});

describe('depthOfNewComment', () => {
  it('puts a comment on the post at depth 1 and a reply one level below its parent', () => {
    expect(depthOfNewComment(null)).toBe(1);
    expect(depthOfNewComment({ depth: 1 })).toBe(2);
    expect(depthOfNewComment({ depth: MAX_COMMENT_DEPTH - 1 })).toBe(MAX_COMMENT_DEPTH);
  });

  it(`refuses replies under a comment at depth ${MAX_COMMENT_DEPTH}`, () => {
    expect(MAX_COMMENT_DEPTH).toBe(5);
    expect(depthOfNewComment({ depth: MAX_COMMENT_DEPTH })).toBeNull();
  });
});
