import { unauthenticated } from '@talentgraph/auth';
import type { SubgraphContext } from '@talentgraph/platform';
import { liveSessionIds } from './sessions.ts';

const LIVE_SESSIONS = Symbol('live sessions');

/**
 * A signed token stays cryptographically valid until it expires, but here it is refused as soon as its
 * session ends (logout, password change, refresh-token reuse) or its account is disabled. Checked once
 * per request (a per-request loader), whatever the number of root fields.
 */
export async function assertLiveSession(context: SubgraphContext): Promise<void> {
  const viewer = context.viewer;
  if (viewer?.kind !== 'USER') return;
  const live = await context.loaders
    .custom<string, boolean>(LIVE_SESSIONS, async (keys) => {
      const sessions = keys.map((key) => JSON.parse(key) as { sessionId: string; userId: string });
      const liveIds = await liveSessionIds(context.em.fork(), sessions, context.now);
      return sessions.map(({ sessionId }) => liveIds.has(sessionId));
    })
    .load(JSON.stringify({ sessionId: viewer.sessionId, userId: viewer.userId }));
  if (!live) throw unauthenticated('This session has ended; sign in again.');
}

type AnyResolver = (...args: unknown[]) => unknown;

function guarded(resolve: AnyResolver, contextPosition: number): AnyResolver {
  return async (...args) => {
    await assertLiveSession(args[contextPosition] as SubgraphContext);
    return resolve(...args);
  };
}

/**
 * Puts the live-session check in front of every way into the data: each Query and Mutation field and
 * each entity's `__resolveReference` (federation's `_entities`). Nested fields are reached only through
 * these.
 */
export function requireLiveSessions<Resolvers extends object>(resolvers: Resolvers): Resolvers {
  const result: Record<string, unknown> = {};
  for (const [typeName, typeResolvers] of Object.entries(resolvers)) {
    // Scalars are GraphQLScalarType instances, not maps of field resolvers.
    const isFieldMap =
      typeof typeResolvers === 'object' &&
      typeResolvers !== null &&
      Object.getPrototypeOf(typeResolvers) === Object.prototype;
    result[typeName] = isFieldMap
      ? guardType(typeName, typeResolvers as Record<string, unknown>)
      : typeResolvers;
  }
  return result as Resolvers;
}

function guardType(typeName: string, resolvers: Record<string, unknown>): Record<string, unknown> {
  const fields = { ...resolvers };
  if (typeName === 'Query' || typeName === 'Mutation') {
    for (const [fieldName, field] of Object.entries(fields)) {
      if (typeof field === 'function') {
        fields[fieldName] = guarded(field as AnyResolver, 2);
      } else if (isFieldConfig(field)) {
        fields[fieldName] = { ...field, resolve: guarded(field.resolve, 2) };
      }
    }
  } else if (typeof fields['__resolveReference'] === 'function') {
    fields['__resolveReference'] = guarded(fields['__resolveReference'] as AnyResolver, 1);
  }
  return fields;
}

function isFieldConfig(field: unknown): field is { resolve: AnyResolver } {
  return (
    typeof field === 'object' &&
    field !== null &&
    typeof (field as { resolve?: unknown }).resolve === 'function'
  );
}
