/** Longest search text accepted; longer input is a mistake or an attempt to make the database work hard. */
export const SEARCH_MAX_LENGTH = 100;

/**
 * Case-insensitive substring pattern for PostgreSQL `ILIKE`: `%` and `_` typed by a user are matched
 * literally rather than as wildcards, escaped with backslash, PostgreSQL's default LIKE escape character
 * (itself escaped too).
 */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
