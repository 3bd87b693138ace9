import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  matchesFilter,
  type AppendOptions,
  type AppendResult,
  type DeleteOptions,
  type EventStore,
  type EventStoreHealth,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreVerification,
  type StreamMetadata,
  type StreamVerification,
  type SubscribeToAllOptions,
  type Subscription,
} from '@presales/event-store';
import { AppendNotifier } from './append-notifier.js';
import { Appender } from './appender.js';
import { GroupCommit } from './group-commit.js';
import { catchUpSubscription } from './catch-up-subscription.js';
import { migrate } from './migrations.js';
import { Restorer, type RestoreResult } from './restorer.js';
import { toRecordedEvent } from './row-mapping.js';
import type { EventRow } from './schema.js';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store.js';
import { StreamLifecycle } from './stream-lifecycle.js';
import { StreamReader } from './stream-reader.js';
import { Verifier } from './verifier.js';

/**
 * SQLite's `synchronous` setting, the durability trade-off of the embedded store.
 * `full` (default): every commit is fsynced before the append returns, so an acknowledged
 * event survives a power cut; this is the system of record. `normal`: in WAL mode, commits
 * survive a crash of the process (SIGKILL included) but the last ones may be lost on a power
 * cut or OS crash; several times faster per append, for demo data, imports you can rerun, and
 * benchmarks. Neither setting can corrupt the file or split a batch.
 */
export type Durability = 'full' | 'normal';

export interface SqliteEventStoreOptions {
  /** Database file, or ':memory:'. */
  readonly file: string;
  readonly durability?: Durability;
  /** Source of recordedAt and of "now" for `$maxAge`. Only the demo loader and tests replace it. */
  readonly clock?: () => Date;
  /** How often subscriptions look for appends made by other processes. */
  readonly pollIntervalMs?: number;
}

const PAGE = 1000;

export class SqliteEventStore implements EventStore {
  readonly engine = 'sqlite';
  readonly checkpoints: SqliteCheckpointStore;
  private readonly notifier = new AppendNotifier();
  private readonly pollIntervalMs: number;
  private readonly appends: GroupCommit;
  private readonly streams: StreamReader;
  private readonly lifecycle: StreamLifecycle;
  private readonly verifier: Verifier;
  private readonly restorer: Restorer;
  private readonly allForwards: Database.Statement<[number, number], EventRow>;
  private readonly allBackwards: Database.Statement<[number, number], EventRow>;
  private readonly countAfter: Database.Statement<[number, number], { n: number }>;
  private readonly headPosition: Database.Statement<[], { p: number | null }>;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    const db = new Database(options.file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
      db.pragma('busy_timeout = 10000');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteEventStore(db, options);
  }

  private constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    const clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.checkpoints = new SqliteCheckpointStore(db, clock);
    const appender = new Appender(db, clock);
    this.appends = new GroupCommit(
      (requests) => appender.appendAll(requests),
      () => this.notifier.notify(),
    );
    this.streams = new StreamReader(db, clock);
    this.lifecycle = new StreamLifecycle(db);
    this.verifier = new Verifier(db);
    this.restorer = new Restorer(db);
    this.allForwards = db.prepare('SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?');
    this.allBackwards = db.prepare('SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?');
    this.countAfter = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)');
    this.headPosition = db.prepare('SELECT max(position) AS p FROM events');
  }

  /** The connection's actual journal mode and synchronous level, as SQLite reports them. */
  settings(): { journalMode: string; synchronous: Durability | 'other' } {
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: synchronous === 2 ? 'full' : synchronous === 1 ? 'normal' : 'other',
    };
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`stream ${streamId}: append needs at least one event`);
    return this.appends.append({ streamId, events, expected: options.expectedRevision ?? 'any' });
  }

  /**
   * Restore: writes events recorded by a store before (a verified export, in `$all` order) with
   * their own recordedAt and hashes, after checking that each continues its stream's chain here
   * and hashes to its recorded hash. Atomic per call; ids already restored are skipped.
   * RestoreRefusedError names the first event that does not fit.
   */
  async restoreRecorded(events: readonly RecordedEvent[]): Promise<RestoreResult> {
    const result = this.restorer.restore(events);
    if (result.restored > 0) this.notifier.notify();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.streams.read(streamId, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const backwards = options.direction === 'backwards';
    const filter = options.filter;
    const result: RecordedEvent[] = [];
    // Positions here are dense row numbers, so "past P" is P ± 1: arithmetic only this adapter may do.
    const after = options.afterPosition;
    let from =
      after !== undefined
        ? Number(backwards ? after - 1n : after + 1n)
        : Number(options.fromPosition ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n));
    // Pages of raw rows, filtered here, until maxCount matches or the log ends.
    for (;;) {
      const page = backwards ? this.allBackwards.all(from, PAGE) : this.allForwards.all(from, PAGE);
      for (const row of page) {
        if (filter === undefined || matchesFilter(filter, row.stream_id, row.type)) result.push(toRecordedEvent(row));
        if (result.length >= maxCount) return result;
      }
      if (page.length < PAGE) return result;
      const last = page[page.length - 1]!.position;
      from = backwards ? last - 1 : last + 1;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const source = {
      readAfter: (after: bigint, max: number) => this.allForwards.all(Number(after) + 1, max).map(toRecordedEvent),
      notifier: this.notifier,
      pollIntervalMs: this.pollIntervalMs,
    };
    return catchUpSubscription(source, options);
  }

  async countEventsAfter(position: bigint, cap: number): Promise<number> {
    return this.countAfter.get(Number(position), cap)!.n;
  }

  async deleteStream(streamId: string, options: DeleteOptions = {}): Promise<void> {
    this.lifecycle.delete(streamId, 'soft', options.expectedRevision ?? 'any');
  }

  async tombstoneStream(streamId: string, options: DeleteOptions = {}): Promise<void> {
    this.lifecycle.delete(streamId, 'tombstone', options.expectedRevision ?? 'any');
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadata> {
    return this.lifecycle.metadata(streamId);
  }

  async setStreamMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    this.lifecycle.replaceMetadata(streamId, metadata);
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    return this.verifier.verifyStream(streamId);
  }

  async verifyAll(): Promise<StoreVerification> {
    return this.verifier.verifyAll();
  }

  async health(): Promise<EventStoreHealth> {
    return { engine: this.engine, headPosition: BigInt(this.headPosition.get()!.p ?? 0) };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
