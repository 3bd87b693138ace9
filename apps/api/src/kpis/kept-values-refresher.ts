import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  refreshKeptValues,
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
 * is computed as before: values are read only while current.
 */
@Injectable()
export class KeptValuesRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stopper = new AbortController();
  private running: Promise<void> | undefined;
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
    this.running = this.keepCurrent();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopper.abort();
    await this.running;
  }

  /** Where the kept values are: for /api/health and the bench, which waits for `current`. */
  current(): KeptValuesStatus {
    return this.status;
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
    let through: bigint | undefined;
    while (!this.stopper.signal.aborted) {
      await this.sleep(Math.max(POLL_MS, refreshedAt + COALESCE_MS - Date.now()));
      if (this.stopper.signal.aborted) return;
      const { state, checkpoint } = this.projector.status();
      if (state !== 'live' || checkpoint === through || (await this.projector.lagEvents(1)) > 0) continue;
      try {
        refreshedAt = Date.now();
        const report = await this.refresh(kept, checkpoint);
        if (!report.stopped) through = checkpoint;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (this.status.lastError !== message) console.log(`[kept KPI values] not refreshed: ${message}`);
        this.status = { ...this.status, state: 'behind', lastError: message };
      }
    }
  }

  private async refresh(kept: KeptKpiValues, checkpoint: bigint) {
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
      signal: this.stopper.signal,
    });
    if (report.computed > 100)
      console.log(
        `[kept KPI values] ${report.computed} KPI-periods computed in ${Date.now() - started} ms, current through ${checkpoint}`,
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

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.stopper.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}
