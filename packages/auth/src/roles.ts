/** Platform-wide roles (RBAC); an account may hold several. PARTNER is held by partner API keys only. */
export const ROLES = ['CANDIDATE', 'RECRUITER', 'MENTOR', 'MODERATOR', 'ADMIN', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a person may choose when signing up; the others are granted, never self-assigned. */
export const SELF_SERVICE_ROLES = ['CANDIDATE', 'RECRUITER', 'MENTOR'] as const satisfies readonly Role[];

/** What a member may do within an organization, from most to least powerful. */
export const MEMBERSHIP_ROLES = ['OWNER', 'ADMIN', 'RECRUITER'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isMembershipRole(value: unknown): value is MembershipRole {
  return typeof value === 'string' && (MEMBERSHIP_ROLES as readonly string[]).includes(value);
}
