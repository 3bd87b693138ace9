import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { formatScope, type KpiScope } from '@presales/analytics';
import type { ScorecardResponse, TrendResponse } from '@presales/contracts';
import { formatPeriod, periodsBetween, type Grain, type Period, type ProjectType } from '@presales/kpi';
import { AnswerCache, mayReadEventsTable } from '../answers/answer-cache.js';
import { questionOf } from '../answers/question.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
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
 * the KPIs computed — once per state of the read models (AnswerCache, decision 0029).
 */
@Injectable()
export class KpiAnswers {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly registry: KpiRegistry,
    private readonly scopes: KnownScopes,
    private readonly cache: AnswerCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  scorecard(asked: ScorecardAsked): Promise<ScorecardResponse> {
    const now = this.clock();
    const asOf = asked.asOf ?? now;
    const parameters = { period: formatPeriod(asked.period), scope: formatScope(asked.scope), projectType: asked.projectType, version: asked.version };
    return this.cache.answer(questionOf('scorecard', parameters, asked.asOf, now), async (read) => {
      await this.scopes.assertKnown(asked.scope, asOf);
      const definitions = await this.registry.definitions(asOf, asked.version);
      if (definitions.some((definition) => mayReadEventsTable(definition.sql))) read.eventsTable();
      return this.queryBus.execute(new GetScorecardQuery(definitions, asked.period, asked.scope, asOf, asked.projectType, asked.asOf === undefined ? this.clock : undefined));
    });
  }

  /** A trend depends on its range through the periods it spans only. */
  trend(asked: TrendAsked): Promise<TrendResponse> {
    const now = this.clock();
    const asOf = asked.asOf ?? now;
    const periods = periodsBetween(asked.from, asked.to, asked.grain);
    const span = periods.length === 0 ? 'none' : `${formatPeriod(periods[0]!)}..${formatPeriod(periods[periods.length - 1]!)}`;
    const parameters = { kpi: asked.kpiId, periods: span, grain: asked.grain, scope: formatScope(asked.scope), version: asked.version };
    return this.cache.answer(questionOf('trend', parameters, asked.asOf, now), async (read) => {
      await this.scopes.assertKnown(asked.scope, asOf);
      const definition = await this.registry.definition(asked.kpiId, asOf, asked.version);
      if (mayReadEventsTable(definition.sql)) read.eventsTable();
      return this.queryBus.execute(new GetKpiTrendQuery(definition, asked.from, asked.to, asked.grain, asked.scope, asOf, asked.asOf === undefined ? this.clock : undefined));
    });
  }
}
