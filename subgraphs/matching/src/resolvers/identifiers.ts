const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every id of this subgraph is a UUID column: PostgreSQL rejects any other text with an error, whereas
 * a lookup by an id that cannot exist must simply find nothing (null, as federation expects).
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
