import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  buildScorecard,
  buildTrend,
  formatScope,
  kpiUnits,
  type AnalyticsStore,
  type FxRates,
  type KeptKpiValues,
} from '@presales/analytics';
import { formatPeriod } from '@presales/kpi';
import { KPI_STORE, FX_RATES, KEPT_KPI_VALUES } from '../infrastructure/tokens.js';
import { GetKpiTrendQuery, GetKpiUnitsQuery, GetScorecardQuery } from './kpi.queries.js';

@QueryHandler(GetScorecardQuery)
export class GetScorecardHandler implements IQueryHandler<GetScorecardQuery> {
  constructor(
    @Inject(KPI_STORE) private readonly analytics: AnalyticsStore,
    @Inject(FX_RATES) private readonly fx: FxRates,
    @Inject(KEPT_KPI_VALUES) private readonly kept: KeptKpiValues | undefined,
  ) {}

  execute({ definitions, period, scope, asOf, projectType, live }: GetScorecardQuery) {
    return buildScorecard(this.analytics, {
      definitions,
      period,
      scope,
      asOf,
      fx: this.fx,
      ...(this.kept === undefined ? {} : { kept: this.kept }),
      ...(projectType === undefined ? {} : { projectType }),
      ...(live === undefined ? {} : { live }),
    });
  }
}

@QueryHandler(GetKpiTrendQuery)
export class GetKpiTrendHandler implements IQueryHandler<GetKpiTrendQuery> {
  constructor(
    @Inject(KPI_STORE) private readonly analytics: AnalyticsStore,
    @Inject(FX_RATES) private readonly fx: FxRates,
    @Inject(KEPT_KPI_VALUES) private readonly kept: KeptKpiValues | undefined,
  ) {}

  execute({ live, ...query }: GetKpiTrendQuery) {
    return buildTrend(this.analytics, {
      ...query,
      fx: this.fx,
      ...(this.kept === undefined ? {} : { kept: this.kept }),
      ...(live === undefined ? {} : { live }),
    });
  }
}

@QueryHandler(GetKpiUnitsQuery)
export class GetKpiUnitsHandler implements IQueryHandler<GetKpiUnitsQuery> {
  constructor(
    @Inject(KPI_STORE) private readonly analytics: AnalyticsStore,
    @Inject(FX_RATES) private readonly fx: FxRates,
  ) {}

  async execute({ definition, period, scope, asOf, projectType, limit }: GetKpiUnitsQuery) {
    const query = {
      definition,
      period,
      scope,
      asOf,
      fx: this.fx,
      ...(projectType === undefined ? {} : { projectType }),
    };
    const { units, truncated, sql } = await kpiUnits(this.analytics, query, limit);
    return {
      kpiId: definition.id,
      period: formatPeriod(period),
      scope: formatScope(scope),
      asOf: asOf.toISOString(),
      projectType: projectType ?? null,
      units,
      truncated,
      sql,
    };
  }
}
