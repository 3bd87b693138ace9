import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { recordedThrough, type AnalyticsStore, type ProjectionView } from '@presales/analytics';
import {
  DEFAULT_PRACTICE_THRESHOLD,
  periodBounds,
  periodContaining,
  previousPeriod,
  shiftPeriod,
  type Grain,
  type Period,
} from '@presales/kpi';
import { CLOCK, KPI_STORE, PROJECTOR, type Clock } from '../infrastructure/tokens.js';
import { KpiAnswers } from '../kpis/kpi-answers.js';
import { MaturityAnswers } from '../maturity/maturity-answers.js';

/** The overview's sparkline of a KPI: the period and the five before it, at its grain. */
function sparklineSpan(period: Period): { from: Date; to: Date; grain: Grain } {
  return {
    from: periodBounds(shiftPeriod(period, -5)).start,
    to: new Date(periodBounds(period).end.getTime() - 1),
    grain: period.grain,
  };
}

/** How often the warm-up looks whether the projector has caught up. */
const POLL_MS = 200;

/**
 * The first questions a manager asks after a start — the dashboard's first view: the org's
 * scorecard of the previous complete quarter, live, maturity over the default window, and the
 * overview's sparklines (each KPI over that quarter and the five before) — asked
 * by the platform itself once the projector has caught up, in the background (decision 0029).
 * Their answers are then kept (AnswerCache), and the engine has read every table once. A manager
 * who asks meanwhile waits for the same computation rather than starting another one; an answer
 * asked for before the projector caught up is computed on what is projected, as always.
 */
@Injectable()
export class AnswerWarmUp implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  private warming: Promise<void> | undefined;

  constructor(
    private readonly kpis: KpiAnswers,
    private readonly maturity: MaturityAnswers,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(KPI_STORE) private readonly analytics: AnalyticsStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.warming = this.warm().catch((error: unknown) =>
      console.log(`[warm-up] not done: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.warming;
  }

  /** Settles when the first view's answers are computed (or the platform stops first). */
  done(): Promise<void> {
    return this.warming ?? Promise.resolve();
  }

  private async warm(): Promise<void> {
    if (!(await this.caughtUp())) return;
    // A live answer is kept only if nothing held was recorded after it was asked, to the second
    // (AnswerCache): asked in the second of the last event projected, it would be computed for nothing.
    const wait = (await recordedThrough(this.analytics)) + 1 - this.clock().getTime();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref());
    const started = Date.now();
    const quarter = previousPeriod(periodContaining(this.clock(), 'quarter'));
    const [card] = await Promise.all([
      this.kpis.scorecard({ period: quarter, scope: { kind: 'org' }, asOf: undefined }),
      this.maturity.assess({ asOf: undefined, windowQuarters: 2, threshold: DEFAULT_PRACTICE_THRESHOLD }),
    ]);
    // Then the overview's sparklines, one KPI after the other: a manager's questions go first.
    for (const line of card.lines) {
      if (this.stopped) return;
      await this.kpis.trend({ kpiId: line.kpiId, ...sparklineSpan(quarter), scope: { kind: 'org' }, asOf: undefined });
    }
    console.log(
      `[warm-up] the first view (scorecard, maturity, ${card.lines.length} sparklines) answered in ${Date.now() - started} ms`,
    );
  }

  /** Whether the projector caught up with the event store before the platform stopped. */
  private async caughtUp(): Promise<boolean> {
    while (!this.stopped) {
      if (this.projector.status().state === 'live' && (await this.projector.lagEvents(1)) === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS).unref());
    }
    return false;
  }
}
