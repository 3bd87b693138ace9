/** An aggregate's folded state as JSON: Maps become objects, Sets lists, bigints strings. */
export function jsonState(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), jsonState(item)]));
  if (value instanceof Set) return [...value].map(jsonState);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonState);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonState(item)]));
  return value;
}
