import type { EventStore, RecordedEvent, SubscriptionMessage } from '@presales/event-store';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { backoffDelay, cancellableDelay, sleep } from './backoff.js';
import { lagSecondsAfter, PositionWaiters } from './position-waiters.js';
import { ProjectionCheckpoints } from './projection-checkpoints.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { writeBatch } from './write-batch.js';
import { EVENTS_TABLE } from '../schema/tables.js';

export const DEFAULT_SUBSCRIBER_ID = 'analytics-projector';

/** How often a projector that may not write (see ProjectorOptions.mayWrite) looks again. */
const LEASE_WAIT_MS = 100;

export type ProjectorState = 'starting' | 'catching_up' | 'live' | 'retrying' | 'stopped';

export interface ProjectorStatus {
  readonly state: ProjectorState;
  /** Last `$all` position whose rows are in the analytics store. */
  readonly checkpoint: bigint;
  readonly lastError?: string;
}

/**
 * How far the read models have changed. `events` grows with every batch (each writes the
 * `events` table); `facts` only with a batch that wrote any other table: the security log's
 * sign-ins, which have no fact table, leave it as it is. Both grow when the projector starts,
 * stops or reloads its checkpoint.
 */
export interface ReadModelVersion {
  readonly facts: number;
  readonly events: number;
}

export interface ProjectorOptions {
  readonly subscriberId?: string;
  /** Flush when this many events are buffered… */
  readonly batchSize?: number;
  /** …or when the oldest buffered event has waited this long. */
  readonly flushIntervalMs?: number;
  /**
   * Write the checkpoint row at most this often. Rows land every batch; the checkpoint only says
   * where a restart resumes, and resuming a little earlier replays batches harmlessly.
   */
  readonly checkpointIntervalMs?: number;
  readonly log?: (message: string) => void;
  /**
   * Asked before every batch is written: a projector under a lease (docs/decisions/0038) waits
   * while it may not write and drops the batch when stopped, so a holder that lost its lease
   * never writes after its expiry. Embedded: always true.
   */
  readonly mayWrite?: () => boolean;
}

/**
 * Catch-up subscription → batches → analytics inserts → checkpoint (DESIGN.md decision 7).
 * The checkpoint is written only after a batch's rows are in (into the analytics store itself,
 * docs/decisions/0008), so a crash replays at most one batch, whose rows carry the same
 * versions and deduplication tokens: exactly-once in effect. Two replicas may run at once:
 * both write identical rows, which FINAL collapses.
 */
export class Projector {
  private state: ProjectorState = 'stopped';
  /** The last position whose rows are in the analytics store; undefined until the first batch lands. */
  private storedCheckpoint: bigint | undefined;
  /** The last position written as the checkpoint row, and when (at most one write a second). */
  private persistedCheckpoint: bigint | undefined;
  private persistedAt = 0;
  private lastError: string | undefined;
  private caughtUp = false;
  private stopper = new AbortController();
  private running: Promise<void> | undefined;
  private readonly subscriberId: string;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly checkpointIntervalMs: number;
  private readonly log: (message: string) => void;
  private readonly mayWrite: () => boolean;
  private readonly positionWaiters = new PositionWaiters();
  private readonly checkpoints: ProjectionCheckpoints;
  private readonly earlier = new EarlierEventMemory();
  /** See readModelVersion. */
  private version: ReadModelVersion = { facts: 0, events: 0 };

  constructor(
    private readonly eventStore: EventStore,
    private readonly analytics: AnalyticsStore,
    options: ProjectorOptions = {},
  ) {
    this.subscriberId = options.subscriberId ?? DEFAULT_SUBSCRIBER_ID;
    this.batchSize = options.batchSize ?? 1000;
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 1000;
    this.log = options.log ?? (() => undefined);
    this.mayWrite = options.mayWrite ?? (() => true);
    this.checkpoints = new ProjectionCheckpoints(analytics);
  }

  start(): void {
    if (this.running !== undefined) return;
    this.anythingMayHaveChanged();
    this.stopper = new AbortController();
    this.state = 'starting';
    this.running = this.runUntilStopped();
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
    this.running = undefined;
    this.state = 'stopped';
    this.anythingMayHaveChanged();
  }

  /**
   * Counts that grow whenever the read models may have changed through this projector (see
   * ReadModelVersion). Unlike the checkpoint they never go back (a reload resumes from the
   * persisted checkpoint and replays), so an answer computed at one version is the answer as
   * long as it holds. They grow before `waitForPosition` resolves: a write answered
   * `projected: true` is always after them.
   */
  readModelVersion(): ReadModelVersion {
    return this.version;
  }

  /** Started, stopped (a rebuild runs in between) or reloaded: every table may differ. */
  private anythingMayHaveChanged(): void {
    this.version = { facts: this.version.facts + 1, events: this.version.events + 1 };
  }

  private get checkpoint(): bigint {
    return this.storedCheckpoint ?? 0n;
  }

