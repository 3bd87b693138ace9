/**
 * An aggregate's folded state as JSON: Maps become objects, Sets lists, bigints strings, and a
 * value with its own toJSON (the domain's grow-only collections, whose entries are private
 * fields Object.entries cannot see) is what that toJSON answers: a tender's sections and reviews
 * read `{}` without it.
 */
export function jsonState(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), jsonState(item)]));
  if (value instanceof Set) return [...value].map(jsonState);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonState);
  if (value !== null && typeof value === 'object') {
    const own = (value as { toJSON?: unknown }).toJSON;
    if (typeof own === 'function') return jsonState(own.call(value));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonState(item)]));
  }
  return value;
}
