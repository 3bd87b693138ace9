/** A JSON value, as answers carry it. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A decider state as plain JSON: Maps become objects keyed by their (string) keys, Sets become
 * arrays, values with toJSON (Decimal) their JSON, bigints decimal strings; undefined members
 * are dropped. Deciders keep Maps and Sets for lookups; an auditor reads the facts.
 */
export function toPlainJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'object':
      return objectToJson(value);
    default:
      throw new TypeError(`toPlainJson: a ${typeof value} is not state`);
  }
}

function objectToJson(value: object): JsonValue {
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value instanceof Set) return [...value].map(toPlainJson);
  if (value instanceof Map) {
    const entries: Record<string, JsonValue> = {};
    for (const [key, member] of value) entries[String(key)] = toPlainJson(member);
    return entries;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return toPlainJson((value as { toJSON: () => unknown }).toJSON());
  const entries: Record<string, JsonValue> = {};
  for (const [key, member] of Object.entries(value)) if (member !== undefined) entries[key] = toPlainJson(member);
  return entries;
}
