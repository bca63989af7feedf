import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getOperationAST,
  print,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

/** The variable that carries the id of the entity an event announces into the payload query. */
export const ENTITY_ID_VARIABLE = '__liveEntityId';

/** One subscription, as the gateway runs it: which feed, with which arguments, selecting what. */
export interface LiveOperation {
  /** The subscription root field, e.g. `postAdded`. */
  readonly field: string;
  /** The response key the client expects (the field's alias, or its name). */
  readonly responseKey: string;
  /** The root field's arguments with the operation's variables substituted. */
  readonly args: Record<string, unknown>;
}

/**
 * The root field of a validated subscription operation (the spec allows exactly one) and its argument
 * values. Directives on the root field (`@skip`, `@include`) are refused: a feed is either subscribed
 * or not, and clients have no reason to toggle it inside the operation.
 */
export function liveOperationOf(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): LiveOperation {
  const operation = subscriptionOperation(document, operationName);
  const root = rootField(operation);
  if (root.directives?.length) {
    throw new GraphQLError('Directives are not allowed on the root field of a subscription.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const args = Object.fromEntries(
    (root.arguments ?? []).map((argument) => [
      argument.name.value,
      valueFromASTUntyped(argument.value, variables),
    ]),
  );
  return { field: root.name.value, responseKey: root.alias?.value ?? root.name.value, args };
}

/**
 * The query that reads one announced entity with the subscriber's own selection: the subscription root
 * field is replaced by the entity's root query field (`postAdded(communityId: $c) { title }` becomes
 * `postAdded: post(id: $__liveEntityId) { title }`), under the same response key, so the gateway's
 * query planner fetches fields of every subgraph as for any query. Variables the new query no longer
 * uses are dropped, since GraphQL refuses unused variables.
 */
export function payloadQueryOf(
  document: DocumentNode,
  operationName: string | null | undefined,
  entityField: { readonly name: string; readonly idArgument: string },
): string {
  const operation = subscriptionOperation(document, operationName);
  const root = rootField(operation);
  const readEntity: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: root.alias?.value ?? root.name.value },
    name: { kind: Kind.NAME, value: entityField.name },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: entityField.idArgument },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
      },
    ],
    directives: [],
    ...(root.selectionSet ? { selectionSet: root.selectionSet } : {}),
  };
  const entityIdDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
    type: {
      kind: Kind.NON_NULL_TYPE,
      type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
    },
    directives: [],
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: OperationTypeNode.QUERY,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [readEntity] },
    variableDefinitions: [...(operation.variableDefinitions ?? []), entityIdDefinition],
  };
  const definitions = document.definitions.map((definition) =>
    definition === operation ? query : definition,
  );
  const used = variablesUsed({ kind: Kind.DOCUMENT, definitions });
  const payloadQuery: OperationDefinitionNode = {
    ...query,
    variableDefinitions: query.variableDefinitions!.filter((definition) =>
      used.has(definition.variable.name.value),
    ),
  };
  return print({
    kind: Kind.DOCUMENT,
    definitions: definitions
      .filter((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition === query)
      .map((definition) => (definition === query ? payloadQuery : definition)),
  });
}

function subscriptionOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    throw new GraphQLError(
      'Only subscriptions go over the WebSocket; send queries and mutations over HTTP.',
      { extensions: { code: 'BAD_REQUEST' } },
    );
  }
  return operation;
}

function rootField(operation: OperationDefinitionNode): FieldNode {
  const [root, ...others] = operation.selectionSet.selections;
  if (root?.kind !== Kind.FIELD || others.length > 0) {
    throw new GraphQLError('A subscription selects exactly one root field, without fragments.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return root;
}

function variablesUsed(document: DocumentNode): Set<string> {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  return used;
}
