const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are UUID columns, and PostgreSQL rejects a malformed UUID with an error that would fail every
 * other id batched in the same query; malformed ids are therefore sorted out before any lookup.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
