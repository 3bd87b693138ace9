import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { KpiCatalogEntry, KpiUnitsResponse, ScorecardResponse, TendersReceivedResponse, TrendResponse } from '@presales/contracts';
import { IsoUtcTime, validate, ValidationError } from '@presales/domain';
import { z } from 'zod';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { GetTendersReceivedQuery } from './get-tenders-received.query.js';
import { kpiDefinition, kpiDefinitions } from './kpi-definitions.js';
import { parseKpiParams, periodParam, scopeParam } from './kpi-params.js';
import { GetKpiTrendQuery, GetKpiUnitsQuery, GetScorecardQuery } from './kpi.queries.js';

const TendersReceivedParams = z.object({ asOf: IsoUtcTime.optional() });

@Controller('api/kpis')
export class KpisController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The catalog: every KPI definition with its SQL. */
  @Get()
  catalog(@Query() params: unknown): KpiCatalogEntry[] {
    const { version } = parseKpiParams(params, 'GET /api/kpis');
    return kpiDefinitions(version).map((d) => ({
      id: d.id,
      version: d.version,
      names: d.names,
      description: d.description,
      unit: d.unit,
      direction: d.direction,
      area: d.area,
      defaultTarget: d.defaultTarget,
      tolerance: d.tolerance,
      weight: d.weight,
      aggregate: d.aggregate,
      sql: d.sql,
    }));
  }

  /** PDCA scorecard of every KPI for one period and scope, as of a moment. */
  @Get('scorecard')
  scorecard(@Query() params: unknown): Promise<ScorecardResponse> {
    const where = 'GET /api/kpis/scorecard';
    const p = parseKpiParams(params, where);
    return this.queryBus.execute(new GetScorecardQuery(kpiDefinitions(p.version), periodParam(p.period, where), scopeParam(p.scope, where), this.asOf(p.asOf), p.projectType));
  }

  /** Tenders received per month, from the analytics tables. */
  @Get('tenders-received')
  async tendersReceived(@Query() params: unknown): Promise<TendersReceivedResponse> {
    const { asOf } = validate(TendersReceivedParams, params, 'GET /api/kpis/tenders-received');
    const result = await this.queryBus.execute(new GetTendersReceivedQuery(asOf === undefined ? undefined : new Date(asOf)));
    return {
      metric: 'tenders_received',
      grain: 'month',
      asOf: asOf ?? null,
      points: result.points,
      total: result.points.reduce((sum, point) => sum + point.tenders, 0),
      trace: { sql: result.sql, events: "analytics table events WHERE type = 'TenderReceived'" },
    };
  }

  /** One KPI per period over a range (default: the last 24 months to asOf). */
  @Get(':id/trend')
  trend(@Param('id') id: string, @Query() params: unknown): Promise<TrendResponse> {
    const where = `GET /api/kpis/${id}/trend`;
    const p = parseKpiParams(params, where);
    const asOf = this.asOf(p.asOf);
    const to = p.to === undefined ? asOf : new Date(p.to);
    const from = p.from === undefined ? new Date(Date.UTC(to.getUTCFullYear() - 2, to.getUTCMonth() + 1, 1)) : new Date(p.from);
    if (from > to) throw new ValidationError(where, [{ path: 'from', value: p.from, rule: 'must not be after `to`' }]);
    return this.queryBus.execute(new GetKpiTrendQuery(kpiDefinition(id, p.version), from, to, p.grain, scopeParam(p.scope, where), asOf));
  }

  /** The units (opportunities, tenders, consultant-weeks…) behind one KPI value: the drill-down. */
  @Get(':id/units')
  units(@Param('id') id: string, @Query() params: unknown): Promise<KpiUnitsResponse> {
    const where = `GET /api/kpis/${id}/units`;
    const p = parseKpiParams(params, where);
    return this.queryBus.execute(new GetKpiUnitsQuery(kpiDefinition(id, p.version), periodParam(p.period, where), scopeParam(p.scope, where), this.asOf(p.asOf), p.limit));
  }

  private asOf(value: string | undefined): Date {
    return value === undefined ? this.clock() : new Date(value);
  }
}
