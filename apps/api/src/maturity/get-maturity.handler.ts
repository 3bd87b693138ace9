import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assessMaturity, type AnalyticsStore, type FxRates } from '@presales/analytics';
import { KPI_STORE, FX_RATES } from '../infrastructure/tokens.js';
import { GetMaturityQuery } from './get-maturity.query.js';

@QueryHandler(GetMaturityQuery)
export class GetMaturityHandler implements IQueryHandler<GetMaturityQuery> {
  constructor(
    @Inject(KPI_STORE) private readonly analytics: AnalyticsStore,
    @Inject(FX_RATES) private readonly fx: FxRates,
  ) {}

  execute({ asOf, windowQuarters, threshold, areas, definitions }: GetMaturityQuery) {
    return assessMaturity(this.analytics, {
      asOf,
      windowQuarters,
      threshold,
      definitions,
      fx: this.fx,
      ...(areas === undefined ? {} : { areas }),
    });
  }
}
