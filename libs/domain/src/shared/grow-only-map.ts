/**
 * An immutable map that grows by `with` (add or replace; nothing is ever removed) in O(1), where
 * `new Map(old).set(k, v)` copies every entry: a decider state that gains an entry per event
 * (a consultant's time entries, a tender's sections) folded that way costs O(n²) over a stream.
 *
 * Every version stays valid and unchanged (deciders, import rollback and `decide` keep older
 * states). The versions of one lineage share one backing Map, which holds the contents of the
 * version used last; every other version is a chain of undo steps towards it. Using an older
 * version "reroots": the steps between are replayed backwards, O(distance), so that the common
 * case, always extending the newest version, costs O(1) per step (Baker's trick, as in
 * Conchon & Filliâtre's persistent arrays). Because entries are only added or replaced, undoing
 * and redoing never moves a key: iteration order is insertion order in every version, exactly
 * as a copied Map's.
 */
export class GrowOnlyMap<K, V> implements Iterable<readonly [K, V]> {
  #node: Node<K, V>;

  private constructor(node: Node<K, V>) {
    this.#node = node;
  }

  static empty<K, V>(): GrowOnlyMap<K, V> {
    return new GrowOnlyMap<K, V>({ kind: 'current', entries: new Map() });
  }

  static of<K, V>(entries: Iterable<readonly [K, V]>): GrowOnlyMap<K, V> {
    return new GrowOnlyMap<K, V>({ kind: 'current', entries: new Map(entries) });
  }

  get size(): number {
    return this.#entries().size;
  }

  get(key: K): V | undefined {
    return this.#entries().get(key);
  }

  has(key: K): boolean {
    return this.#entries().has(key);
  }

  /** A new version with `key` set to `value`; this one is unchanged. */
  with(key: K, value: V): GrowOnlyMap<K, V> {
    const entries = this.#entries();
    const undo = undoOf(entries, key);
    entries.set(key, value);
    const next = new GrowOnlyMap<K, V>({ kind: 'current', entries });
    this.#node = { kind: 'undo', undo, towards: next };
    return next;
  }

  keys(): IterableIterator<K> {
    return [...this.#entries().keys()].values();
  }

  values(): IterableIterator<V> {
    return [...this.#entries().values()].values();
  }

  /** A snapshot: using another version while iterating cannot change what this yields. */
  entries(): IterableIterator<[K, V]> {
    return [...this.#entries()].values();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  /** As JSON, an object keyed by the (string) keys, as a state's other records are. */
  toJSON(): Record<string, V> {
    const json: Record<string, V> = {};
    for (const [key, value] of this.#entries()) json[String(key)] = value;
    return json;
  }

  /** The backing Map, holding this version's contents: rerooted here first if needed. */
  #entries(): Map<K, V> {
    const node = this.#node;
    return node.kind === 'current' ? node.entries : GrowOnlyMap.#reroot(this);
  }

  /**
   * Makes `target` the version the backing Map holds. Walks to the current version, then undoes
   * the steps from there back to `target`, newest first, turning each into the redo step of
   * the opposite direction. Iterative: a lineage can be tens of thousands of versions long.
   */
  static #reroot<K, V>(target: GrowOnlyMap<K, V>): Map<K, V> {
    const path: GrowOnlyMap<K, V>[] = [];
    let current = target;
    for (let node = current.#node; node.kind === 'undo'; node = current.#node) {
      path.push(current);
      current = node.towards;
    }
    const head = current.#node;
    if (head.kind !== 'current') throw new Error('GrowOnlyMap: a lineage without a current version');
    const entries = head.entries;
    let newer = current;
    for (let i = path.length - 1; i >= 0; i -= 1) {
      const older = path[i]!;
      const step = older.#node;
      if (step.kind !== 'undo') throw new Error('GrowOnlyMap: rerooting met a second current version');
      const { undo } = step;
      // Every step after this one is undone already, so an added key is the Map's last: deleting
      // it and adding it again on redo keeps insertion order.
      const redo = undoOf(entries, undo.key);
      if (undo.kind === 'restore') entries.set(undo.key, undo.value);
      else entries.delete(undo.key);
      newer.#node = { kind: 'undo', undo: redo, towards: older };
      older.#node = { kind: 'current', entries };
      newer = older;
    }
    return entries;
  }
}

type Undo<K, V> =
  { readonly kind: 'restore'; readonly key: K; readonly value: V } | { readonly kind: 'remove'; readonly key: K };

type Node<K, V> =
  | { readonly kind: 'current'; readonly entries: Map<K, V> }
  | { readonly kind: 'undo'; readonly undo: Undo<K, V>; readonly towards: GrowOnlyMap<K, V> };

/** The step that brings `key` back to what `entries` hold now: its value, or its absence. */
function undoOf<K, V>(entries: Map<K, V>, key: K): Undo<K, V> {
  return entries.has(key) ? { kind: 'restore', key, value: entries.get(key) as V } : { kind: 'remove', key };
}
