import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import { forbidden, unauthenticated } from './errors.ts';
import { isRole, type Role } from './roles.ts';
import { hasRole, type Viewer } from './viewer.ts';

/**
 * The authorization directives, declared in each subgraph's schema.graphql (copy this text verbatim):
 *
 *   "Only a signed-in caller (a person or a partner key) may read this."
 *   directive @authenticated on OBJECT | FIELD_DEFINITION
 *   "Only a caller holding one of these platform roles may read this."
 *   directive @hasRole(roles: [String!]!) on OBJECT | FIELD_DEFINITION
 *
 * They guard fields, not entry points: a field is checked however it is reached, through a query, a
 * nested selection or federation's `_entities`, so entity resolution cannot become a way around them.
 */
export const AUTHORIZATION_DIRECTIVES = ['authenticated', 'hasRole'] as const;

interface Requirement {
  readonly authenticated: boolean;
  readonly roles: readonly Role[] | null;
}

function requirementOf(schema: GraphQLSchema, node: Parameters<typeof getDirective>[1]): Requirement {
  const authenticated = (getDirective(schema, node, 'authenticated')?.length ?? 0) > 0;
  const roleArguments = getDirective(schema, node, 'hasRole')?.[0]?.['roles'] as unknown;
  if (roleArguments === undefined) return { authenticated, roles: null };
  if (!Array.isArray(roleArguments) || !roleArguments.every(isRole)) {
    throw new Error(`@hasRole names an unknown role: ${JSON.stringify(roleArguments)}`);
  }
  return { authenticated, roles: roleArguments };
}

/** Returns `schema` with every field under @authenticated / @hasRole (on itself or its type) guarded. */
export function applyAuthorization<Context extends { readonly viewer: Viewer | null }>(
  schema: GraphQLSchema,
): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, _fieldName, typeName) => {
      const type = schema.getType(typeName)!;
      const onType = requirementOf(schema, type as never);
      const onField = requirementOf(schema, fieldConfig as never);
      const roles = onField.roles ?? onType.roles;
      const authenticated = onField.authenticated || onType.authenticated || roles !== null;
      if (!authenticated) return fieldConfig;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      const guarded: GraphQLFieldConfig<unknown, Context> = {
        ...(fieldConfig as GraphQLFieldConfig<unknown, Context>),
        resolve(source, args, context, info) {
          if (context.viewer === null) throw unauthenticated();
          if (roles !== null && !hasRole(context.viewer, ...roles)) {
            throw forbidden(`This needs one of the roles ${roles.join(', ')}.`);
          }
          return resolve(source, args, context, info);
        },
      };
      return guarded as never;
    },
  });
}
