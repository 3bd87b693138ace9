import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { rebuildReadModels, type AnalyticsStore, type ProjectionView } from '@presales/analytics';
import type { RebuildStatus } from '@presales/contracts';
import type { EventStore } from '@presales/event-store';
import { ddlTargetOf, type AppConfig } from '@presales/platform-config';
import { ANALYTICS_STORE, APP_CONFIG, EVENT_STORE, PROJECTOR } from '../infrastructure/tokens.js';
import { KeptValuesRefresher } from '../kpis/kept-values-refresher.js';

/**
 * Rebuilds every read model inside the platform process: in embedded mode chDB's folder belongs
 * to this process, so a separate `presales rebuild` process could not open it. The live
 * projector is stopped for the duration and started again afterwards, from the new checkpoint;
 * so is the refresh of the kept KPI values, whose tables are dropped too (decision 0054).
 */
@Injectable()
export class RebuildService {
  private status: RebuildStatus = { state: 'idle', projected: 0, total: 0, position: '0', elapsedMs: 0 };

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keptValues: KeptValuesRefresher,
  ) {}

  current(): RebuildStatus {
    return this.status;
  }

  start(): RebuildStatus {
    if (this.status.state === 'running') throw new ConflictException('a rebuild is already running');
    // Dropping the tables under a projector in another process would race its writes (decision 0038).
    if (this.config.projector === 'off') {
      throw new ConflictException(
        'PROJECTOR=off: the projector runs in its own process; stop every `presales projector` and rebuild from a platform that runs it (PROJECTOR=embedded)',
      );
    }
    this.status = { state: 'running', projected: 0, total: 0, position: '0', elapsedMs: 0 };
    void this.run();
    return this.status;
  }

  private async run(): Promise<void> {
    try {
      await this.keptValues.pause();
      await this.projector.stop();
      const done = await rebuildReadModels(this.eventStore, this.analytics, {
        target: ddlTargetOf(this.config.analytics),
        onProgress: (p) =>
          (this.status = {
            state: 'running',
            projected: p.projected,
            total: p.total,
            position: p.position.toString(),
            elapsedMs: p.elapsedMs,
          }),
      });
      this.status = {
        state: 'done',
        projected: done.projected,
        total: done.total,
        position: done.position.toString(),
        elapsedMs: done.elapsedMs,
      };
    } catch (error) {
      this.status = { ...this.status, state: 'failed', error: error instanceof Error ? error.message : String(error) };
    } finally {
      this.projector.start();
      this.keptValues.resume();
    }
  }
}
