import { GraphQLError } from 'graphql';

/** Invalid arguments that the schema's types cannot express (bounds, malformed cursors, …). */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) },
  });
}
