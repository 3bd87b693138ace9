import { KeyOrderCache } from './key-order.js';

/**
 * JSON with object keys sorted at every depth and no whitespace: one byte string per value.
 * Values with `toJSON` (a Date) are converted as JSON.stringify converts them; `undefined`
 * object members are dropped; bigint, functions and symbols are refused rather than guessed.
 * Hand-rolled rather than entries/sort/map because every append and every verification runs it.
 */
export function canonicalJson(value: unknown): string {
  // typeof compared with constants, not switched on: the optimiser turns each comparison into a
  // type check, where a switch computes the type's name through a builtin call per value.
  if (typeof value === 'string') return quoteJsonString(value);
  if (typeof value === 'object') {
    if (value === null) return 'null';
    if (Array.isArray(value)) return canonicalArray(value);
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
      return canonicalJson((value as { toJSON: () => unknown }).toJSON());
    return canonicalObject(value as Record<string, unknown>);
  }
  // String(n) is the ECMAScript Number::toString JSON.stringify uses (-0 included); non-finite is null.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') throw new TypeError('canonicalJson: bigint is not JSON; convert it first');
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
}

const sortedKeyOrders = new KeyOrderCache(sortKeys);

/** `omitted`: a member left out as if undefined (a recorded event's own `hash`, see eventHash). */
export function canonicalObject(object: Record<string, unknown>, omitted?: string): string {
  const order = sortedKeyOrders.of(Object.keys(object));
  const members = order.members;
  let prefixes = order.firstPrefixes;
  let text = '{';
  for (let i = 0; i < members.length; i += 1) {
    const key = members[i]!;
    const member = object[key];
    if (member === undefined || key === omitted) continue;
    text += prefixes[i]! + canonicalJson(member);
    prefixes = order.laterPrefixes;
  }
  return text + '}';
}

function canonicalArray(values: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) text += ',';
    text += canonicalJson(values[i]);
  }
  return text + ']';
}

/** What JSON.stringify escapes in a string: quote, backslash, control characters, and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: JSON escapes them.
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify of a string, without calling it for the common string that needs no escaping:
 * a regex test and a concatenation cost about half as much, and strings are most of an event.
 * Any surrogate takes the slow path, where JSON.stringify keeps pairs and escapes lone halves.
 */
export function quoteJsonString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : '"' + text + '"';
}

/** Above this many keys insertion sort's quadratic worst case loses to the built-in sort. */
const INSERTION_SORT_LIMIT = 24;

/**
 * Sorts keys in place by UTF-16 code units (the order of the default sort and of `<` on strings,
 * which every canonical form here relies on). Events have a handful of keys, often already in
 * order, where an insertion sort with `<` is several times faster than Array.prototype.sort.
 */
export function sortKeys(keys: string[]): string[] {
  if (keys.length > INSERTION_SORT_LIMIT) return keys.sort();
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i]!;
    let j = i - 1;
    if (keys[j]! < key) continue;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j -= 1;
    }
    keys[j + 1] = key;
  }
  return keys;
}
