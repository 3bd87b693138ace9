import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { tendersReceivedByMonth, type AnalyticsStore } from '@presales/analytics';
import { ANALYTICS_STORE } from '../infrastructure/tokens.js';
import { GetTendersReceivedQuery } from './get-tenders-received.query.js';

@QueryHandler(GetTendersReceivedQuery)
export class GetTendersReceivedHandler implements IQueryHandler<GetTendersReceivedQuery> {
  constructor(@Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore) {}

  execute({ asOf }: GetTendersReceivedQuery) {
    return tendersReceivedByMonth(this.analytics, asOf === undefined ? {} : { asOf });
  }
}
