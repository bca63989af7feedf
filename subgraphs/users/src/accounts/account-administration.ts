import { LockMode } from '@mikro-orm/core';
import type { Role } from '@talentgraph/auth';
import { requireId, type EntityManager } from '@talentgraph/platform';
import { UserSchema, type User } from '../entities/User.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { endSessionsOf } from '../sessions/sessions.ts';
import { disablingProblems, roleRevocationProblems, type AdministrationProblem } from './account-rules.ts';
import type { Outcome } from './accounts.ts';

/**
 * What administrators do to other people's accounts. Anything that takes power away (disabling, revoking
 * a role) also ends the account's sessions, so it takes effect on the next request rather than when the
 * current access tokens expire; a granted role arrives with the next token refresh.
 */

const USER_NOT_FOUND = userError('USER_NOT_FOUND', 'No account has this id.', 'userId');

function refusedBy(problems: AdministrationProblem[]): { ok: false; errors: UserError[] } {
  return { ok: false, errors: problems.map((problem) => userError(problem.code, problem.message)) };
}

/** Locked until the transaction ends, so two administrators changing one account take turns. */
async function targetAccount(tx: EntityManager, userId: string): Promise<User | null> {
  return tx.findOne(
    UserSchema,
    { id: requireId(userId, 'userId') },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}

export async function disableAccount(
  em: EntityManager,
  adminId: string,
  userId: string,
  now: Date,
): Promise<Outcome<{ account: User; endedSessionCount: number }>> {
  const problems = disablingProblems(adminId, userId);
  if (problems.length > 0) return refusedBy(problems);
  return em.transactional(async (tx) => {
    const account = await targetAccount(tx, userId);
    if (!account) return { ok: false as const, errors: [USER_NOT_FOUND] };
    account.disabledAt ??= now;
    await tx.flush();
    const endedSessionCount = await endSessionsOf(tx, account.id, 'ACCOUNT_DISABLED', now);
    return { ok: true as const, account, endedSessionCount };
  });
}

export async function enableAccount(em: EntityManager, userId: string): Promise<Outcome<{ account: User }>> {
  return em.transactional(async (tx) => {
    const account = await targetAccount(tx, userId);
    if (!account) return { ok: false as const, errors: [USER_NOT_FOUND] };
    account.disabledAt = null;
    await tx.flush();
    return { ok: true as const, account };
  });
}

export async function grantRole(
  em: EntityManager,
  userId: string,
  role: Role,
): Promise<Outcome<{ account: User }>> {
  return em.transactional(async (tx) => {
    const account = await targetAccount(tx, userId);
    if (!account) return { ok: false as const, errors: [USER_NOT_FOUND] };
    if (!account.roles.includes(role)) account.roles = [...account.roles, role];
    await tx.flush();
    return { ok: true as const, account };
  });
}

export async function revokeRole(
  em: EntityManager,
  adminId: string,
  userId: string,
  role: Role,
  now: Date,
): Promise<Outcome<{ account: User; endedSessionCount: number }>> {
  return em.transactional(async (tx) => {
    const account = await targetAccount(tx, userId);
    if (!account) return { ok: false as const, errors: [USER_NOT_FOUND] };
    const problems = roleRevocationProblems(adminId, account, role);
    if (problems.length > 0) return refusedBy(problems);
    account.roles = account.roles.filter((held) => held !== role);
    await tx.flush();
    const endedSessionCount = await endSessionsOf(tx, account.id, 'ROLE_REVOKED', now);
    return { ok: true as const, account, endedSessionCount };
  });
}
