import { GrowOnlyMap } from './grow-only-map.js';

/** An immutable set that grows by `with` in O(1): GrowOnlyMap's versions, for members only. */
export class GrowOnlySet<T> implements Iterable<T> {
  readonly #members: GrowOnlyMap<T, true>;

  private constructor(members: GrowOnlyMap<T, true>) {
    this.#members = members;
  }

  static empty<T>(): GrowOnlySet<T> {
    return new GrowOnlySet(GrowOnlyMap.empty<T, true>());
  }

  get size(): number {
    return this.#members.size;
  }

  has(member: T): boolean {
    return this.#members.has(member);
  }

  /** A new version with `member` in it; this one is unchanged. */
  with(member: T): GrowOnlySet<T> {
    return this.has(member) ? this : new GrowOnlySet(this.#members.with(member, true));
  }

  /** A snapshot, in insertion order. */
  [Symbol.iterator](): IterableIterator<T> {
    return this.#members.keys();
  }

  /** As JSON, the members in insertion order. */
  toJSON(): T[] {
    return [...this.#members.keys()];
  }
}
