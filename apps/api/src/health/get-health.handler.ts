import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AnalyticsStore, ProjectionView } from '@presales/analytics';
import type { HealthResponse } from '@presales/contracts';
import type { EventStore } from '@presales/event-store';
import { ANALYTICS_STORE, EVENT_STORE, PROJECTOR } from '../infrastructure/tokens.js';
import { GetHealthQuery } from './get-health.query.js';
import { KeptValuesRefresher } from '../kpis/kept-values-refresher.js';

/** Asks each engine itself; a failing engine makes the platform `degraded`, never a 500. */
@QueryHandler(GetHealthQuery)
export class GetHealthHandler implements IQueryHandler<GetHealthQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    private readonly keptValues: KeptValuesRefresher,
  ) {}

  async execute(): Promise<HealthResponse> {
    const [eventStore, version, shards, lagEvents, lagSeconds] = await Promise.all([
      this.eventStore.health().then(
        (h) => ({ engine: h.engine, ok: true, headPosition: h.headPosition.toString() }),
        (e: unknown) => ({ engine: this.eventStore.engine, ok: false, error: message(e) }),
      ),
      this.analytics.serverVersion().then(
        (version) => ({ engine: this.analytics.engine, ok: true, version }),
        (e: unknown) => ({ engine: this.analytics.engine, ok: false, error: message(e) }),
      ),
      this.shards(),
      this.projector.lagEvents().catch(() => -1),
      this.projector.lagSeconds().catch(() => -1),
    ]);
    const analyticsStore = withShards(version, shards);
    const status = this.projector.status();
    const projector = {
      state: status.state,
      checkpoint: status.checkpoint.toString(),
      lagEvents,
      lagSeconds: Math.round(lagSeconds * 1000) / 1000,
      ...(status.lastError === undefined ? {} : { lastError: status.lastError }),
    };
    // Replaying with events waiting: KPI reads are refused meanwhile (read-models-complete), and health says so (decision 0028).
    const replaying = (status.state === 'starting' || status.state === 'catching_up') && lagEvents !== 0;
    const ok =
      eventStore.ok && analyticsStore.ok && !replaying && status.state !== 'retrying' && status.state !== 'stopped';
    // Kept values behind only make answers slower, never wrong: not a reason to be degraded.
    const keptKpiValues = this.keptValues.current();
    return { status: ok ? 'ok' : 'degraded', eventStore, analyticsStore, projector, keptKpiValues };
  }

  /** On a cluster, each shard with its replicas; undefined on one node, or when the node in use cannot list them. */
  private async shards(): Promise<HealthResponse['analyticsStore']['shards']> {
    if (this.analytics.shardHealth === undefined) return undefined;
    const shards = await this.analytics.shardHealth().catch(() => undefined);
    return shards?.map(({ shard, replicas }) => ({
      shard,
      ok: replicas.some((replica) => replica.ok),
      replicas: replicas.map(({ address, ok }) => ({ address, ok })),
    }));
  }
}

/** A shard with no replica up makes the store not ok, named: a KPI read now would lack its rows. */
function withShards(
  store: HealthResponse['analyticsStore'],
  shards: HealthResponse['analyticsStore']['shards'],
): HealthResponse['analyticsStore'] {
  if (shards === undefined) return store;
  const down = shards.filter((shard) => !shard.ok);
  if (down.length === 0) return { ...store, shards };
  const named = down
    .map(
      (shard) =>
        `shard ${shard.shard} has no replica up (${shard.replicas.map((replica) => replica.address).join(', ')})`,
    )
    .join('; ');
  return { ...store, ok: false, error: store.error === undefined ? named : `${store.error}; ${named}`, shards };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
