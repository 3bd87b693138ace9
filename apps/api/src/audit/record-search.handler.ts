import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { searchRecords, type AnalyticsStore } from '@presales/analytics';
import type { RecordSearchResponse } from '@presales/contracts';
import { streamName } from '@presales/domain';
import { ANALYTICS_STORE } from '../infrastructure/tokens.js';
import type { AuditedAnswer } from './audit-trail.js';

export interface RecordSearchRequest {
  readonly q: string;
  /** From 1. */
  readonly page: number;
  readonly pageSize: number;
}

export class SearchRecordsQuery extends Query<AuditedAnswer<RecordSearchResponse>> {
  constructor(readonly search: RecordSearchRequest) {
    super();
  }
}

/**
 * Finds the bids a dispute may be about. The analytics tables only point at them; the audit log
 * lists the tender streams pointed at, as it lists the streams of any other audit answer.
 */
@QueryHandler(SearchRecordsQuery)
export class SearchRecordsHandler implements IQueryHandler<SearchRecordsQuery> {
  constructor(@Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore) {}

  async execute({ search }: SearchRecordsQuery) {
    const found = await searchRecords(this.analytics, {
      text: search.q,
      offset: (search.page - 1) * search.pageSize,
      limit: search.pageSize,
    });
    return {
      body: { q: search.q, page: search.page, pageSize: search.pageSize, tenders: found.tenders, more: found.more },
      streams: found.tenders.map((tender) => streamName('tender', tender.tenderId)),
    };
  }
}
