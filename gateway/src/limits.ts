import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** How big one operation may be, whatever path it takes (HTTP, WebSocket, persisted). */
export interface OperationLimits {
  /** Nested selection levels (a Relay connection costs two: `edges { node }`). */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Lexical tokens of the document; the parser stops past it, before building a large tree. */
  readonly maxTokens: number;
  /** graphql-armor's cost: 2 per object, 1 per scalar, times 1.5 per level of depth. */
  readonly maxCost: number;
}

/** Which limit an operation broke, in `extensions.limit` of the error. */
export type LimitName = 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_COST';

/**
 * The one set of rules both the HTTP path (Apollo Server's `parseOptions` and `validationRules`) and the
 * WebSocket path (`checkOperation`) apply, so a subscription is held to the same limits as a query.
 * graphql-armor's rules are plain validation rules; its token limit is graphql-js's own `maxTokens`
 * parse option, which is what it wraps. A refusal is an ordinary validation error
 * (GRAPHQL_VALIDATION_FAILED, HTTP 400) whose message names the limit and the value found.
 */
export interface OperationRules {
  readonly parseOptions: ParseOptions;
  readonly validationRules: readonly ValidationRule[];
}

export function operationRules(limits: OperationLimits): OperationRules {
  const refuseAs = (limit: LimitName) => ({
    exposeLimits: true,
    // Reported as a validation error instead of thrown, so all errors of a document come back together.
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit },
          }),
        );
      },
    ],
  });
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, ...refuseAs('MAX_DEPTH') }),
      maxAliasesRule({ n: limits.maxAliases, ...refuseAs('MAX_ALIASES') }),
      maxDirectivesRule({ n: limits.maxDirectives, ...refuseAs('MAX_DIRECTIVES') }),
      costLimitRule({ maxCost: limits.maxCost, ...refuseAs('MAX_COST') }),
    ],
  };
}

/**
 * Parses and validates one operation as the HTTP path does: the specified rules of GraphQL and the
 * limits. Errors carry the codes Apollo Server gives them (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED).
 */
export function checkOperation(
  schema: GraphQLSchema,
  source: string,
  rules: OperationRules,
): DocumentNode | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(source, rules.parseOptions);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules.validationRules]);
  return errors.length > 0 ? errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) : document;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions['code']) return error;
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    extensions: { ...error.extensions, code },
  });
}
