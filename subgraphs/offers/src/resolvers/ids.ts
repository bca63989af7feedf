const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every id this subgraph stores is a UUID, so any other id names nothing; checking first answers
 * "not found" instead of letting PostgreSQL reject the whole batch of a `uuid` lookup.
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
