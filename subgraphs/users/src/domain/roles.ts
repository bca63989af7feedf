/** Platform-wide roles (RBAC); an account may hold several. */
export const ROLES = ['CANDIDATE', 'RECRUITER', 'MENTOR', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['EN', 'FR'] as const;
export type Locale = (typeof LOCALES)[number];
