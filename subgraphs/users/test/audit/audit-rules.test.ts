import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS_ACTOR,
  InvalidAuditEntryError,
  SYSTEM_ACTOR,
  actionOfEventType,
  actorOf,
  auditFilterProblems,
  checkAuditEntry,
  type AuditEntryInput,
} from '../../src/audit/audit-rules.ts';

const entry: AuditEntryInput = {
  occurredAt: new Date('2026-11-23T12:00:00Z'),
  actor: { kind: 'USER', id: '0b6f7a4e-1111-4222-8333-944445555666' },
  action: 'user.role_granted',
  target: { type: 'User', id: '1c6f7a4e-1111-4222-8333-944445555666' },
  subgraph: 'users',
  requestId: 'req-1',
  ip: '203.0.113.7',
  details: { role: 'MODERATOR' },
};

function refusal(input: AuditEntryInput): string | null {
  try {
    checkAuditEntry(input);
    return null;
  } catch (error) {
    if (!(error instanceof InvalidAuditEntryError)) throw error;
    return error.field;
  }
}

describe('audit entries', () => {
  it('are stored with flat actor and target columns', () => {
    expect(checkAuditEntry(entry)).toEqual({
      occurredAt: entry.occurredAt,
      actorKind: 'USER',
      actorId: entry.actor.id,
      action: 'user.role_granted',
      targetType: 'User',
      targetId: entry.target!.id,
      subgraph: 'users',
      requestId: 'req-1',
      ip: '203.0.113.7',
      details: { role: 'MODERATOR' },
    });
    expect(
      checkAuditEntry({ ...entry, actor: SYSTEM_ACTOR, target: null, details: undefined }),
    ).toMatchObject({
      actorKind: 'SYSTEM',
      actorId: null,
      targetType: null,
      targetId: null,
      details: {},
    });
  });

  it('name people by id only: an e-mail address or a secret in the details is refused', () => {
    expect(refusal({ ...entry, details: { note: 'claire.dubois@example.com' } })).toBe('details.note');
    expect(refusal({ ...entry, details: { attempts: [{ login: 'a@b.co' }] } })).toBe(
      'details.attempts[0].login',
    );
    expect(refusal({ ...entry, details: { password: 'x' } })).toBe('details.password');
    expect(refusal({ ...entry, details: { newPasswordHash: 'x' } })).toBe('details.newPasswordHash');
    expect(refusal({ ...entry, details: { blob: 'x'.repeat(5000) } })).toBe('details');
  });

  it('refuse malformed actions, actors, targets and sources', () => {
    expect(refusal({ ...entry, action: 'RoleGranted' })).toBe('action');
    expect(refusal({ ...entry, action: 'auth' })).toBe('action');
    expect(refusal({ ...entry, action: 'auth.Login' })).toBe('action');
    expect(refusal({ ...entry, actor: { kind: 'USER', id: null } })).toBe('actor.id');
    expect(refusal({ ...entry, actor: { kind: 'SYSTEM', id: 'x' } })).toBe('actor.id');
    expect(refusal({ ...entry, actor: { kind: 'ROBOT' as 'USER', id: 'x' } })).toBe('actor.kind');
    expect(refusal({ ...entry, target: { type: 'user', id: 'x' } })).toBe('target.type');
    expect(refusal({ ...entry, target: { type: 'User', id: ' ' } })).toBe('target.id');
    expect(refusal({ ...entry, subgraph: 'billing' })).toBe('subgraph');
    expect(refusal({ ...entry, occurredAt: new Date('nope') })).toBe('occurredAt');
  });

  it('cut an oversized request id or address rather than lose the entry', () => {
    const checked = checkAuditEntry({ ...entry, requestId: 'r'.repeat(300), ip: '1'.repeat(100) });
    expect(checked.requestId).toHaveLength(128);
    expect(checked.ip).toHaveLength(64);
  });

  it('name the caller: a person, a partner key, or nobody signed in', () => {
    expect(actorOf({ kind: 'USER', userId: 'u-1' })).toEqual({ kind: 'USER', id: 'u-1' });
    expect(actorOf({ kind: 'PARTNER', apiKeyId: 'k-1' })).toEqual({ kind: 'PARTNER', id: 'k-1' });
    expect(actorOf(null)).toEqual(ANONYMOUS_ACTOR);
  });

  it('read a domain event type as an action', () => {
    expect(actionOfEventType('community.PostRemoved')).toBe('community.post_removed');
    expect(actionOfEventType('profiles.DocumentDownloaded')).toBe('profiles.document_downloaded');
    expect(actionOfEventType('users.GDPRDataExported')).toBe('users.gdpr_data_exported');
  });
});

describe('audit log filters', () => {
  it('accept any combination of well-formed fields', () => {
    expect(
      auditFilterProblems({
        actorId: '0b6f7a4e-1111-4222-8333-944445555666',
        action: 'auth.login_failed',
        targetType: 'User',
        targetId: '1c6f7a4e-1111-4222-8333-944445555666',
        subgraph: 'users',
        from: new Date('2026-11-01T00:00:00Z'),
        to: new Date('2026-12-01T00:00:00Z'),
      }),
    ).toEqual([]);
    expect(auditFilterProblems({})).toEqual([]);
  });

  it('refuse filters that can match nothing by construction', () => {
    const fields = (filter: Parameters<typeof auditFilterProblems>[0]) =>
      auditFilterProblems(filter).map((problem) => problem.field);
    expect(fields({ action: 'Login' })).toEqual(['action']);
    expect(fields({ targetType: 'user' })).toEqual(['targetType']);
    expect(fields({ targetId: 'x' })).toEqual(['targetId']);
    expect(fields({ subgraph: 'billing' })).toEqual(['subgraph']);
    expect(fields({ actorId: 'x'.repeat(201) })).toEqual(['actorId']);
    const instant = new Date('2026-11-23T12:00:00Z');
    expect(fields({ from: instant, to: instant })).toEqual(['to']);
    expect(fields({ from: new Date('2026-12-01T00:00:00Z'), to: instant })).toEqual(['to']);
  });
});
