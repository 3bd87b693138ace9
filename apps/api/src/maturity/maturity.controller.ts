import { SignedIn } from '../auth/access/access-rule.js';
import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ReadModelsCompleteInterceptor } from '../kpis/read-models-complete.interceptor.js';
import { SendKeptAnswerInterceptor } from '../answers/send-kept-answer.interceptor.js';
import type { MaturityResponse } from '@presales/contracts';
import { IsoUtcTime, validate } from '@presales/domain';
import { DEFAULT_PRACTICE_THRESHOLD, PROCESS_AREAS } from '@presales/kpi';
import { z } from 'zod';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { givenAsOfParam } from '../infrastructure/as-of-param.js';
import { MaturityAnswers } from './maturity-answers.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

const MaturityParams = z.object({
  asOf: IsoUtcTime.optional(),
  window: z.coerce.number().int().min(1, 'must be at least 1 quarter').max(8, 'must be at most 8 quarters').default(2),
  threshold: z.coerce.number().gt(0, 'must be above 0').max(1, 'must be at most 1').default(DEFAULT_PRACTICE_THRESHOLD),
});
const AreaParam = z.object({ area: z.enum(PROCESS_AREAS) });

/** Maturity level per process area (KPIS.md): the window is the last `window` quarters before asOf. */
@Controller('api/maturity')
@SignedIn()
@UseInterceptors(ReadModelsCompleteInterceptor, SendKeptAnswerInterceptor)
export class MaturityController {
  constructor(
    private readonly answers: MaturityAnswers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Published({ query: MaturityParams, response: answers.MaturityResponse })
  all(@Query() params: unknown): Promise<MaturityResponse> {
    const where = 'GET /api/maturity';
    const p = validate(MaturityParams, params, where);
    const asOf = givenAsOfParam(p.asOf, this.clock, where);
    return this.answers.assess({ asOf, windowQuarters: p.window, threshold: p.threshold });
  }

  /** One area with every practice and its failing units: the drill-down. */
  @Get(':area')
  @Published({ params: AreaParam, query: MaturityParams, response: answers.MaturityResponse })
  area(@Param('area') area: string, @Query() params: unknown): Promise<MaturityResponse> {
    const where = `GET /api/maturity/${area}`;
    const p = validate(MaturityParams, params, where);
    const { area: parsed } = validate(AreaParam, { area }, where);
    const asOf = givenAsOfParam(p.asOf, this.clock, where);
    return this.answers.assess({ asOf, windowQuarters: p.window, threshold: p.threshold, areas: [parsed] });
  }
}
