import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { MaturityResponse } from '@presales/contracts';
import { formatPeriod, MATURITY_PRACTICES, periodContaining, type ProcessArea } from '@presales/kpi';
import { KeptAnswers } from '../answers/kept-answers.js';
import { KpiRegistry } from '../kpis/kpi-registry.js';
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
    private readonly answers: KeptAnswers,
    private readonly registry: KpiRegistry,
  ) {}

  assess(asked: MaturityAsked): Promise<MaturityResponse> {
    const parameters = (moment: Date) => ({
      window: asked.windowQuarters,
      threshold: asked.threshold,
      areas: asked.areas?.join(','),
      // Live, the window moves with the quarter of the moment asked.
      quarter: asked.asOf === undefined ? formatPeriod(periodContaining(moment, 'quarter')) : undefined,
    });
    return this.answers.answer('maturity', asked.asOf, parameters, async ({ asOf, runs }) => {
      const definitions = await this.registry.definitions(asOf);
      runs([...definitions, ...MATURITY_PRACTICES]);
      return this.queryBus.execute(
        new GetMaturityQuery(asOf, asked.windowQuarters, asked.threshold, asked.areas, definitions),
      );
    });
  }
}
