import {
  characterCount,
  hasControlCharacter,
  normalizeLine,
  normalizeMultiline,
} from '@talentgraph/vocabulary';

export const POST_TITLE_MIN_LENGTH = 3;
export const POST_TITLE_MAX_LENGTH = 200;
export const POST_BODY_MAX_LENGTH = 20_000;

export const POST_PROBLEM_CODES = ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'CONTROL_CHARACTER'] as const;
export type PostProblemCode = (typeof POST_PROBLEM_CODES)[number];

export type PostField = 'title' | 'body';

/** One reason a post cannot be published, tied to the field the author has to correct. */
export interface PostProblem {
  readonly field: PostField;
  readonly code: PostProblemCode;
  readonly message: string;
}

export interface NewPost {
  readonly title: string;
  readonly body: string;
}

/** Either the post as it will be stored (normalized), or every problem found, so the author fixes them in one go. */
export type PostValidation =
  | { readonly valid: true; readonly post: NewPost }
  | { readonly valid: false; readonly problems: readonly PostProblem[] };

export function validateNewPost(input: NewPost): PostValidation {
  const title = normalizeLine(input.title);
  const body = normalizeMultiline(input.body);
  const problems = [...titleProblems(title), ...bodyProblems(body)];
  return problems.length === 0 ? { valid: true, post: { title, body } } : { valid: false, problems };
}

/** An edit of a post: an omitted (or null) field keeps its current value. */
export interface PostChanges {
  readonly title?: string | null;
  readonly body?: string | null;
}

/**
 * The post as it will be stored after the edit, or every problem of the result; null when the edit names
 * no field at all. The merged post is checked as a whole, by the same rules as a new one.
 */
export function validatePostEdit(current: NewPost, changes: PostChanges): PostValidation | null {
  if (changes.title == null && changes.body == null) return null;
  return validateNewPost({ title: changes.title ?? current.title, body: changes.body ?? current.body });
}

function titleProblems(title: string): PostProblem[] {
  if (title === '') return [{ field: 'title', code: 'REQUIRED', message: 'Give the post a title.' }];
  const problems: PostProblem[] = [];
  const length = characterCount(title);
  if (length < POST_TITLE_MIN_LENGTH) {
    problems.push({
      field: 'title',
      code: 'TOO_SHORT',
      message: `The title needs at least ${POST_TITLE_MIN_LENGTH} characters (it has ${length}).`,
    });
  }
  if (length > POST_TITLE_MAX_LENGTH) {
    problems.push({
      field: 'title',
      code: 'TOO_LONG',
      message: `The title may have at most ${POST_TITLE_MAX_LENGTH} characters (it has ${length}).`,
    });
  }
  if (hasControlCharacter(title, 'LINE')) {
    problems.push({
      field: 'title',
      code: 'CONTROL_CHARACTER',
      message: 'The title must fit on one line and contain no control characters.',
    });
  }
  return problems;
}

function bodyProblems(body: string): PostProblem[] {
  if (body === '') return [{ field: 'body', code: 'REQUIRED', message: 'Write something in the post.' }];
  const problems: PostProblem[] = [];
  const length = characterCount(body);
  if (length > POST_BODY_MAX_LENGTH) {
    problems.push({
      field: 'body',
      code: 'TOO_LONG',
      message: `The post may have at most ${POST_BODY_MAX_LENGTH} characters (it has ${length}).`,
    });
  }
  if (hasControlCharacter(body, 'MULTILINE')) {
    problems.push({
      field: 'body',
      code: 'CONTROL_CHARACTER',
      message: 'The post may contain line breaks and tabs but no other control characters.',
    });
  }
  return problems;
}
