import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { MaturityResponse } from '@presales/contracts';
import { formatPeriod, MATURITY_PRACTICES, periodContaining, type ProcessArea } from '@presales/kpi';
import { AnswerCache, mayReadEventsTable } from '../answers/answer-cache.js';
import { KpiRegistry } from '../kpis/kpi-registry.js';
import { questionOf } from '../answers/question.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { GetMaturityQuery } from './get-maturity.query.js';

/** A maturity assessment asked for; `asOf` undefined = as of now. */
export interface MaturityAsked {
  readonly asOf: Date | undefined;
  readonly windowQuarters: number;
  readonly threshold: number;
  readonly areas?: readonly ProcessArea[] | undefined;
}

/**
 * Maturity as the API answers it, once per state of the read models (decision 0029). Asked for
 * no asOf, it is as of now, and its window is the quarters before now's: the same question while
 * nothing new is projected, in the same quarter, has the same answer, the moment it reports
 * being when it was computed.
 */
@Injectable()
export class MaturityAnswers {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly cache: AnswerCache,
    private readonly registry: KpiRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  assess(asked: MaturityAsked): Promise<MaturityResponse> {
    const now = this.clock();
    const asOf = asked.asOf ?? now;
    const parameters = {
      window: asked.windowQuarters,
      threshold: asked.threshold,
      areas: asked.areas?.join(','),
      // Live, the window moves with the quarter of the moment asked.
      quarter: asked.asOf === undefined ? formatPeriod(periodContaining(now, 'quarter')) : undefined,
    };
    return this.cache.answer(questionOf('maturity', parameters, asked.asOf, now), async (read) => {
      const definitions = await this.registry.definitions(asOf);
      if ([...definitions, ...MATURITY_PRACTICES].some((template) => mayReadEventsTable(template.sql))) read.eventsTable();
      return this.queryBus.execute(new GetMaturityQuery(asOf, asked.windowQuarters, asked.threshold, asked.areas, definitions));
    });
  }
}
