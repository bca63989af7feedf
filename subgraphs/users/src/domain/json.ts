/** Values that come back identical from JSON (what jsonb columns and the JSONObject scalar hold). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
