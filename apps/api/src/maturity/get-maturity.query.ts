import { Query } from '@nestjs/cqrs';
import type { MaturityResponse } from '@presales/contracts';
import type { PublishedKpi, ProcessArea } from '@presales/kpi';

export class GetMaturityQuery extends Query<MaturityResponse> {
  constructor(
    readonly asOf: Date,
    readonly windowQuarters: number,
    readonly threshold: number,
    readonly areas: readonly ProcessArea[] | undefined,
    /** The definitions in force as of asOf (KpiRegistry). */
    readonly definitions: readonly PublishedKpi[],
  ) {
    super();
  }
}
