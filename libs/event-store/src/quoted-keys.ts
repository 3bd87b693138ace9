/**
 * Quoted object keys, remembered: events reuse a small vocabulary of keys, and quoting is a
 * measurable share of canonicalisation. Bounded so arbitrary data cannot grow it without limit.
 */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_LIMIT = 4096;

export function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_LIMIT) quotedKeys.set(key, quoted);
  }
  return quoted;
}
