/**
 * Text appended as UTF-8 into memory outside the JS heap, growing by doubling. An insert body
 * built here costs the garbage collector nothing, where the same body as strings would be
 * copied by every young-generation collection until sent.
 */
export class Utf8Buffer {
  private buffer: Buffer;
  private used = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  append(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8 (a surrogate pair: 4 for 2).
    const worstCase = this.used + text.length * 3;
    if (worstCase > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(worstCase, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  get byteLength(): number {
    return this.used;
  }

  /** The bytes appended so far (a view, not a copy). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }
}
