import { describe, expect, it } from 'vitest';
import { posts } from '@talentgraph/demo-data';
import {
  POST_BODY_MAX_LENGTH,
  POST_TITLE_MAX_LENGTH,
  validateNewPost,
  validatePostEdit,
  type PostValidation,
} from '../src/domain/post.ts';

const validBody = 'Which exercises did you get?';

function problemsOf(validation: PostValidation) {
  return validation.valid ? [] : validation.problems.map(({ field, code }) => ({ field, code }));
}

describe('validateNewPost', () => {
  it('accepts every demo post as it is', () => {
    for (const { title, body } of posts) {
      expect(validateNewPost({ title, body })).toEqual({ valid: true, post: { title, body } });
    }
  });

  it('trims the title and the body, and turns Windows line breaks into \\n', () => {
    expect(
      validateNewPost({ title: '  Hiring in Lyon \n', body: '\r\nFirst line\r\nSecond\rThird\t \n' }),
    ).toEqual({ valid: true, post: { title: 'Hiring in Lyon', body: 'First line\nSecond\nThird' } });
  });

  it('keeps line breaks and tabs inside the body', () => {
    const body = 'Steps:\n\t1. fork\n\t2. clone';
    expect(validateNewPost({ title: 'How to contribute', body })).toEqual({
      valid: true,
      post: { title: 'How to contribute', body },
    });
  });

  describe('title', () => {
    it('is required: empty or only spaces', () => {
      for (const title of ['', '   \t ']) {
        expect(problemsOf(validateNewPost({ title, body: validBody }))).toEqual([
          { field: 'title', code: 'REQUIRED' },
        ]);
      }
    });

    it('needs 3 characters after trimming', () => {
      expect(problemsOf(validateNewPost({ title: '  Hi  ', body: validBody }))).toEqual([
        { field: 'title', code: 'TOO_SHORT' },
      ]);
      expect(validateNewPost({ title: ' Hi! ', body: validBody }).valid).toBe(true);
    });

    it(`accepts ${POST_TITLE_MAX_LENGTH} characters and rejects one more`, () => {
      expect(validateNewPost({ title: 'a'.repeat(POST_TITLE_MAX_LENGTH), body: validBody }).valid).toBe(true);
      expect(
        problemsOf(validateNewPost({ title: 'a'.repeat(POST_TITLE_MAX_LENGTH + 1), body: validBody })),
      ).toEqual([{ field: 'title', code: 'TOO_LONG' }]);
    });

    it('counts characters as people see them, not UTF-16 units', () => {
      // Each emoji is two UTF-16 units but one character; "e" + combining accent becomes one "é".
      expect(validateNewPost({ title: '🚀'.repeat(POST_TITLE_MAX_LENGTH), body: validBody }).valid).toBe(
        true,
      );
      expect(validateNewPost({ title: 'e\u0301'.repeat(POST_TITLE_MAX_LENGTH), body: validBody })).toEqual({
        valid: true,
        post: { title: 'é'.repeat(POST_TITLE_MAX_LENGTH), body: validBody },
      });
      expect(problemsOf(validateNewPost({ title: '🚀🚀', body: validBody }))).toEqual([
        { field: 'title', code: 'TOO_SHORT' },
      ]);
    });

    it.each([
      ['a line break', 'First line\nsecond line'],
      ['a tab', 'Column\tcolumn'],
      ['a NUL character', 'Nul\u0000here'],
      ['an escape sequence', 'Red \u001b[31mtext'],
      ['a C1 control character', 'Next\u0085line'],
    ])('rejects %s inside the title', (_case, title) => {
      expect(problemsOf(validateNewPost({ title, body: validBody }))).toEqual([
        { field: 'title', code: 'CONTROL_CHARACTER' },
      ]);
    });
  });

  describe('body', () => {
    it('is required: empty or only white space', () => {
      for (const body of ['', ' \n\t\r\n ']) {
        expect(problemsOf(validateNewPost({ title: 'A title', body }))).toEqual([
          { field: 'body', code: 'REQUIRED' },
        ]);
      }
    });

    it('accepts a single character', () => {
      expect(validateNewPost({ title: 'A title', body: '?' }).valid).toBe(true);
    });

    it(`accepts ${POST_BODY_MAX_LENGTH} characters and rejects one more`, () => {
      expect(validateNewPost({ title: 'A title', body: 'a'.repeat(POST_BODY_MAX_LENGTH) }).valid).toBe(true);
      expect(
        problemsOf(validateNewPost({ title: 'A title', body: 'a'.repeat(POST_BODY_MAX_LENGTH + 1) })),
      ).toEqual([{ field: 'body', code: 'TOO_LONG' }]);
    });

    it.each([
      ['a NUL character', 'Nul\u0000here'],
      ['a vertical tab', 'Vertical\u000btab'],
      ['a form feed', 'Form\u000cfeed'],
      ['an escape sequence', 'Red \u001b[31mtext'],
      ['a DEL character', 'Delete\u007fme'],
    ])('rejects %s', (_case, body) => {
      expect(problemsOf(validateNewPost({ title: 'A title', body }))).toEqual([
        { field: 'body', code: 'CONTROL_CHARACTER' },
      ]);
    });
  });

  it('reports every problem of every field at once, each with a message', () => {
    const validation = validateNewPost({
      title: 'A\u0007',
      body: `\u0000${'a'.repeat(POST_BODY_MAX_LENGTH)}`,
    });
    expect(validation.valid).toBe(false);
    expect(problemsOf(validation)).toEqual([
      { field: 'title', code: 'TOO_SHORT' },
      { field: 'title', code: 'CONTROL_CHARACTER' },
      { field: 'body', code: 'TOO_LONG' },
      { field: 'body', code: 'CONTROL_CHARACTER' },
    ]);
    if (!validation.valid) {
      expect(validation.problems[0]!.message).toBe('The title needs at least 3 characters (it has 2).');
      for (const problem of validation.problems) expect(problem.message.length).toBeGreaterThan(0);
    }
  });
});

describe('validatePostEdit', () => {
  const current = { title: 'Reunion dinner in Lyon', body: 'On 12 December.' };

  it('keeps what the edit omits and checks the result as a new post', () => {
    expect(validatePostEdit(current, { title: '  Reunion dinner in Lyon, 8 pm ' })).toEqual({
      valid: true,
      post: { title: 'Reunion dinner in Lyon, 8 pm', body: current.body },
    });
    expect(validatePostEdit(current, { title: null, body: 'On 13 December.\r\n' })).toEqual({
      valid: true,
      post: { title: current.title, body: 'On 13 December.' },
    });
  });

  it('reports the problems of the edited fields', () => {
    expect(problemsOf(validatePostEdit(current, { title: 'Hi', body: ' ' })!)).toEqual([
      { field: 'title', code: 'TOO_SHORT' },
      { field: 'body', code: 'REQUIRED' },
    ]);
  });

  it('is null when the edit names no field', () => {
    expect(validatePostEdit(current, {})).toBeNull();
    expect(validatePostEdit(current, { title: null, body: null })).toBeNull();
  });
});
