const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every id of this subgraph is a UUID; anything else can match no row, and PostgreSQL would reject it in a
 * uuid comparison with an error instead of finding nothing.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
