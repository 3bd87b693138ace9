/**
 * TEST STAND-IN, not a product store. The transaction log of the EventStoreDB stand-in: every
 * record at a byte offset, as on the server, so that positions are not dense integers and code
 * that adds 1 to one fails here as it would there.
 *
 * Imitates EventStore/EventStore src/EventStore.Core/TransactionLog/LogRecords/PrepareLogRecord.cs
 * (a prepare's LogPosition is where it starts; the next one starts after its length-prefixed
 * bytes) and TFChunkWriter.Write (the writer checkpoint moves by the record's size). Sizes here
 * are approximate: what matters is that positions are sparse and differ in steps.
 */

/** EventNumber.DeletedStream (long.MaxValue): the revision of a tombstone and the `$tb` of a soft delete. */
export const DELETED_STREAM = 9_223_372_036_854_775_807n;

/** Fixed part of a prepare record: flags, positions, event number, ids, timestamp, lengths (about 100 bytes on disk). */
const RECORD_OVERHEAD = 100n;

export interface LogRecord {
  /** LogPosition: the byte offset where the record starts (its commit position in `$all`). */
  readonly position: bigint;
  /** The offset right after it (a backwards `$all` read compares these). */
  readonly postPosition: bigint;
  /** The first record of the same append (the prepare position reads send). */
  readonly transactionPosition: bigint;
  readonly streamId: string;
  readonly revision: bigint;
  /** Lower-case UUID. */
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Buffer;
  readonly metadata: Buffer;
  /** .NET ticks (100 ns since 0001-01-01) from the server's clock, as the `created` field carries. */
  readonly created: bigint;
}

export type NewRecord = Omit<LogRecord, 'position' | 'postPosition' | 'transactionPosition' | 'created'>;

/** Ticks between 0001-01-01 and 1970-01-01. */
const EPOCH_TICKS = 621_355_968_000_000_000n;

export function toTicks(date: Date): bigint {
  return EPOCH_TICKS + BigInt(date.getTime()) * 10_000n;
}

function sizeOf(record: NewRecord): bigint {
  return (
    RECORD_OVERHEAD +
    BigInt(
      Buffer.byteLength(record.streamId) + Buffer.byteLength(record.type) + record.data.length + record.metadata.length,
    )
  );
}

/**
 * Append-only records plus the point up to which they are indexed (readable). Writes are
 * visible to version checks at once but to reads only once indexed, as on the server
 * (see stream-index.ts).
 */
export class TransactionLog {
  private readonly all: LogRecord[] = [];
  private writer = 0n;
  private indexed = 0;
  /** The readable prefix, rebuilt only when more becomes readable (reads far outnumber index steps). */
  private readableView: readonly LogRecord[] = [];

  write(batch: readonly NewRecord[], created: bigint): LogRecord[] {
    const transactionPosition = this.writer;
    return batch.map((record) => {
      const position = this.writer;
      this.writer += sizeOf(record);
      const written: LogRecord = { ...record, position, postPosition: this.writer, transactionPosition, created };
      this.all.push(written);
      return written;
    });
  }

  /** Makes the records up to `last` readable (and any before it); returns the newly readable ones in log order. */
  indexThrough(last: LogRecord): LogRecord[] {
    const upTo = this.all.indexOf(last, this.indexed) + 1;
    if (upTo <= this.indexed) return [];
    const fresh = this.all.slice(this.indexed, upTo);
    this.indexed = upTo;
    this.readableView = this.all.slice(0, upTo);
    return fresh;
  }

  isIndexed(record: LogRecord): boolean {
    return this.indexed > 0 && record.position <= this.all[this.indexed - 1]!.position;
  }

  /** Readable records, oldest first. */
  readable(): readonly LogRecord[] {
    return this.readableView;
  }

  /** Where the readable log ends: the post-position of its last record (0 when empty). */
  end(): bigint {
    return this.indexed === 0 ? 0n : this.all[this.indexed - 1]!.postPosition;
  }

  /**
   * Index of the first readable record at or after `position`, or `undefined` if `position` is
   * not where a record starts or the log ends: the server refuses such a read
   * (TFChunkReader.TryReadAt throws InvalidReadException; StorageReaderWorker answers
   * ReadAllResult.InvalidPosition).
   */
  indexAt(position: bigint): number | undefined {
    const readable = this.readable();
    if (position === this.end()) return readable.length;
    let low = 0;
    let high = readable.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = readable[middle]!.position;
      if (found === position) return middle;
      if (found < position) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}
