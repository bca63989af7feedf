import { LockMode } from '@mikro-orm/core';
import type { Role } from '@talentgraph/auth';
import { requireId, type EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor, type UsersAuditAction } from '../audit/audit-rules.ts';
import type { JsonObject } from '../domain/json.ts';
import { UserSchema, type User } from '../entities/User.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { endSessionsOf } from '../sessions/sessions.ts';
import { disablingProblems, roleRevocationProblems, type AdministrationProblem } from './account-rules.ts';
import type { Outcome } from './accounts.ts';

/**
 * What administrators do to other people's accounts. Anything that takes power away (disabling, revoking
 * a role) also ends the account's sessions, so it takes effect on the next request rather than when the
 * current access tokens expire; a granted role arrives with the next token refresh. Every change is
 * audited with the administrator as actor; a request that changes nothing (disabling an account already
 * disabled, granting a role already held) records nothing.
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

function audited(
  tx: EntityManager,
  adminId: string,
  action: UsersAuditAction,
  account: User,
  now: Date,
  details: JsonObject = {},
): Promise<void> {
  return recordAudit(tx, {
    occurredAt: now,
    actor: userActor(adminId),
    action,
    target: { type: 'User', id: account.id },
    details,
  });
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
    const wasEnabled = account.disabledAt == null;
    account.disabledAt ??= now;
    await tx.flush();
    const endedSessionCount = await endSessionsOf(tx, account.id, 'ACCOUNT_DISABLED', now);
    if (wasEnabled) await audited(tx, adminId, 'user.disabled', account, now, { endedSessionCount });
    return { ok: true as const, account, endedSessionCount };
  });
}

export async function enableAccount(
  em: EntityManager,
  adminId: string,
  userId: string,
  now: Date,
): Promise<Outcome<{ account: User }>> {
  return em.transactional(async (tx) => {
    const account = await targetAccount(tx, userId);
    if (!account) return { ok: false as const, errors: [USER_NOT_FOUND] };
    const wasDisabled = account.disabledAt != null;
    account.disabledAt = null;
    await tx.flush();
    if (wasDisabled) await audited(tx, adminId, 'user.enabled', account, now);
    return { ok: true as const, account };
  });
}

export async function grantRole(
  em: EntityManager,
  adminId: string,
  userId: string,
  role: Role,
  now: Date,
): Promise<Outcome<{ account: User }>> {
  return em.transactional(async (tx) => {
    const account = await targetAccount(tx, userId);
    if (!account) return { ok: false as const, errors: [USER_NOT_FOUND] };
    if (!account.roles.includes(role)) {
      account.roles = [...account.roles, role];
      await tx.flush();
      await audited(tx, adminId, 'user.role_granted', account, now, { role });
    }
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
    await audited(tx, adminId, 'user.role_revoked', account, now, { role, endedSessionCount });
    return { ok: true as const, account, endedSessionCount };
  });
}
