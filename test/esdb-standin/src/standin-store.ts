import { checkCommit, type CommitDecision, type Expected } from './commit-check.js';
import { CommittedIds } from './committed-ids.js';
import { DELETED_STREAM, toTicks, TransactionLog, type LogRecord, type NewRecord } from './log.js';
import { isMetastream, metastreamOf, parseMetadata, serializeMetadata, StreamIndex } from './stream-index.js';

export interface ProposedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Buffer;
  readonly metadata: Buffer;
}

export type AppendOutcome =
  | { readonly kind: 'written'; readonly lastRevision: bigint; readonly position: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint }
  | { readonly kind: 'deleted' };

export type DeleteOutcome =
  | { readonly kind: 'deleted_ok'; readonly position: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint }
  | { readonly kind: 'deleted' };

export interface StandinStoreOptions {
  /** The server's clock: `created` stamps and `$maxAge`. */
  readonly clock?: () => Date;
  /** How long written records stay pre-committed (version checks see them, reads do not). */
  readonly indexDelayMs?: number;
  readonly committedIdsCacheBytes?: number;
}

/**
 * TEST STAND-IN, not a product store: the state of the EventStoreDB stand-in, kept in memory
 * across simulated restarts of its gRPC server. Writes follow StorageWriterService → IndexWriter:
 * checked against pre-committed versions, written, and made readable only after
 * `indexDelayMs`; the writer is answered once its records are readable, the loser of a race at
 * once (RequestManagerBase: AllEventsWritten waits for CommitSource.IndexedPosition, a
 * StorageMessage.WrongExpectedVersion completes the request immediately). That window is where
 * a client re-reading the head after a conflict still sees the old one.
 */
export class StandinStore {
  readonly log = new TransactionLog();
  readonly streams = new StreamIndex();
  private readonly committedIds: CommittedIds;
  private readonly clock: () => Date;
  private readonly indexDelayMs: number;
  private readonly listeners = new Set<(records: readonly LogRecord[]) => void>();
  private readonly waiting: Array<{ readonly upTo: bigint; readonly resolve: () => void }> = [];

  constructor(options: StandinStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.indexDelayMs = options.indexDelayMs ?? 3;
    this.committedIds = new CommittedIds(options.committedIdsCacheBytes);
    // A fresh server's log is not empty: it starts with its own system records.
    const [settings] = this.writeRecords([
      {
        streamId: '$settings',
        revision: 0n,
        eventId: crypto.randomUUID(),
        type: '$settings',
        contentType: 'application/json',
        data: Buffer.from('{}'),
        metadata: Buffer.alloc(0),
      },
    ]);
    this.index(settings!);
  }

  nowTicks(): bigint {
    return toTicks(this.clock());
  }

  readonly readable = (record: LogRecord): boolean => this.log.isIndexed(record);
  private readonly written = (): boolean => true;

