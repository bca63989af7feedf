import { slugify } from '../domain/organization.ts';

/** Limits of an organization's public details; the database columns are sized to match. */
export const NAME_LENGTH = { min: 2, max: 160 } as const;
export const DESCRIPTION_MAX_LENGTH = 5_000;
export const CITY_MAX_LENGTH = 120;
const SLUG_MAX_LENGTH = 80;

export type DetailsProblem = { readonly code: string; readonly message: string; readonly field: string };

/** A name as stored (trimmed, inner whitespace collapsed), or the reason it cannot be one. */
export function checkName(raw: string): { name: string } | DetailsProblem {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < NAME_LENGTH.min || name.length > NAME_LENGTH.max) {
    return {
      code: 'INVALID_NAME',
      message: `The name must have ${NAME_LENGTH.min} to ${NAME_LENGTH.max} characters.`,
      field: 'name',
    };
  }
  if (slugify(name) === '') {
    return { code: 'INVALID_NAME', message: 'The name must contain letters or digits.', field: 'name' };
  }
  return { name };
}

/** Optional free text: blank means none. */
export function checkOptionalText(
  raw: string | null,
  options: { readonly field: string; readonly maxLength: number; readonly code: string },
): { value: string | null } | DetailsProblem {
  const value = raw?.trim() ?? '';
  if (value.length > options.maxLength) {
    return {
      code: options.code,
      message: `The ${options.field} must have at most ${options.maxLength} characters.`,
      field: options.field,
    };
  }
  return { value: value === '' ? null : value };
}

export function isProblem(value: object): value is DetailsProblem {
  return 'code' in value;
}

/**
 * The slug for a new organization named `name`: its slugify form when free, otherwise the form with the
 * smallest free numeric suffix (`acme-robotics-2`), cut so that the suffix still fits in 80 characters.
 * `taken` holds the existing slugs that start with the base form.
 */
export function uniqueSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const ending = `-${suffix}`;
    const stem = base.slice(0, SLUG_MAX_LENGTH - ending.length).replace(/-+$/, '');
    const candidate = `${stem}${ending}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A prefix of every slug `uniqueSlug` may derive from `name` (suffixes are short and slugify never
 * doubles hyphens), so that `taken` can be loaded with one `like 'stem%'` query.
 */
export function slugStem(name: string): string {
  return slugify(name)
    .slice(0, SLUG_MAX_LENGTH - 20)
    .replace(/-+$/, '');
}
