/**
 * One broken business rule: a stable `code` a client can act on, an English message, and the path of the
 * offending input field (for example `experiences.2.endDate`), empty when no single field is concerned.
 */
export interface Violation {
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

export function violation(field: string, code: string, message: string): Violation {
  return { field, code, message };
}

/** The violations of a nested value, with their field paths moved under `prefix`. */
export function under(prefix: string, violations: readonly Violation[]): Violation[] {
  return violations.map((found) => ({
    ...found,
    field: found.field === '' ? prefix : `${prefix}.${found.field}`,
  }));
}

/** The outcome of validating an input: the normalized value, or every rule it breaks. */
export type Checked<Value> =
  { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly violations: Violation[] };

export function accepted<Value>(value: Value): Checked<Value> {
  return { ok: true, value };
}

export function refused<Value>(violations: Violation[]): Checked<Value> {
  return { ok: false, violations };
}
