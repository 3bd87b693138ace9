import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  canonicalJson,
  DuplicateEventIdError,
  eventHash,
  GENESIS_HASH,
  matchesFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventStoreHealth,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '@presales/event-store';
import { AppendNotifier } from './append-notifier.js';
import { catchUpSubscription } from './catch-up-subscription.js';
import { toRecordedEvent } from './row-mapping.js';
import { SCHEMA_STATEMENTS, type EventRow } from './schema.js';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store.js';

/**
 * `full` (default) fsyncs every commit: an acknowledged append survives power loss. `normal`
 * in WAL mode survives a process crash but may lose the last commits on power loss; it is
 * several times faster and fine for demo data and benchmarks.
 */
export type Durability = 'full' | 'normal';

export interface SqliteEventStoreOptions {
  /** Database file, or ':memory:'. */
  readonly file: string;
  readonly durability?: Durability;
  /** Source of recordedAt. Only the demo loader and tests replace it. */
  readonly clock?: () => Date;
  /** How often subscriptions look for appends made by other processes. */
  readonly pollIntervalMs?: number;
}

interface StreamHead {
  revision: number;
  hash: string;
}

export class SqliteEventStore implements EventStore {
  readonly engine = 'sqlite';
  readonly checkpoints: SqliteCheckpointStore;
  private readonly notifier = new AppendNotifier();
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly statements;
  private readonly appendTransaction: (streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision) => AppendResult;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    const db = new Database(options.file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('busy_timeout = 10000');
    for (const statement of SCHEMA_STATEMENTS) db.exec(statement);
    return new SqliteEventStore(db, options);
  }

  private constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.checkpoints = new SqliteCheckpointStore(db, this.clock);
    this.statements = {
      head: db.prepare<[string], StreamHead>('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
      byId: db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?'),
      insert: db.prepare<[string, string, number, string, string, string, string]>(
        'INSERT INTO events (id, stream_id, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      streamForwards: db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
      ),
      streamBackwards: db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      allForwards: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?'),
      allBackwards: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?'),
      countAfter: db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)'),
      headPosition: db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM events'),
    };
    const transaction = db.transaction((streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision) =>
      this.appendInTransaction(streamId, events, expected),
    );
    // IMMEDIATE takes the write lock before the expected-revision check: racing writers,
    // in this process or another, serialise here and exactly one sees the revision it expected.
    this.appendTransaction = (streamId, events, expected) => transaction.immediate(streamId, events, expected);
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`stream ${streamId}: append needs at least one event`);
    const result = this.appendTransaction(streamId, events, options.expectedRevision ?? 'any');
    this.notifier.notify();
    return result;
  }

  private appendInTransaction(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const retried = this.findRetry(streamId, events);
    if (retried !== undefined) return retried;

    const head = this.statements.head.get(streamId);
    assertExpectedRevision(streamId, expected, head);
    const recordedAt = this.clock().toISOString();
    let revision = head === undefined ? -1 : head.revision;
    let prevHash = head === undefined ? GENESIS_HASH : head.hash;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const metadata = { ...event.metadata, recordedAt, prevHash };
      const hash = eventHash({ streamId, revision: BigInt(revision), type: event.type, data: event.data, metadata });
      const inserted = this.statements.insert.run(event.id, streamId, revision, event.type, JSON.stringify(event.data), JSON.stringify(metadata), hash);
      position = Number(inserted.lastInsertRowid);
      prevHash = hash;
    }
    return { nextExpectedRevision: BigInt(revision), position: BigInt(position) };
  }

  /**
   * A retry of an append that already happened: every id is recorded, in this stream, in
   * order, with the same content. Then it succeeds again without writing. Any other reuse of
   * an id is an error, never a silent merge.
   */
  private findRetry(streamId: string, events: readonly EventToAppend[]): AppendResult | undefined {
    const rows = events.map((event) => this.statements.byId.get(event.id));
    if (rows.every((row) => row === undefined)) return undefined;
    rows.forEach((row, i) => {
      const event = events[i]!;
      const previous = rows[i - 1];
      const inOrder = i === 0 || (previous !== undefined && row !== undefined && row.revision === previous.revision + 1);
      if (row === undefined || row.stream_id !== streamId || !inOrder || !sameContent(row, event)) {
        throw new DuplicateEventIdError(event.id, streamId);
      }
    });
    const last = rows[rows.length - 1]!;
    return { nextExpectedRevision: BigInt(last.revision), position: BigInt(last.position) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(streamId, Number(options.fromRevision ?? BigInt(Number.MAX_SAFE_INTEGER)), maxCount)
        : this.statements.streamForwards.all(streamId, Number(options.fromRevision ?? 0n), maxCount);
    if (rows.length === 0 && this.statements.head.get(streamId) === undefined) throw new StreamNotFoundError(streamId);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const backwards = options.direction === 'backwards';
    const result: RecordedEvent[] = [];
    let from = options.fromPosition ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n);
    // Pages of raw rows, filtered here, until maxCount matches or the log ends.
    for (;;) {
      const page = backwards ? this.statements.allBackwards.all(Number(from), 1000) : this.statements.allForwards.all(Number(from), 1000);
      for (const row of page) {
        if (matchesFilter(options.filter, row.stream_id, row.type)) result.push(toRecordedEvent(row));
        if (result.length >= maxCount) return result;
      }
      if (page.length < 1000) return result;
      const last = BigInt(page[page.length - 1]!.position);
      from = backwards ? last - 1n : last + 1n;
    }
  }

  /** Unfiltered rows after an exclusive position, for catch-up subscriptions. */
  readAfter(after: bigint, maxCount: number): RecordedEvent[] {
    return this.statements.allForwards.all(Number(after) + 1, maxCount).map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    return catchUpSubscription({ readAfter: (after, max) => this.readAfter(after, max), notifier: this.notifier, pollIntervalMs: this.pollIntervalMs }, options);
  }

  async countEventsAfter(position: bigint, cap: number): Promise<number> {
    return this.statements.countAfter.get(Number(position), cap)!.n;
  }

  async health(): Promise<EventStoreHealth> {
    return { engine: this.engine, headPosition: BigInt(this.statements.headPosition.get()!.p ?? 0) };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function assertExpectedRevision(streamId: string, expected: ExpectedRevision, head: StreamHead | undefined): void {
  const actual = head === undefined ? undefined : BigInt(head.revision);
  const satisfied =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'bigint' && actual === expected);
  if (!satisfied) throw new WrongExpectedVersionError(streamId, expected, actual);
}

function sameContent(row: EventRow, event: EventToAppend): boolean {
  const stored = JSON.parse(row.metadata) as Record<string, unknown>;
  const { recordedAt: _recordedAt, prevHash: _prevHash, ...storedInput } = stored;
  return (
    row.type === event.type &&
    canonicalJson(JSON.parse(row.data)) === canonicalJson(event.data) &&
    canonicalJson(storedInput) === canonicalJson(event.metadata)
  );
}
