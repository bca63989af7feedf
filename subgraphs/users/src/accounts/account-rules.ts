import { SELF_SERVICE_ROLES, type Role } from '@talentgraph/auth';

/**
 * Rules of accounts that need no storage: what a sign-up or profile update may contain. Each problem
 * names its input field, so the client shows it next to the right box.
 */

export const EMAIL_MAX_LENGTH = 320;
export const DISPLAY_NAME_MAX_LENGTH = 120;

export interface AccountProblem {
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

/** E-mail addresses are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The addresses the schema's EmailAddress scalar accepts (the WHATWG / HTML form rule, ASCII only), with
 * a dotted domain: whatever is stored must be readable back through `Account.email`. The real proof that
 * an address works is the verification e-mail.
 */
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email);
}

export function isSelfServiceRole(role: string): role is (typeof SELF_SERVICE_ROLES)[number] {
  return (SELF_SERVICE_ROLES as readonly string[]).includes(role);
}

export function displayNameProblems(displayName: string): AccountProblem[] {
  const trimmed = displayName.trim();
  if (trimmed.length === 0) {
    return [
      { code: 'INVALID_DISPLAY_NAME', message: 'Enter the name to show to others.', field: 'displayName' },
    ];
  }
  if (trimmed.length > DISPLAY_NAME_MAX_LENGTH) {
    return [
      {
        code: 'INVALID_DISPLAY_NAME',
        message: `The name must have at most ${DISPLAY_NAME_MAX_LENGTH} characters.`,
        field: 'displayName',
      },
    ];
  }
  return [];
}

/** Problems of a sign-up's e-mail and name; the password policy and the role are checked apart. */
export function registrationProblems(input: {
  readonly email: string;
  readonly displayName: string;
}): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!isPlausibleEmail(normalizeEmail(input.email))) {
    problems.push({ code: 'INVALID_EMAIL', message: 'Enter a valid e-mail address.', field: 'email' });
  }
  return [...problems, ...displayNameProblems(input.displayName)];
}

/** Roles are granted, never chosen, except one of CANDIDATE, RECRUITER or MENTOR at sign-up. */
export function signUpRoles(role: Role): readonly Role[] | null {
  return isSelfServiceRole(role) ? [role] : null;
}

export interface AdministrationProblem {
  readonly code: string;
  readonly message: string;
}

/**
 * What an administrator may do to an account. Two guards against locking the platform out: nobody
 * disables their own account or takes the ADMIN role from themselves (another administrator can), and
 * every account keeps at least one role, since tokens and every authorization rule build on roles.
 */
export function disablingProblems(adminId: string, targetId: string): AdministrationProblem[] {
  return adminId === targetId
    ? [{ code: 'CANNOT_DISABLE_SELF', message: 'Administrators cannot disable their own account.' }]
    : [];
}

export function roleRevocationProblems(
  adminId: string,
  target: { readonly id: string; readonly roles: readonly string[] },
  role: Role,
): AdministrationProblem[] {
  if (!target.roles.includes(role)) {
    return [{ code: 'ROLE_NOT_HELD', message: `This account does not have the ${role} role.` }];
  }
  if (role === 'ADMIN' && adminId === target.id) {
    return [
      {
        code: 'CANNOT_REVOKE_OWN_ADMIN',
        message: 'Administrators cannot take the ADMIN role from themselves; ask another administrator.',
      },
    ];
  }
  if (target.roles.length === 1) {
    return [{ code: 'LAST_ROLE', message: 'An account keeps at least one role; grant another one first.' }];
  }
  return [];
}
