import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import {
  backoffDelay,
  refreshKeptValues,
  sleep,
  type AnalyticsStore,
  type FxRates,
  type KeptKpiValues,
  type ProjectionView,
  type RefreshProgress,
} from '@presales/analytics';
import { AnswerWarmUp } from '../answers/answer-warm-up.js';
import { CLOCK, FX_RATES, KEPT_KPI_VALUES, KPI_STORE, PROJECTOR, type Clock } from '../infrastructure/tokens.js';
import { KpiRegistry } from './kpi-registry.js';

/** How often the refresher looks whether the read models moved. */
const POLL_MS = 250;
/** The least time between two refreshes: writes arriving steadily are taken together. */
const COALESCE_MS = 1000;
/** How often the first fill says how far it is. */
const PROGRESS_EVERY_MS = 2000;
/** A refresh that failed is tried again after 1 s, 2 s, 4 s … up to a minute. */
const RETRY_MAX_MS = 60_000;
/** How long a shutdown waits for the refresh under way to reach the end of its statement group. */
const SHUTDOWN_WAIT_MS = 5000;
/** A refresh computing more KPI-periods than this says so when done (a first fill, a backdated import). */
const LARGE_REFRESH = 100;

export interface KeptValuesStatus {
  readonly state: 'off' | 'waiting' | 'filling' | 'current' | 'behind';
  readonly computed: number;
  readonly total: number;
  readonly through: string | null;
  readonly lastError: string | null;
}

/**
 * Keeps the KPI values per period current (decision 0054), in the background: after the first
 * view's warm-up, every catalog KPI's months and quarters are computed once (a store's first
 * start after the upgrade, with its progress in the log), then, each time the projector has
 * caught up with something new, the periods its rows can change. A manager's question meanwhile
 * is computed as before: values are read only while current. A rebuild pauses it (pause/resume):
 * the tables it keeps are dropped with the ones they are computed from.
 */
@Injectable()
export class KeptValuesRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly stopper = new AbortController();
  /** Aborted to stop the refresh under way between its statement groups (a pause, a shutdown). */
  private refreshStopper = new AbortController();
  private running: Promise<void> | undefined;
  private refreshing: Promise<unknown> | undefined;
  private paused = false;
  /** The checkpoint the last complete refresh brought the values to. */
  private through: bigint | undefined;
  private status: KeptValuesStatus = { state: 'waiting', computed: 0, total: 0, through: null, lastError: null };

  constructor(
    @Inject(KEPT_KPI_VALUES) private readonly kept: KeptKpiValues | undefined,
    @Inject(KPI_STORE) private readonly kpiStore: AnalyticsStore,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(FX_RATES) private readonly fx: FxRates,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: KpiRegistry,
    private readonly warmUp: AnswerWarmUp,
  ) {}

  onApplicationBootstrap(): void {
    // AnswerWarmUp is listed before this in ANSWER_PROVIDERS, so its warm-up has started: done() waits for it.
    this.running = this.keepCurrent().catch((error: unknown) =>
      console.log(`[kept KPI values] stopped: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /**
   * Before any store closes (their hooks run on application shutdown, after this one): a
   * statement sent to a closed store or SQL gate might never answer. The refresh under way stops
   * after its statement group; a group that does not finish in time is left to the process's exit.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopper.abort();
    this.refreshStopper.abort();
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
  }

  /** Where the kept values are: for /api/health and the bench, which waits for `current`. */
  current(): KeptValuesStatus {
    return this.status;
  }

  /** Stops refreshing (a rebuild is about to drop the tables); settles once no refresh is under way. */
  async pause(): Promise<void> {
    this.paused = true;
    this.refreshStopper.abort();
    await this.refreshing?.catch(() => undefined);
  }

  /** After a rebuild: the tables are new, so every value is computed again. */
  resume(): void {
    this.kept?.forget();
    this.through = undefined;
    this.status = { state: 'waiting', computed: 0, total: 0, through: null, lastError: null };
    this.paused = false;
  }

  private async keepCurrent(): Promise<void> {
    const kept = this.kept;
    if (kept === undefined) {
      this.status = { ...this.status, state: 'off' };
      return;
    }
    // The first view's answers first: a manager's first questions go before this work.
    await this.warmUp.done();
    let refreshedAt = 0;
    let failures = 0;
    while (!this.stopper.signal.aborted) {
      const wait = failures > 0 ? backoffDelay(failures, 1000, RETRY_MAX_MS) : refreshedAt + COALESCE_MS - Date.now();
      await sleep(Math.max(POLL_MS, wait), this.stopper.signal);
      if (this.stopper.signal.aborted) return;
      if (this.paused) continue;
      try {
        const { state, checkpoint } = this.projector.status();
        if (state !== 'live' || checkpoint === this.through || (await this.projector.lagEvents(1)) > 0) continue;
        refreshedAt = Date.now();
        this.refreshStopper = new AbortController();
        this.refreshing = this.refresh(kept, checkpoint, this.refreshStopper.signal);
        const report = await this.refreshing;
        if (!(report as { stopped: boolean }).stopped) this.through = checkpoint;
        failures = 0;
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        if (this.status.lastError !== message) console.log(`[kept KPI values] not refreshed: ${message}`);
        this.status = { ...this.status, state: 'behind', lastError: message };
      }
    }
  }

  private async refresh(kept: KeptKpiValues, checkpoint: bigint, signal: AbortSignal) {
    const now = this.clock();
    const definitions = await this.registry.definitions(now);
    let said = Date.now();
    const started = said;
    const onProgress = ({ computed, total }: RefreshProgress) => {
      this.status = { ...this.status, state: 'filling', computed, total };
      if (Date.now() - said < PROGRESS_EVERY_MS) return;
      said = Date.now();
      console.log(`[kept KPI values] ${computed} of ${total} KPI-periods computed`);
    };
    const report = await refreshKeptValues(this.kpiStore, kept, definitions, this.fx, {
      checkpoint,
      now,
      onProgress,
      signal,
    });
    if (report.computed > LARGE_REFRESH)
      console.log(
        `[kept KPI values] ${report.computed} KPI-periods computed in ${Date.now() - started} ms, ${report.stopped ? 'stopped before the end' : `current through ${checkpoint}`}`,
      );
    this.status = {
      state: report.stopped ? 'behind' : 'current',
      computed: report.computed,
      total: report.computed,
      through: report.stopped ? this.status.through : checkpoint.toString(),
      lastError: null,
    };
    return report;
  }
}
