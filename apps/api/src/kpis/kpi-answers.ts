import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { formatScope, type KpiScope } from '@presales/analytics';
import type { ScorecardResponse, TrendResponse } from '@presales/contracts';
import { formatPeriod, periodsBetween, type Grain, type Period, type ProjectType } from '@presales/kpi';
import { KeptAnswers } from '../answers/kept-answers.js';
import { KnownScopes } from './known-scopes.js';
import { KpiRegistry } from './kpi-registry.js';
import { GetKpiTrendQuery, GetScorecardQuery } from './kpi.queries.js';

/** A scorecard asked for; `asOf` undefined = live (decision 0017). */
export interface ScorecardAsked {
  readonly period: Period;
  readonly scope: KpiScope;
  readonly asOf: Date | undefined;
  readonly projectType?: ProjectType | undefined;
  readonly version?: number | undefined;
}

export interface TrendAsked {
  readonly kpiId: string;
  readonly from: Date;
  readonly to: Date;
  readonly grain: Grain;
  readonly scope: KpiScope;
  readonly asOf: Date | undefined;
  readonly version?: number | undefined;
}

/**
 * Scorecards and trends as the API answers them: the scope checked, the definitions in force,
 * the KPIs computed — once per state of the read models (KeptAnswers, decision 0029).
 */
@Injectable()
export class KpiAnswers {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly registry: KpiRegistry,
    private readonly scopes: KnownScopes,
    private readonly answers: KeptAnswers,
  ) {}

  scorecard(asked: ScorecardAsked): Promise<ScorecardResponse> {
    const parameters = () => ({
      period: formatPeriod(asked.period),
      scope: formatScope(asked.scope),
      projectType: asked.projectType,
      version: asked.version,
    });
    return this.answers.answer('scorecard', asked.asOf, parameters, async ({ asOf, live, runs }) => {
      await this.scopes.assertKnown(asked.scope, asOf);
      const definitions = await this.registry.definitions(asOf, asked.version);
      runs(definitions);
      return this.queryBus.execute(
        new GetScorecardQuery(definitions, asked.period, asked.scope, asOf, asked.projectType, live),
      );
    });
  }

  /** A trend depends on its range through the periods it spans only. */
  trend(asked: TrendAsked): Promise<TrendResponse> {
    const periods = periodsBetween(asked.from, asked.to, asked.grain);
    const span =
      periods.length === 0 ? 'none' : `${formatPeriod(periods[0]!)}..${formatPeriod(periods[periods.length - 1]!)}`;
    const parameters = () => ({
      kpi: asked.kpiId,
      periods: span,
      grain: asked.grain,
      scope: formatScope(asked.scope),
      version: asked.version,
    });
    return this.answers.answer('trend', asked.asOf, parameters, async ({ asOf, live, runs }) => {
      await this.scopes.assertKnown(asked.scope, asOf);
      const definition = await this.registry.definition(asked.kpiId, asOf, asked.version);
      runs([definition]);
      return this.queryBus.execute(
        new GetKpiTrendQuery(definition, asked.from, asked.to, asked.grain, asked.scope, asOf, live),
      );
    });
  }
}
