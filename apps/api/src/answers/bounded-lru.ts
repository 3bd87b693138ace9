/**
 * A least-recently-used map bounded by entry count and by an estimate of the bytes its values
 * hold. A Map keeps insertion order, so re-inserting on every read makes its first key the least
 * recently used. Written here because the only LRU library in the workspace is lru-cache 5, an
 * unmaintained major a build tool pulls in, not a dependency of ours (decision 0029).
 */
export class BoundedLru<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly bytes: number }>();
  private bytesHeld = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {
    if (!(maxEntries >= 1) || !(maxBytes >= 1))
      throw new RangeError('BoundedLru: maxEntries and maxBytes must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.bytesHeld;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** A value larger than the whole bound is not kept (it would evict everything and then itself). */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytesHeld += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytesHeld <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytesHeld -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytesHeld -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytesHeld = 0;
  }
}
