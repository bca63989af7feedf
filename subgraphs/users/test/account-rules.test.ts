import { describe, expect, it } from 'vitest';
import type { Role } from '@talentgraph/auth';
import {
  disablingProblems,
  displayNameProblems,
  isPlausibleEmail,
  isSelfServiceRole,
  normalizeEmail,
  registrationProblems,
  roleRevocationProblems,
  signUpRoles,
} from '../src/accounts/account-rules.ts';

describe('account rules', () => {
  it('compares e-mail addresses trimmed and lower-cased', () => {
    expect(normalizeEmail('  Claire.Dubois@Example.COM ')).toBe('claire.dubois@example.com');
  });

  it('accepts plausible addresses only', () => {
    expect(isPlausibleEmail('claire.dubois@example.com')).toBe(true);
    expect(isPlausibleEmail('claire+jobs@mail.example.fr')).toBe(true);
    for (const bad of [
      'claire',
      'claire@',
      '@example.com',
      'claire@example',
      'cl aire@example.com',
      'a@b..com',
    ]) {
      expect(isPlausibleEmail(bad)).toBe(false);
    }
    expect(isPlausibleEmail(`${'a'.repeat(310)}@example.com`)).toBe(false);
  });

  it('lets people choose CANDIDATE, RECRUITER or MENTOR only', () => {
    expect(signUpRoles('CANDIDATE')).toEqual(['CANDIDATE']);
    expect(signUpRoles('RECRUITER')).toEqual(['RECRUITER']);
    expect(signUpRoles('MENTOR')).toEqual(['MENTOR']);
    for (const role of ['ADMIN', 'MODERATOR', 'PARTNER'] as const) expect(signUpRoles(role)).toBeNull();
    expect(isSelfServiceRole('admin')).toBe(false);
  });

  it('names the field of each problem', () => {
    expect(registrationProblems({ email: 'nope', displayName: '' })).toEqual([
      { code: 'INVALID_EMAIL', message: 'Enter a valid e-mail address.', field: 'email' },
      { code: 'INVALID_DISPLAY_NAME', message: 'Enter the name to show to others.', field: 'displayName' },
    ]);
    expect(registrationProblems({ email: ' Ok@Example.com ', displayName: 'Ok' })).toEqual([]);
    expect(displayNameProblems('x'.repeat(121))[0]!.code).toBe('INVALID_DISPLAY_NAME');
    expect(displayNameProblems(`  ${'x'.repeat(120)}  `)).toEqual([]);
  });
});

describe('what administrators may do to accounts', () => {
  it('refuses disabling oneself only', () => {
    expect(disablingProblems('admin', 'admin').map((problem) => problem.code)).toEqual([
      'CANNOT_DISABLE_SELF',
    ]);
    expect(disablingProblems('admin', 'someone')).toEqual([]);
  });

  it('refuses revoking a role not held, the last role, and one’s own ADMIN role', () => {
    const codes = (adminId: string, target: { id: string; roles: string[] }, role: Role) =>
      roleRevocationProblems(adminId, target, role).map((problem) => problem.code);
    expect(codes('admin', { id: 'x', roles: ['CANDIDATE'] }, 'MENTOR')).toEqual(['ROLE_NOT_HELD']);
    expect(codes('admin', { id: 'x', roles: ['CANDIDATE'] }, 'CANDIDATE')).toEqual(['LAST_ROLE']);
    expect(codes('admin', { id: 'admin', roles: ['ADMIN', 'MODERATOR'] }, 'ADMIN')).toEqual([
      'CANNOT_REVOKE_OWN_ADMIN',
    ]);
    expect(codes('admin', { id: 'other', roles: ['ADMIN', 'MODERATOR'] }, 'ADMIN')).toEqual([]);
    expect(codes('admin', { id: 'admin', roles: ['ADMIN', 'MODERATOR'] }, 'MODERATOR')).toEqual([]);
  });
});
