import {
  characterCount,
  hasControlCharacter,
  normalizeLine,
  normalizeMultiline,
} from '@talentgraph/vocabulary';
import { violation, type Violation } from './violations.ts';

/**
 * Checks of the single values people type into a profile, each returning the normalized value or the
 * violation, so that every form field is held to the same rules whichever mutation carries it.
 */

export type FieldResult<Value> = { readonly value: Value } | { readonly problem: Violation };

export function isProblem<Value>(result: FieldResult<Value>): result is { readonly problem: Violation } {
  return 'problem' in result;
}

/** A one-line text (a title, a name), trimmed and NFC-normalized, of `min` to `max` characters. */
export function lineText(
  field: string,
  raw: string,
  bounds: { min?: number; max: number },
): FieldResult<string> {
  const text = normalizeLine(raw);
  const min = bounds.min ?? 1;
  if (text === '' && min > 0) return { problem: violation(field, 'REQUIRED', 'must not be blank') };
  if (hasControlCharacter(text, 'LINE')) {
    return { problem: violation(field, 'INVALID_CHARACTERS', 'must be one line without control characters') };
  }
  const length = characterCount(text);
  if (length < min) return { problem: violation(field, 'TOO_SHORT', `must have at least ${min} characters`) };
  if (length > bounds.max)
    return { problem: violation(field, 'TOO_LONG', `must have at most ${bounds.max} characters`) };
  return { value: text };
}

/** A text of several lines (a summary, a description), line breaks kept, at most `max` characters. */
export function multilineText(field: string, raw: string, max: number): FieldResult<string> {
  const text = normalizeMultiline(raw);
  if (hasControlCharacter(text, 'MULTILINE')) {
    return { problem: violation(field, 'INVALID_CHARACTERS', 'must not contain control characters') };
  }
  if (characterCount(text) > max)
    return { problem: violation(field, 'TOO_LONG', `must have at most ${max} characters`) };
  return { value: text };
}

/** A whole number from `min` to `max`. */
export function wholeNumber(field: string, value: number, min: number, max: number): FieldResult<number> {
  if (!Number.isInteger(value) || value < min || value > max) {
    return {
      problem: violation(field, 'OUT_OF_RANGE', `must be a whole number from ${min} to ${max}, got ${value}`),
    };
  }
  return { value };
}

/** One of the values of a closed list (a GraphQL enum, checked again for drafts, which are free JSON). */
export function oneOf<Value extends string>(
  field: string,
  value: string,
  values: readonly Value[],
): FieldResult<Value> {
  if (!(values as readonly string[]).includes(value)) {
    return { problem: violation(field, 'INVALID_VALUE', `"${value}" is not one of ${values.join(', ')}`) };
  }
  return { value: value as Value };
}

const HTTP_URL_MAX_LENGTH = 500;

/** An absolute http(s) address of at most 500 characters. */
export function httpUrl(field: string, raw: string): FieldResult<string> {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: violation(field, 'INVALID_URL', 'must be an absolute http or https address') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: violation(field, 'INVALID_URL', 'must be an absolute http or https address') };
  }
  if (text.length > HTTP_URL_MAX_LENGTH) {
    return { problem: violation(field, 'TOO_LONG', `must have at most ${HTTP_URL_MAX_LENGTH} characters`) };
  }
  return { value: url.toString() };
}

/**
 * A list without repeated values, of at most `max` items, each checked by `item`. Every problem is
 * reported, each at its own index.
 */
export function distinctList<Item, Value>(
  field: string,
  items: readonly Item[],
  max: number,
  item: (itemField: string, value: Item) => FieldResult<Value>,
  keyOf: (value: Value) => string = String,
): { values: Value[]; problems: Violation[] } {
  const problems: Violation[] = [];
  if (items.length > max) {
    problems.push(violation(field, 'TOO_MANY', `at most ${max} items, got ${items.length}`));
    return { values: [], problems };
  }
  const values: Value[] = [];
  const seen = new Set<string>();
  items.forEach((raw, index) => {
    const result = item(`${field}.${index}`, raw);
    if (isProblem(result)) {
      problems.push(result.problem);
      return;
    }
    const key = keyOf(result.value);
    if (seen.has(key)) {
      problems.push(violation(`${field}.${index}`, 'DUPLICATE', `${key} is listed twice`));
      return;
    }
    seen.add(key);
    values.push(result.value);
  });
  return { values, problems };
}
