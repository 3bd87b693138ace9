import { closeSync, openSync, writeSync } from 'node:fs';
import type { Rejection } from './rejection.js';

/** `orders.jsonl` → `orders.jsonl.rejected.jsonl`: next to the input, named after it. */
export function rejectionReportPath(inputPath: string): string {
  return `${inputPath}.rejected.jsonl`;
}

/**
 * Writes one JSON line per rejected input line — `{"line","stream","type","id","code","reason"}` —
 * in the order they were rejected, flushing every few hundred so a file full of bad lines never
 * piles up in memory. The file is written even when empty, so a stale report of an earlier run
 * never survives a clean one.
 */
export class RejectionReport {
  private readonly fd: number;
  private buffered: string[] = [];
  private written = 0;
  private readonly firstFew: Rejection[] = [];

  constructor(
    readonly path: string,
    private readonly keepFirst = 10,
  ) {
    this.fd = openSync(path, 'w');
  }

  get count(): number {
    return this.written + this.buffered.length;
  }

  /** The first rejections, for the summary on stdout. */
  get examples(): readonly Rejection[] {
    return this.firstFew;
  }

  add(rejection: Rejection): void {
    if (this.firstFew.length < this.keepFirst) this.firstFew.push(rejection);
    this.buffered.push(JSON.stringify(rejection));
    if (this.buffered.length >= 500) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffered.length === 0) return;
    writeSync(this.fd, this.buffered.join('\n') + '\n');
    this.written += this.buffered.length;
    this.buffered = [];
  }
}
