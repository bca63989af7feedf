export const ORGANIZATION_KINDS = ['COMPANY', 'IT_SERVICES', 'SCHOOL', 'SCHOLARSHIP_PROVIDER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MEMBERSHIP_ROLES = ['OWNER', 'ADMIN', 'RECRUITER'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

const SLUG_MAX_LENGTH = 80;

/**
 * URL-friendly form of an organization name: accents folded ("Numérique" → "numerique"), anything else
 * than letters and digits turned into single hyphens, trimmed to 80 characters on a word boundary.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut;
}

/** Slugs are what `organization(slug:)` looks up: lowercase letters, digits and single inner hyphens. */
export function isValidSlug(slug: string): boolean {
  return slug.length <= SLUG_MAX_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
