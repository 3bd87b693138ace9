import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { runAnalystSql } from '@presales/analytics';
import { AnalystSqlHandler } from './analyst-sql.handler.js';
import { RunSqlQuery } from './run-sql.query.js';

@QueryHandler(RunSqlQuery)
export class RunSqlHandler extends AnalystSqlHandler implements IQueryHandler<RunSqlQuery> {
  /** Admitted under the caller's and the platform's limits, then gated, then run (decision 0024). */
  execute({ sql, callerId }: RunSqlQuery) {
    return this.admission.run(callerId, () => runAnalystSql(this.session, this.gate, sql));
  }
}