  /** Called with each batch of records that became readable, in log order. */
  onIndexed(listener: (records: readonly LogRecord[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A restart loses the in-memory id cache (the log, on disk, stays). */
  forgetCaches(): void {
    this.committedIds.clear();
  }

  async append(streamId: string, expected: Expected, events: readonly ProposedEvent[]): Promise<AppendOutcome> {
    const decision = this.check(
      streamId,
      expected,
      events.map((e) => e.eventId),
    );
    switch (decision.kind) {
      case 'deleted':
        return decision;
      case 'wrong_expected_version':
      case 'corrupted_idempotency':
        return { kind: 'wrong_expected_version', current: decision.current };
      case 'idempotent':
        return this.answerIdempotent(streamId, decision.lastRevision);
      case 'ok':
        return this.write(streamId, events);
    }
  }

  /** Soft delete writes `{"$tb": DeletedStream}` to the metastream; a tombstone writes `$streamDeleted` at revision DeletedStream. */
  async delete(streamId: string, expected: Expected, hard: boolean): Promise<DeleteOutcome> {
    const current = this.streams.lastEventNumber(streamId);
    if (current === DELETED_STREAM) return { kind: 'deleted' };
    if (!deleteAllowed(expected, current, hard)) return { kind: 'wrong_expected_version', current };
    const [record] = hard
      ? this.writeRecords([
          {
            streamId,
            revision: DELETED_STREAM,
            eventId: crypto.randomUUID(),
            type: '$streamDeleted',
            contentType: 'application/json',
            data: Buffer.alloc(0),
            metadata: Buffer.alloc(0),
          },
        ])
      : this.writeMetadata(streamId, serializeMetadata({ $tb: DELETED_STREAM }));
    await this.untilIndexed(record!);
    return { kind: 'deleted_ok', position: record!.position };
  }

  private check(streamId: string, expected: Expected, eventIds: readonly string[]): CommitDecision {
    return checkCommit(
      {
        streamId,
        current: this.streams.lastEventNumber(streamId),
        softDeleted: this.streams.isSoftDeleted(streamId, this.written),
        hasMetadata: this.streams.allRecords(metastreamOf(streamId)).length > 0,
        records: this.streams.allRecords(streamId),
      },
      expected,
      eventIds,
      this.committedIds,
    );
  }

  private async answerIdempotent(streamId: string, lastRevision: bigint): Promise<AppendOutcome> {
    const record = this.streams.allRecords(streamId).find((r) => r.revision === lastRevision)!;
    // The server drops a retry whose original is not yet replicated (IdempotentNotReady); here it waits for it instead.
    await this.untilIndexed(record);
    return { kind: 'written', lastRevision, position: record.position };
  }

  private async write(streamId: string, events: readonly ProposedEvent[]): Promise<AppendOutcome> {
    const current = this.streams.lastEventNumber(streamId);
    if (isMetastream(streamId)) {
      const records = this.writeMetadata(streamId.slice(2), events[events.length - 1]!.data, events[events.length - 1]);
      const last = records[records.length - 1]!;
      await this.untilIndexed(last);
      return { kind: 'written', lastRevision: last.revision, position: last.position };
    }
    // StorageWriterService.SoftUndeleteMetastream: writing to a soft-deleted stream moves `$tb` to the first new revision.
    if (this.streams.isSoftDeleted(streamId, this.written)) {
      const meta = this.streams.metadata(streamId, this.written);
      this.writeMetadata(streamId, serializeMetadata({ ...meta, $tb: current + 1n }));
    }
    let revision = current;
    const records = this.writeRecords(events.map((event) => ({ streamId, revision: (revision += 1n), ...event })));
    const last = records[records.length - 1]!;
    await this.untilIndexed(last);
    return { kind: 'written', lastRevision: last.revision, position: last.position };
  }

  /**
   * A metadata event for `streamId`. StorageWriterService.SoftUndeleteRawMeta: metadata written
   * while the stream is soft-deleted gets `$tb` = its last event number + 1, so the old events
   * stay hidden once it is no longer deleted.
   */
  private writeMetadata(streamId: string, data: Buffer, proposed?: ProposedEvent): LogRecord[] {
    const metastream = metastreamOf(streamId);
    let body = data;
    if (proposed !== undefined && this.streams.isSoftDeleted(streamId, this.written)) {
      body = serializeMetadata({ ...parseMetadata(data), $tb: this.streams.lastEventNumber(streamId) + 1n });
    }
    return this.writeRecords([
      {
        streamId: metastream,
        revision: this.streams.lastEventNumber(metastream) + 1n,
        eventId: proposed?.eventId ?? crypto.randomUUID(),
        type: '$metadata',
        contentType: 'application/json',
        data: body,
        metadata: proposed?.metadata ?? Buffer.alloc(0),
      },
    ]);
  }

  private writeRecords(batch: readonly NewRecord[]): LogRecord[] {
    const records = this.log.write(batch, this.nowTicks());
    this.streams.preCommit(records);
    for (const record of records) this.committedIds.put(record);
    // Each write becomes readable its own delay after it was written, not with an earlier write's timer.
    const last = records[records.length - 1]!;
    setTimeout(() => this.index(last), this.indexDelayMs);
    return records;
  }

  private index(through: LogRecord): void {
    const fresh = this.log.indexThrough(through);
    if (fresh.length === 0) return;
    const end = this.log.end();
    for (let i = this.waiting.length - 1; i >= 0; i -= 1) {
      if (this.waiting[i]!.upTo <= end) this.waiting.splice(i, 1)[0]!.resolve();
    }
    for (const listener of this.listeners) listener(fresh);
  }

  private untilIndexed(record: LogRecord): Promise<void> {
    if (this.log.isIndexed(record)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ upTo: record.postPosition, resolve }));
  }
}

/**
 * The delete's expected version (StorageWriterService.WriteDelete through CheckCommit): a soft
 * delete of a stream never written is a wrong expected version (server 23+), a tombstone of one
 * reserves the name.
 */
function deleteAllowed(expected: Expected, current: bigint, hard: boolean): boolean {
  switch (expected.kind) {
    case 'any':
      return hard || current >= 0n;
    case 'no_stream':
      return current < 0n && hard;
    case 'stream_exists':
      return current >= 0n;
    case 'revision':
      return expected.revision === current;
  }
}
