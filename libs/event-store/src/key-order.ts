/**
 * The order an object's members are written in canonically, with each member's quoted key
 * ready to append. Objects built by the same code have the same keys in the same order, so
 * one event after another repeats the same key list: sorting and quoting it once per list
 * instead of once per event is most of what canonicalisation costs beyond the values.
 */
export interface KeyOrder {
  /** The members to write, in canonical order. */
  readonly members: readonly string[];
  /** `"member":`, for the first member written. */
  readonly firstPrefixes: readonly string[];
  /** `,"member":`, for every later one. */
  readonly laterPrefixes: readonly string[];
}

interface Remembered extends KeyOrder {
  /** The key list, as Object.keys returned it, that this order was derived from. */
  readonly keys: readonly string[];
}

/** Key lists remembered per first key; a few each, as objects of different types may share a first key. */
const LISTS_PER_FIRST_KEY = 8;
/** Bounded, so arbitrary data (objects keyed by ids, say) cannot grow it without limit. */
const LISTS_LIMIT = 1024;
/** A longer key list is data rather than the shape of a record: derived each time, never kept. */
const KEYS_PER_LIST_LIMIT = 32;

/**
 * Remembers the KeyOrder derived from each key list seen. `derive` turns a key list into the
 * members to write, in canonical order; it gets a copy it may sort in place.
 */
export class KeyOrderCache {
  private readonly byFirstKey = new Map<string, Remembered[]>();
  private remembered = 0;

  constructor(private readonly derive: (keys: string[]) => string[]) {}

  /** `keys` must not be changed afterwards: it is kept to recognise the list next time. */
  of(keys: readonly string[]): KeyOrder {
    const first = keys.length === 0 ? '' : keys[0]!;
    const candidates = this.byFirstKey.get(first);
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i += 1) if (sameKeys(candidates[i]!.keys, keys)) return candidates[i]!;
    }
    const order = this.derived(keys);
    if (this.remembered < LISTS_LIMIT && keys.length <= KEYS_PER_LIST_LIMIT) this.remember(first, candidates, order);
    return order;
  }

  private remember(first: string, candidates: Remembered[] | undefined, order: Remembered): void {
    if (candidates === undefined) this.byFirstKey.set(first, [order]);
    else if (candidates.length < LISTS_PER_FIRST_KEY) candidates.push(order);
    else return;
    this.remembered += 1;
  }

  private derived(keys: readonly string[]): Remembered {
    const members = this.derive([...keys]);
    const quoted = members.map((member) => `${JSON.stringify(member)}:`);
    return { keys, members, firstPrefixes: quoted, laterPrefixes: quoted.map((prefix) => `,${prefix}`) };
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
