import type { EventStore } from '@presales/event-store';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { lagSecondsAfter, PositionWaiters } from './position-waiters.js';
import { ProjectionCheckpoints } from './projection-checkpoints.js';
import { DEFAULT_SUBSCRIBER_ID, type Projector, type ProjectorStatus, type ReadModelVersion } from './projector.js';

/** What the API reads of the projection, whether the projector runs in its process or not. */
export type ProjectionView = Pick<
  Projector,
  'start' | 'stop' | 'status' | 'lagEvents' | 'lagSeconds' | 'waitForPosition' | 'readModelVersion'
>;

/** How often the API looks at the checkpoint a projector elsewhere writes. */
const DEFAULT_POLL_MS = 200;
/**
 * Events behind the checkpoint beyond which the projector elsewhere is taken to be replaying
 * (a rebuild, a first start, a projector back after a long stop), so KPI reads refuse and health
 * says degraded, as they do beside a local projector that replays (decision 0028). A live one is
 * a batch or two behind at most.
 */
const REPLAYING_LAG_EVENTS = 2_000;

/**
 * The projection as seen by an API that runs no projector (PROJECTOR=off, docs/decisions/0038):
 * it knows only the checkpoint row the projector writes after a batch's rows are in (decision
 * 0008), so a write is answered `projected: true` only once that row reaches its position, and
 * the read-model version grows whenever the checkpoint moves (answers cached before are dropped).
 */
export class RemoteProjection implements ProjectionView {
  private checkpoint = 0n;
  private version: ReadModelVersion = { facts: 0, events: 0 };
  private lastError: string | undefined;
  private polled = false;
  /** Events recorded after the checkpoint, counted up to REPLAYING_LAG_EVENTS + 1 at the last poll. */
  private behind = 0;
  /** One poll at a time: a slow store's late answer must not move the checkpoint back. */
  private polling = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly checkpoints: ProjectionCheckpoints;
  private readonly waiters = new PositionWaiters();

  constructor(
    private readonly eventStore: EventStore,
    analytics: AnalyticsStore,
    private readonly pollMs = DEFAULT_POLL_MS,
  ) {
    this.checkpoints = new ProjectionCheckpoints(analytics);
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.version = { facts: this.version.facts + 1, events: this.version.events + 1 };
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    void this.poll();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  status(): ProjectorStatus {
    const state =
      this.lastError !== undefined
        ? 'retrying'
        : this.timer === undefined
          ? 'stopped'
          : !this.polled
            ? 'starting'
            : this.behind > REPLAYING_LAG_EVENTS
              ? 'catching_up'
              : 'live';
    return {
      state,
      checkpoint: this.checkpoint,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  lagEvents(cap = 1_000_000): Promise<number> {
    return this.eventStore.countEventsAfter(this.checkpoint, cap);
  }

  lagSeconds(now: Date = new Date()): Promise<number> {
    return lagSecondsAfter(this.eventStore, this.checkpoint, now);
  }

  readModelVersion(): ReadModelVersion {
    return this.version;
  }

  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.waiters.wait(this.checkpoint, position, timeoutMs);
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const checkpoint = (await this.checkpoints.load(DEFAULT_SUBSCRIBER_ID)) ?? 0n;
      this.behind = await this.eventStore.countEventsAfter(checkpoint, REPLAYING_LAG_EVENTS + 1);
      this.lastError = undefined;
      this.polled = true;
      // A rebuild elsewhere empties the tables: the checkpoint may go back, and every answer is stale.
      if (checkpoint !== this.checkpoint)
        this.version = { facts: this.version.facts + 1, events: this.version.events + 1 };
      this.checkpoint = checkpoint;
      this.waiters.reached(checkpoint);
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
    } finally {
      this.polling = false;
    }
  }
}
