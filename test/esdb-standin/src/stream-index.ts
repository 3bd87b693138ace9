import { DELETED_STREAM, type LogRecord } from './log.js';

/** Stream metadata as the server stores it: the JSON of the last `$metadata` event of `$$stream`. */
export interface RawStreamMetadata {
  readonly $tb?: bigint;
  readonly $maxCount?: number;
  readonly $maxAge?: number;
  readonly [key: string]: unknown;
}

export function metastreamOf(streamId: string): string {
  return `$$${streamId}`;
}

export function isMetastream(streamId: string): boolean {
  return streamId.startsWith('$$');
}

/**
 * TEST STAND-IN, not a product store. Per-stream bookkeeping, in two views as on the server:
 * the last event number *pre-committed* (what expected-version checks see: IndexWriter's
 * `_streamVersions` cache, filled by IndexWriter.PreCommit as soon as the prepares are
 * written, kurrent-io/KurrentDB src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs)
 * and the records that are *indexed* (what reads see).
 */
export class StreamIndex {
  private readonly records = new Map<string, LogRecord[]>();
  private readonly versions = new Map<string, bigint>();

  /** IndexWriter.PreCommit: the versions move now, before the records are readable. */
  preCommit(written: readonly LogRecord[]): void {
    for (const record of written) {
      const list = this.records.get(record.streamId) ?? [];
      list.push(record);
      this.records.set(record.streamId, list);
      this.versions.set(record.streamId, record.revision);
    }
  }

  /** IndexWriter.GetStreamLastEventNumber: -1 for a stream never written, DELETED_STREAM after a tombstone. */
  lastEventNumber(streamId: string): bigint {
    return this.versions.get(streamId) ?? -1n;
  }

  /** Every record of the stream, indexed or only pre-committed (IndexWriter's ReadPrepare path). */
  allRecords(streamId: string): readonly LogRecord[] {
    return this.records.get(streamId) ?? [];
  }

  /** The stream's metadata as of its last readable `$metadata` event; `{}` if none. */
  metadata(streamId: string, readable: (record: LogRecord) => boolean): RawStreamMetadata {
    const meta = this.allRecords(metastreamOf(streamId)).filter(readable);
    const last = meta[meta.length - 1];
    return last === undefined ? {} : parseMetadata(last.data);
  }

  isTombstoned(streamId: string): boolean {
    return this.lastEventNumber(streamId) === DELETED_STREAM;
  }

  /** IndexWriter.IsSoftDeleted: `$tb` is EventNumber.DeletedStream. */
  isSoftDeleted(streamId: string, readable: (record: LogRecord) => boolean): boolean {
    return this.metadata(streamId, readable).$tb === DELETED_STREAM;
  }
}

/** `$tb` may exceed 2^53 (the soft-delete marker), so it is read from the raw text, not from a JS number. */
export function parseMetadata(data: Buffer): RawStreamMetadata {
  const text = data.toString('utf8');
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
  const tb = /"\$tb"\s*:\s*(\d+)/.exec(text);
  return { ...parsed, ...(tb === null ? {} : { $tb: BigInt(tb[1]!) }) } as RawStreamMetadata;
}

/** Metadata JSON with `$tb` written exactly (a bigint cannot go through JSON.stringify). */
export function serializeMetadata(metadata: RawStreamMetadata): Buffer {
  const { $tb, ...rest } = metadata;
  const body = JSON.stringify(rest);
  if ($tb === undefined) return Buffer.from(body);
  return Buffer.from(body === '{}' ? `{"$tb":${$tb}}` : `{"$tb":${$tb},${body.slice(1)}`);
}
