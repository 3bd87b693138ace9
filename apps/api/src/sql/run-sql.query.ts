import { Query } from '@nestjs/cqrs';
import type { AnalystResult } from '@presales/analytics';

export class RunSqlQuery extends Query<AnalystResult> {
  constructor(
    readonly sql: string,
    /** Whose query it is, for the per-caller limit: the acting principal's id. */
    readonly callerId: string,
  ) {
    super();
  }
}
