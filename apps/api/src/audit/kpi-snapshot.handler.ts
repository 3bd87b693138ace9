import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AnalyticsStore, ProjectionView } from '@presales/analytics';
import { kpiSnapshotAsOf } from '@presales/audit';
import type { EventStore } from '@presales/event-store';
import { KPI_STORE, CLOCK, EVENT_STORE, PROJECTOR, type Clock } from '../infrastructure/tokens.js';
import { GetKpiSnapshotQuery } from './audit.queries.js';

/** The scorecard and maturity as they were at asOf, once the tables hold every event recorded by then. */
@QueryHandler(GetKpiSnapshotQuery)
export class GetKpiSnapshotHandler implements IQueryHandler<GetKpiSnapshotQuery> {
  constructor(
    @Inject(KPI_STORE) private readonly analytics: AnalyticsStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request }: GetKpiSnapshotQuery) {
    const progress = {
      headPosition: async () => (await this.eventStore.health()).headPosition,
      waitForPosition: (position: bigint, timeoutMs: number) => this.projector.waitForPosition(position, timeoutMs),
    };
    const answer = await kpiSnapshotAsOf(this.analytics, progress, this.clock(), request);
    return { body: answer, streams: [], answerSha256: answer.sha256 };
  }
}
