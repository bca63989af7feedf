import { auditLogPage } from '../audit/audit-log.ts';
import { UserSchema } from '../entities/User.ts';
import type {
  AuditActorResolvers,
  AuditEntryResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.ts';

const instant = (value: Date | string | null | undefined) => (value == null ? null : new Date(value));

export const auditLogQueries: Pick<QueryResolvers, 'auditLog'> = {
  auditLog: (_parent, { first, after, filter }, { em }) =>
    auditLogPage(
      em,
      {
        actorId: filter?.actorId ?? null,
        action: filter?.action ?? null,
        targetType: filter?.targetType ?? null,
        targetId: filter?.targetId ?? null,
        subgraph: filter?.subgraph ?? null,
        from: instant(filter?.from),
        to: instant(filter?.to),
      },
      { first, after },
    ),
};

export const AuditEntry: AuditEntryResolvers = {
  actor: (entry) => ({ kind: entry.actorKind, id: entry.actorId ?? null }),
  target: (entry) =>
    entry.targetType != null && entry.targetId != null
      ? { type: entry.targetType, id: entry.targetId }
      : null,
};

export const AuditActor: AuditActorResolvers = {
  user: (actor, _args, { loaders }) =>
    actor.kind === 'USER' && actor.id !== null ? loaders.byId(UserSchema).load(actor.id) : null,
};