  status(): ProjectorStatus {
    return {
      state: this.state,
      checkpoint: this.checkpoint,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  /** Events recorded but not yet projected. */
  lagEvents(cap = 1_000_000): Promise<number> {
    return this.eventStore.countEventsAfter(this.checkpoint, cap);
  }

  /** How long the oldest event not yet projected has been waiting, in seconds (0 when none). */
  lagSeconds(now: Date = new Date()): Promise<number> {
    return lagSecondsAfter(this.eventStore, this.checkpoint, now);
  }

  /** Resolves once everything up to `position` is queryable (read-your-writes for the API). */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.positionWaiters.wait(this.checkpoint, position, timeoutMs);
  }

  private async runUntilStopped(): Promise<void> {
    let attempt = 0;
    while (!this.stopper.signal.aborted) {
      try {
        await this.runSubscription(() => {
          attempt = 0;
        });
      } catch (error) {
        attempt += 1;
        this.fail(error, attempt);
        await sleep(backoffDelay(attempt), this.stopper.signal);
      }
    }
  }

  private async runSubscription(onProgress: () => void): Promise<void> {
    this.storedCheckpoint = await this.checkpoints.load(this.subscriberId);
    this.anythingMayHaveChanged();
    this.persistedCheckpoint = this.storedCheckpoint;
    this.caughtUp = false;
    this.state = 'catching_up';
    const subscription = this.eventStore.subscribeToAll({ fromPosition: this.checkpoint });
    const iterator = subscription[Symbol.asyncIterator]();
    let onStop: () => void = () => undefined;
    const stopped = new Promise<'stopped'>((resolve) => {
      onStop = () => resolve('stopped');
      this.stopper.signal.addEventListener('abort', onStop, { once: true });
    });
    let buffer: RecordedEvent[] = [];
    let pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;
    // The oldest buffered event waits at most flushIntervalMs: the deadline is set when the buffer
    // starts filling, not renewed by every event that follows (a steady stream would never flush).
    let flushAt = 0;
    try {
      for (;;) {
        pending ??= iterator.next();
        const delay = buffer.length > 0 ? cancellableDelay(Math.max(0, flushAt - Date.now())) : undefined;
        const timeout = delay?.elapsed.then(() => 'flush' as const);
        const next = await Promise.race([pending, stopped, ...(timeout ? [timeout] : [])]);
        delay?.cancel();
        if (next === 'stopped') return;
        if (next === 'flush') {
          buffer = await this.flush(buffer, onProgress);
          continue;
        }
        pending = undefined;
        if (next.done) return;
        const message = next.value;
        if (message.kind === 'event') {
          if (buffer.length === 0) flushAt = Date.now() + this.flushIntervalMs;
          buffer.push(message.event);
        }
        if (buffer.length >= this.batchSize || (message.kind === 'caughtUp' && buffer.length > 0))
          buffer = await this.flush(buffer, onProgress);
        if (message.kind === 'caughtUp') {
          this.caughtUp = true;
          this.state = 'live';
          this.log(`projector caught up at position ${this.checkpoint}`);
        }
      }
    } finally {
      this.stopper.signal.removeEventListener('abort', onStop);
      await subscription.close();
      await this.persistCheckpoint().catch((error: unknown) =>
        this.log(`projector: checkpoint not written on stop: ${String(error)}`),
      );
    }
  }

  /** Insert a batch, retrying with backoff until it lands or the projector stops; then checkpoint. */
  private async flush(batch: RecordedEvent[], onProgress: () => void): Promise<RecordedEvent[]> {
    const to = batch[batch.length - 1]!.position;
    let written: ReadonlySet<string> = new Set();
    for (let attempt = 1; ; attempt += 1) {
      // Asked again before every retry: a holder retrying a failing insert may have lost its lease meanwhile.
      while (!this.mayWrite()) {
        await sleep(LEASE_WAIT_MS, this.stopper.signal);
        if (this.stopper.signal.aborted) return batch;
      }
      try {
        written = await writeBatch(this.eventStore, this.analytics, batch, this.earlier);
        break;
      } catch (error) {
        this.fail(error, attempt);
        await sleep(backoffDelay(attempt), this.stopper.signal);
        if (this.stopper.signal.aborted) return batch;
      }
    }
    this.storedCheckpoint = to;
    const facts = [...written].some((table) => table !== EVENTS_TABLE.name);
    this.version = { facts: this.version.facts + (facts ? 1 : 0), events: this.version.events + 1 };
    if (Date.now() - this.persistedAt >= this.checkpointIntervalMs)
      await this.persistCheckpoint().catch((error: unknown) => this.fail(error, 1));
    this.lastError = undefined;
    this.state = this.caughtUp ? 'live' : 'catching_up';
    onProgress();
    this.positionWaiters.reached(to);
    return [];
  }

  /** Write the checkpoint row if the rows have moved past it. */
  private async persistCheckpoint(): Promise<void> {
    const projected = this.storedCheckpoint;
    if (projected === undefined || (this.persistedCheckpoint !== undefined && projected <= this.persistedCheckpoint))
      return;
    await this.checkpoints.save(this.subscriberId, projected);
    this.persistedCheckpoint = projected;
    this.persistedAt = Date.now();
  }

  private fail(error: unknown, attempt: number): void {
    this.state = 'retrying';
    this.lastError = error instanceof Error ? error.message : String(error);
    this.log(`projector retrying (attempt ${attempt}, next in ${backoffDelay(attempt)} ms): ${this.lastError}`);
  }
}
