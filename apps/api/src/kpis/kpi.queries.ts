import { Query } from '@nestjs/cqrs';
import type { KpiScope, LiveClock } from '@presales/analytics';
import type { KpiUnitsResponse, ScorecardResponse, TrendResponse } from '@presales/contracts';
import type { Grain, PublishedKpi, Period, ProjectType } from '@presales/kpi';

export class GetScorecardQuery extends Query<ScorecardResponse> {
  constructor(
    readonly definitions: readonly PublishedKpi[],
    readonly period: Period,
    readonly scope: KpiScope,
    readonly asOf: Date,
    readonly projectType: ProjectType | undefined,
    /** Asked for no asOf: a live answer (decision 0017). */
    readonly live: LiveClock | undefined,
  ) {
    super();
  }
}

export class GetKpiTrendQuery extends Query<TrendResponse> {
  constructor(
    readonly definition: PublishedKpi,
    readonly from: Date,
    readonly to: Date,
    readonly grain: Grain,
    readonly scope: KpiScope,
    readonly asOf: Date,
    /** Asked for no asOf: a live answer (decision 0017). */
    readonly live: LiveClock | undefined,
  ) {
    super();
  }
}

export class GetKpiUnitsQuery extends Query<KpiUnitsResponse> {
  constructor(
    readonly definition: PublishedKpi,
    readonly period: Period,
    readonly scope: KpiScope,
    readonly asOf: Date,
    readonly projectType: ProjectType | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
