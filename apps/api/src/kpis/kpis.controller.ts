import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { TendersReceivedResponse } from '@presales/contracts';
import { IsoUtcTime, validate } from '@presales/domain';
import { z } from 'zod';
import { GetTendersReceivedQuery } from './get-tenders-received.query.js';

const TendersReceivedParams = z.object({ asOf: IsoUtcTime.optional() });

@Controller('api/kpis')
export class KpisController {
  constructor(private readonly queryBus: QueryBus) {}

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
}
