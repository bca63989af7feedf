/** An expected business failure, returned in a mutation payload's `errors` (DESIGN.md §4). */
export interface UserError {
  readonly code: string;
  readonly message: string;
  /** Path of the input field concerned, e.g. `['input', 'title']`. */
  readonly field: string[] | null;
}

/** A failure about `inputField` of the mutation's `input` argument, or about no field in particular. */
export function userError(code: string, message: string, inputField?: string): UserError {
  return { code, message, field: inputField === undefined ? null : ['input', inputField] };
}
