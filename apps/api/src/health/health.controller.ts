import { Public } from '../auth/access/access-rule.js';
import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { HealthResponse } from '@presales/contracts';
import type { Response } from 'express';
import { GetHealthQuery } from './get-health.query.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

@Controller('api/health')
export class HealthController {
  constructor(private readonly queryBus: QueryBus) {}

  /** 200 when every engine answers and the projector is running, 503 otherwise. */
  @Get()
  @Published({ response: answers.HealthResponse })
  @Public('load balancers and monitors probe it without credentials; it shows no data, only engine states and lag')
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const health = await this.queryBus.execute(new GetHealthQuery());
    response.status(health.status === 'ok' ? 200 : 503);
    return health;
  }
}
