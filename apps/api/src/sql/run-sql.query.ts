import { Query } from '@nestjs/cqrs';
import type { AnalystResult } from '@presales/analytics';

export class RunSqlQuery extends Query<AnalystResult> {
  constructor(readonly sql: string) {
    super();
  }
}
